import { describe, expect, it } from 'vitest'
import { dayRangePresets, presetOf } from '@shared/rules/dayRanges'

describe('date range presets 今天 / 本周 / 上周 / 本月', () => {
  it('on a Wednesday: today, Monday to Sunday this week and last, the whole month', () => {
    expect(dayRangePresets(new Date(2026, 10, 25, 15, 30))).toEqual({
      today: { from: '2026-11-25', to: '2026-11-25' },
      thisWeek: { from: '2026-11-23', to: '2026-11-29' },
      lastWeek: { from: '2026-11-16', to: '2026-11-22' },
      thisMonth: { from: '2026-11-01', to: '2026-11-30' },
    })
  })

  it('a Sunday still belongs to the week that began on Monday; a Monday starts a new one', () => {
    expect(dayRangePresets(new Date(2026, 10, 22, 23, 59)).thisWeek).toEqual({ from: '2026-11-16', to: '2026-11-22' })
    expect(dayRangePresets(new Date(2026, 10, 23, 0, 0)).thisWeek).toEqual({ from: '2026-11-23', to: '2026-11-29' })
  })

  it('weeks and months across year ends and February', () => {
    const newYear = dayRangePresets(new Date(2027, 0, 1))
    expect(newYear.thisWeek).toEqual({ from: '2026-12-28', to: '2027-01-03' })
    expect(newYear.lastWeek).toEqual({ from: '2026-12-21', to: '2026-12-27' })
    expect(dayRangePresets(new Date(2028, 1, 10)).thisMonth).toEqual({ from: '2028-02-01', to: '2028-02-29' })
  })

  it('names a range by its preset only when it is exactly that preset today (the weekly screen says 本周 only then)', () => {
    const today = new Date(2026, 10, 26)
    const presets = dayRangePresets(today)
    expect(presetOf(presets.today, today)).toBe('today')
    expect(presetOf(presets.thisWeek, today)).toBe('thisWeek')
    expect(presetOf(presets.lastWeek, today)).toBe('lastWeek')
    expect(presetOf(presets.thisMonth, today)).toBe('thisMonth')
    // Last week seen from a later week is no longer 本周; a hand-picked range is none.
    expect(presetOf({ from: '2026-11-23', to: '2026-11-29' }, new Date(2026, 10, 30))).toBe('lastWeek')
    expect(presetOf({ from: '2026-11-16', to: '2026-11-22' }, new Date(2026, 10, 30))).toBeNull()
    expect(presetOf({ from: '2026-11-23', to: '2026-11-26' }, today)).toBeNull()
  })
})
