import type { ReactNode } from 'react'
import { Empty } from 'antd'

export interface PlainColumn<T> {
  key: string
  title: ReactNode
  render: (row: T) => ReactNode
  align?: 'left' | 'right' | 'center'
}

/**
 * A small table drawn with Ant Design's table styles. antd's own <Table> measures the
 * scrollbar on mount by inserting a <style> element, which the strict CSP refuses (and
 * reports) — these settings lists are short and need none of its features.
 */
export function PlainTable<T>({
  label,
  columns,
  rows,
  rowKey,
  rowClassName,
  empty,
  caption,
}: {
  label?: string
  columns: readonly PlainColumn<T>[]
  rows: readonly T[]
  rowKey: (row: T) => string
  rowClassName?: (row: T) => string
  empty: ReactNode
  caption?: ReactNode
}) {
  return (
    // The theme's and the table's CSS-variable classes: antd's stylesheet reads its paddings and
    // colours from variables set on them (without, the cells have none).
    <div className="ant-table-wrapper plain-table cd-theme ant-table-css-var">
      <div className="ant-table ant-table-small">
        <div className="ant-table-container">
          <div className="ant-table-content">
            <table aria-label={label}>
              {caption && <caption className="ant-table-title">{caption}</caption>}
              <thead className="ant-table-thead">
                <tr>
                  {columns.map((c) => (
                    <th key={c.key} scope="col" className="ant-table-cell" style={{ textAlign: c.align }}>
                      {c.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="ant-table-tbody">
                {rows.length === 0 ? (
                  <tr className="ant-table-placeholder">
                    <td className="ant-table-cell" colSpan={columns.length}>
                      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
                    </td>
                  </tr>
                ) : (
                  rows.map((row) => (
                    <tr key={rowKey(row)} className={`ant-table-row ${rowClassName?.(row) ?? ''}`}>
                      {columns.map((c) => (
                        <td key={c.key} className="ant-table-cell" style={{ textAlign: c.align }}>
                          {c.render(row)}
                        </td>
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  )
}
