import { describe, expect, it } from 'vitest'
import { filterCases, listOrder, matchesText, mergeSorted, searchText, sortCases } from '@shared/rules/caseQuery'
import { makeCase } from '../../support/factories'

const base = { sort: 'receivedAt' as const, dir: 'desc' as const }

describe('case list filtering and search', () => {
  const rice = makeCase({
    description: '电饭煲不加热',
    customerName: '王秀英',
    phone: '13812341234',
    category: 'product_quality',
  })
  const change = makeCase({
    description: '收银员少找了十元',
    customerName: 'Zhang Wei',
    phone: '021-87654321',
    category: 'cashier_error',
    status: 'closed',
    departmentId: 'dept-2',
    receivedAt: new Date(2026, 10, 20, 18, 0).toISOString(),
  })
  const all = [rice, change]

  it('finds Chinese text in the description', () => {
    expect(filterCases(all, { ...base, q: '少找' })).toEqual([change])
  })

  it('finds by name (case-insensitive), case number and phone digits', () => {
    expect(matchesText(change, 'zhang')).toBe(true)
    expect(matchesText(rice, rice.number)).toBe(true)
    expect(matchesText(rice, '1234')).toBe(true)
    expect(matchesText(change, '8765 4321')).toBe(true)
    expect(matchesText(rice, '8765')).toBe(false)
  })

  it('filters by status, category and department', () => {
    expect(filterCases(all, { ...base, status: 'closed' })).toEqual([change])
    expect(filterCases(all, { ...base, category: 'product_quality' })).toEqual([rice])
    expect(filterCases(all, { ...base, departmentId: 'dept-2' })).toEqual([change])
  })

  it('filters by an inclusive local date range', () => {
    expect(filterCases(all, { ...base, from: '2026-11-20', to: '2026-11-20' })).toEqual([change])
    expect(filterCases(all, { ...base, from: '2026-11-21' })).toEqual([rice])
    expect(filterCases(all, { ...base, to: '2026-11-19' })).toEqual([])
  })

  it('sorts by received time both ways, ties broken by number', () => {
    expect(sortCases([...all], 'receivedAt', 'desc')).toEqual([rice, change])
    expect(sortCases([...all], 'receivedAt', 'asc')).toEqual([change, rice])
    const twin = makeCase({ receivedAt: rice.receivedAt })
    expect(sortCases([twin, rice], 'receivedAt', 'asc').map((c) => c.number)).toEqual([rice.number, twin.number])
  })
})

describe('list pages over live and archived cases', () => {
  const at = (day: number, number: string) =>
    makeCase({ receivedAt: `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`, number })
  const order = listOrder('receivedAt', 'desc')

  it('merges two lists already in order, and stops once a page is full', () => {
    const live = [at(20, 'A'), at(10, 'B')]
    const archived = [at(15, 'C'), at(5, 'D'), at(1, 'E')]
    expect(mergeSorted(live, archived, order).map((c) => c.number)).toEqual(['A', 'C', 'B', 'D', 'E'])
    expect(mergeSorted(live, archived, order, 2).map((c) => c.number)).toEqual(['A', 'C'])
    expect(mergeSorted([], archived, order, 10).map((c) => c.number)).toEqual(['C', 'D', 'E'])
  })

  it('a text search given to the filter is asked with the lower-cased needle; phone digits still match', () => {
    const c = makeCase({ customerName: '王秀英', product: '电饭煲', description: '不加热', phone: '13812341234' })
    const q = { sort: 'receivedAt', dir: 'desc' } as const
    const asked: string[] = []
    const search = (needle: string) => (asked.push(needle), (x: typeof c) => searchText(x).includes(needle))
    expect(filterCases([c], { ...q, q: ' MB-40 ' }, search)).toEqual([])
    expect(asked).toEqual(['mb-40'])
    const digitsAsked: (string | null)[] = []
    filterCases([c], { ...q, q: '1234 1234' }, (_n, digits) => (digitsAsked.push(digits), () => true))
    expect(digitsAsked).toEqual(['12341234'])
    expect(filterCases([c], { ...q, q: '1234 1234' })).toEqual([c])
    expect(filterCases([c], { ...q, q: '英电' })).toEqual([]) // end of one field + start of the next
    expect(matchesText(c, '英电')).toBe(false)
  })
})
