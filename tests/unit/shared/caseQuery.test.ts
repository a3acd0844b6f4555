import { describe, expect, it } from 'vitest'
import { filterCases, matchesText, sortCases } from '@shared/rules/caseQuery'
import { makeCase } from '../../support/factories'

const base = { sort: 'receivedAt' as const, dir: 'desc' as const }

describe('case list filtering and search', () => {
  const rice = makeCase({ description: '电饭煲不加热', customerName: '王秀英', phone: '13812341234', category: 'product_quality' })
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
