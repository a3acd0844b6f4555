import type { Case, CaseQuery } from '../schemas/case'
import { phoneDigits } from './phone'
import { localDayEnd, localDayStart } from './localTime'

type Query = Required<Pick<CaseQuery, 'sort' | 'dir'>> & Omit<CaseQuery, 'sort' | 'dir' | 'limit' | 'offset'>

/** What the list filters and sorts on: a case, or an archived case's index row. */
export type Listable = Pick<
  Case,
  'status' | 'category' | 'departmentId' | 'receivedAt' | 'phone' | 'number' | 'customerName' | 'product' | 'receiptNo' | 'description' | 'demandNote'
>

/** Case-insensitive text match over number, name, phone digits, product, receipt and description. */
export function matchesText(c: Listable, q: string): boolean {
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

export function filterCases<T extends Listable>(cases: readonly T[], q: Query): T[] {
  return cases.filter(
    (c) =>
      (!q.status || c.status === q.status) &&
      (!q.category || c.category === q.category) &&
      (!q.departmentId || c.departmentId === q.departmentId) &&
      inDayRange(c.receivedAt, q.from, q.to) &&
      (!q.q || matchesText(c, q.q)),
  )
}

const collator = new Intl.Collator('zh-CN')
const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export function sortCases<T extends Listable>(cases: T[], sort: Query['sort'], dir: Query['dir']): T[] {
  const sign = dir === 'asc' ? 1 : -1
  // Names sort as Chinese readers expect; the other keys are ISO times and ids, for which
  // code-unit order is right and many times faster over a long history.
  const compare = sort === 'customerName' ? collator.compare : plain
  return cases.sort((a, b) => {
    const primary = compare(String(a[sort]), String(b[sort]))
    // Ties fall back to the case number so the order is stable across reloads.
    return sign * (primary !== 0 ? primary : plain(a.number, b.number))
  })
}
