import type { Case, CaseQuery } from '../schemas/case'
import { phoneDigits } from './phone'
import { localDayEnd, localDayStart } from './localTime'

type Query = Required<Pick<CaseQuery, 'sort' | 'dir'>> & Omit<CaseQuery, 'sort' | 'dir' | 'limit'>

/** Case-insensitive text match over number, name, phone digits, product, receipt and description. */
export function matchesText(c: Case, q: string): boolean {
  const needle = q.trim().toLowerCase()
  if (needle === '') return true
  const digits = needle.replace(/[\s-]/g, '')
  if (/^\d{3,}$/.test(digits) && phoneDigits(c.phone).includes(digits)) return true
  return [c.number, c.customerName, c.product, c.receiptNo, c.description, c.demandNote].some((field) =>
    field.toLowerCase().includes(needle),
  )
}

/** receivedAt is an ISO instant; from/to are local calendar days, both inclusive. */
function inDayRange(receivedAt: string, from?: string, to?: string): boolean {
  const t = new Date(receivedAt).getTime()
  if (from && t < localDayStart(from)) return false
  if (to && t >= localDayEnd(to)) return false
  return true
}

export function filterCases(cases: readonly Case[], q: Query): Case[] {
  return cases.filter(
    (c) =>
      (!q.status || c.status === q.status) &&
      (!q.category || c.category === q.category) &&
      (!q.departmentId || c.departmentId === q.departmentId) &&
      inDayRange(c.receivedAt, q.from, q.to) &&
      (!q.q || matchesText(c, q.q)),
  )
}

export function sortCases(cases: Case[], sort: Query['sort'], dir: Query['dir']): Case[] {
  const sign = dir === 'asc' ? 1 : -1
  const collator = new Intl.Collator('zh-CN')
  return cases.sort((a, b) => {
    const primary = collator.compare(String(a[sort]), String(b[sort]))
    // Ties fall back to the case number so the order is stable across reloads.
    return sign * (primary !== 0 ? primary : a.number.localeCompare(b.number))
  })
}
