import { describe, expect, it } from 'vitest'
import { parseLocalDateTime, toLocalDateTime } from '@shared/values/localTime'

describe('local date-times (受理时间)', () => {
  it('round-trips a datetime-local value', () => {
    const d = parseLocalDateTime('2026-11-22T09:05')!
    expect(d.getHours()).toBe(9)
    expect(toLocalDateTime(d)).toBe('2026-11-22T09:05')
  })

  it.each(['2026-02-30T10:00', '2026-13-01T10:00', '2026-11-22 10:00', '2026-11-22T25:00', '', 'yesterday'])(
    'rejects %s',
    (s) => {
      expect(parseLocalDateTime(s)).toBeNull()
    },
  )
})
