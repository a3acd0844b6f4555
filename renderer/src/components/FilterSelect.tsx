import { Select, type SelectProps } from 'antd'

/** A list filter's select with its visible label beside it (the branch's list and head office's). */
export function FilterSelect({ id, label, ...select }: { id: string; label: string } & SelectProps<string>) {
  return (
    <span className="filter">
      <label htmlFor={id}>{label}</label>
      <Select id={id} {...select} />
    </span>
  )
}
