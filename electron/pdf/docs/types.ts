/** The subset of pdfmake's document definition the builders produce (plain data). */
export type Content = string | number | Record<string, unknown> | Content[]

export interface DocDefinition {
  info?: { title?: string; author?: string; subject?: string }
  content: Content[]
  styles?: Record<string, Record<string, unknown>>
  defaultStyle?: Record<string, unknown>
  footer?: unknown
  header?: unknown
  pageSize?: string
  pageMargins?: number[]
}

export type T = (key: string, params?: Record<string, unknown>) => string

export const STYLES = {
  title: { fontSize: 16, bold: true, alignment: 'center', margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 9, color: '#555555', alignment: 'center', margin: [0, 0, 0, 12] },
  h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 4] },
  label: { color: '#555555' },
  small: { fontSize: 8, color: '#555555' },
  th: { bold: true, fillColor: '#eef2f6' },
}

/** A two-column label/value table that never splits a row across pages. */
export function fieldTable(rows: [string, string][], widths: (string | number)[] = [90, '*']): Content {
  return {
    table: {
      widths,
      dontBreakRows: true,
      body: rows.map(([label, value]) => [{ text: label, style: 'label' }, value || '—']),
    },
    layout: 'lightHorizontalLines',
  }
}
