/** Label–value pairs as a definition list (case fields, workflow records). */
export function FieldRows({ rows, className }: { rows: [string, string][]; className: string }) {
  return (
    <dl className={className}>
      {rows.map(([label, value]) => (
        <div key={label} className="field-row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
