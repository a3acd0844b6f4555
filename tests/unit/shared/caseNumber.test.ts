import { describe, expect, it } from 'vitest'
import { CASE_NUMBER_PATTERN, dayKey, formatCaseNumber, nextCaseNumber } from '@shared/rules/caseNumber'

describe('case numbers', () => {
  const nov22 = new Date(2026, 10, 22, 9, 30)

  it('formats like KS-20261122-0007', () => {
    expect(formatCaseNumber('20261122', 7)).toBe('KS-20261122-0007')
    expect(CASE_NUMBER_PATTERN.test('KS-20261122-0007')).toBe(true)
  })

  it('keeps counting past 9999 without truncating', () => {
    expect(formatCaseNumber('20261122', 12345)).toBe('KS-20261122-12345')
  })

  it('uses the local calendar day', () => {
    expect(dayKey(new Date(2026, 0, 5, 23, 59))).toBe('20260105')
  })

  it('issues consecutive numbers per day and restarts at 1 the next day', () => {
    let counters: Record<string, number> = {}
    const issued: string[] = []
    for (const when of [nov22, nov22, new Date(2026, 10, 23, 8), nov22]) {
      const next = nextCaseNumber(counters, when)
      counters = next.counters
      issued.push(next.number)
    }
    expect(issued).toEqual(['KS-20261122-0001', 'KS-20261122-0002', 'KS-20261123-0001', 'KS-20261122-0003'])
  })

  it('does not mutate the counters it is given', () => {
    const counters = { '20261122': 4 }
    expect(nextCaseNumber(counters, nov22).number).toBe('KS-20261122-0005')
    expect(counters).toEqual({ '20261122': 4 })
  })

  it('rejects bad inputs', () => {
    expect(() => formatCaseNumber('2026-11-22', 1)).toThrow()
    expect(() => formatCaseNumber('20261122', 0)).toThrow()
  })
})
