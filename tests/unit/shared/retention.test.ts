import { describe, expect, it } from 'vitest'
import { ANONYMISED_NAME, pastRetention } from '@shared/rules/retention'

const now = new Date(2026, 10, 23, 12, 0)
const row = (o: object = {}) => ({
  status: 'closed' as const,
  receivedAt: new Date(2023, 10, 23, 12, 0).toISOString(),
  customerName: '王秀英',
  phone: '13812341234',
  ...o,
})

describe('the retention period (docs/domain.md §10)', () => {
  it('is past once the months since 受理 are over, for finished cases only', () => {
    expect(pastRetention(row(), 36, now)).toBe(true)
    expect(pastRetention(row({ receivedAt: new Date(2023, 10, 23, 12, 1).toISOString() }), 36, now)).toBe(false)
    expect(pastRetention(row({ status: 'voided' }), 36, now)).toBe(true)
    for (const status of ['received', 'in_progress', 'resolved', 'reported', 'followed_up'] as const)
      expect(pastRetention(row({ status }), 36, now)).toBe(false)
  })
  it('never without a period, and never twice', () => {
    expect(pastRetention(row(), null, now)).toBe(false)
    expect(pastRetention(row(), undefined, now)).toBe(false)
    expect(pastRetention(row({ customerName: ANONYMISED_NAME, phone: '' }), 36, now)).toBe(false)
    expect(pastRetention(row({ customerName: ANONYMISED_NAME }), 36, now)).toBe(true) // a phone still there
  })
})
