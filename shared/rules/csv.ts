/**
 * CSV that Excel opens cleanly with Chinese text: UTF-8 with a byte-order mark, CRLF line
 * ends, fields quoted when they hold a comma, quote or line break. A cell that Excel would
 * read as a formula (=, +, -, @ first) is prefixed with ' so it stays text.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function toCsv(rows: readonly (readonly string[])[]): string {
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`
}
