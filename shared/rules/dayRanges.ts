import { addDays, endOfMonth, format, startOfMonth } from 'date-fns'
import { lastWeek } from './weekly'

/** A span of local calendar days, both inclusive (YYYY-MM-DD), as the list and the reports filter by. */
export interface DayRange {
  from: string
  to: string
}

/** The date range presets, in the order they are offered: 今天, 本周, 上周, 本月. */
export const DAY_RANGE_PRESETS = ['today', 'thisWeek', 'lastWeek', 'thisMonth'] as const
export type DayRangePreset = (typeof DAY_RANGE_PRESETS)[number]

const day = (d: Date) => format(d, 'yyyy-MM-dd')

/**
 * Each preset's days as of `today` (local): weeks run Monday to Sunday, as the weekly report's
 * (rules/weekly lastWeek); this week and this month run to their last day.
 */
export function dayRangePresets(today: Date): Record<DayRangePreset, DayRange> {
  const monday = addDays(today, -((today.getDay() + 6) % 7))
  return {
    today: { from: day(today), to: day(today) },
    thisWeek: { from: day(monday), to: day(addDays(monday, 6)) },
    lastWeek: lastWeek(today),
    thisMonth: { from: day(startOfMonth(today)), to: day(endOfMonth(today)) },
  }
}

/**
 * Which preset `range` is as of `today`, or null for any other range: a screen names the
 * period by it (本周 only for this very week, never for another one).
 */
export function presetOf(range: DayRange, today: Date): DayRangePreset | null {
  const presets = dayRangePresets(today)
  return DAY_RANGE_PRESETS.find((p) => presets[p].from === range.from && presets[p].to === range.to) ?? null
}
