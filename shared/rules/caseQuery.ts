import type { Case, CaseQuery } from '../schemas/case'
import { phoneDigits } from '../values/phone'
import { localDayEnd, localDayStart } from '../values/localTime'
import type { WorkflowSettings } from '../schemas/settings'
import { inCaseView, ownerIdOf, type Viewable } from './caseViews'

type Query = Required<Pick<CaseQuery, 'sort' | 'dir'>> &
  Omit<CaseQuery, 'sort' | 'dir' | 'limit' | 'offset'> & {
    /** Who asks (staff id): the 我的 view is their cases. */
    me?: string
    /** The clock and deadlines, for the views that depend on them (逾期). */
    now?: Date
    settings?: WorkflowSettings
  }

/** What the list filters and sorts on: a case, or an archived case's index row. */
export type Listable = Pick<
  Case,
  | 'status'
  | 'category'
  | 'departmentId'
  | 'receivedAt'
  | 'phone'
  | 'number'
  | 'customerName'
  | 'product'
  | 'receiptNo'
  | 'description'
  | 'demandNote'
>

const TEXT_FIELDS = ['number', 'customerName', 'product', 'receiptNo', 'description', 'demandNote'] as const

/**
 * The searchable text of a case, lower-cased, one field per line: a needle (one line of
 * typed text) can only match within a field. Worth keeping per case over a long history.
 */
export function searchText(c: Listable): string {
  return TEXT_FIELDS.map((f) => c[f].toLowerCase()).join('\n')
}

/** The complaint in one line for lists and headers: whitespace folded, cut at `max` characters with "…". */
export function complaintLine(description: string, max = 40): string {
  const line = description.replace(/\s+/g, ' ').trim()
  const chars = Array.from(line)
  return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`
}

/**
 * What the filters need of a case or an archived case's row: the views (rules/caseViews) read
 * the case's workflow, or the row's owner id (rows archived before owners existed have none).
 */
export type Filterable = Pick<
  Case,
  'status' | 'category' | 'departmentId' | 'receivedAt' | 'phone' | 'number' | 'customerName'
> &
  Viewable

export { ownerIdOf }

/**
 * Finds the cases whose text holds a (lower-cased) needle, or whose phone holds `digits`
 * (the needle as phone digits, when it looks like some). By default each case's own fields
 * are read; the archive searches its text files instead.
 */
export type TextSearch<T> = (needle: string, digits: string | null) => (c: T) => boolean
const ownText: TextSearch<Listable> = (needle, digits) => (c) =>
  (digits !== null && phoneDigits(c.phone).includes(digits)) || searchText(c).includes(needle)

/** A text query, prepared once: lower-cased, and as phone digits when it looks like some. */
function textMatcher<T>(q: string, search: TextSearch<T>): ((c: T) => boolean) | null {
  const needle = q.trim().toLowerCase()
  if (needle === '') return null
  const digits = needle.replace(/[\s-]/g, '')
  return search(needle, /^\d{3,}$/.test(digits) ? digits : null)
}

/** Case-insensitive text match over number, name, phone digits, product, receipt and description. */
export function matchesText(c: Listable, q: string): boolean {
  return textMatcher(q, ownText)?.(c) ?? true
}

/**
 * Keeps the cases that pass every filter, in their order. `search` finds text matches
 * (the archive searches its own text files); by default each case's own fields are read.
 */
export function filterCases<T extends Filterable>(
  cases: readonly T[],
  q: Query,
  search: TextSearch<T> = ownText as unknown as TextSearch<T>,
): readonly T[] {
  // No filter at all (the list as it opens): the cases themselves, not a copy of a long history.
  const view = q.view ?? 'all'
  if (!q.status && !q.category && !q.departmentId && !q.from && !q.to && !q.q?.trim() && view === 'all') return cases
  // receivedAt is an ISO instant; from/to are local calendar days, both inclusive: the
  // bounds become ISO instants once, and ISO strings compare in time order.
  const from = q.from ? new Date(localDayStart(q.from)).toISOString() : null
  const to = q.to ? new Date(localDayEnd(q.to)).toISOString() : null
  const matches = q.q ? textMatcher(q.q, search) : null
  const viewContext = { me: q.me ?? '', now: q.now, settings: q.settings }
  return cases.filter(
    (c) =>
      (!q.status || c.status === q.status) &&
      (!q.category || c.category === q.category) &&
      (!q.departmentId || c.departmentId === q.departmentId) &&
      (view === 'all' || inCaseView(view, c, viewContext)) &&
      (from === null || c.receivedAt >= from) &&
      (to === null || c.receivedAt < to) &&
      (matches === null || matches(c)),
  )
}

const collator = new Intl.Collator('zh-CN')
const plain = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The list order: names as Chinese readers expect; times and ids in code-unit order (many times faster). */
export function listOrder(sort: Query['sort'], dir: Query['dir']): (a: Filterable, b: Filterable) => number {
  const sign = dir === 'asc' ? 1 : -1
  const compare = sort === 'customerName' ? collator.compare : plain
  return (a, b) => {
    const primary = compare(String(a[sort]), String(b[sort]))
    // Ties fall back to the case number so the order is stable across reloads.
    return sign * (primary !== 0 ? primary : plain(a.number, b.number))
  }
}

export function sortCases<T extends Filterable>(cases: T[], sort: Query['sort'], dir: Query['dir']): T[] {
  return cases.sort(listOrder(sort, dir))
}

/** The first `count` items of two lists already in `order`, merged (a page needs no more). */
export function mergeSorted<A, B>(
  a: readonly A[],
  b: readonly B[],
  order: (x: A | B, y: A | B) => number,
  count = a.length + b.length,
): (A | B)[] {
  const out: (A | B)[] = []
  let i = 0
  let j = 0
  while (out.length < count && (i < a.length || j < b.length)) {
    out.push(j >= b.length || (i < a.length && order(a[i], b[j]) <= 0) ? a[i++] : b[j++])
  }
  return out
}
