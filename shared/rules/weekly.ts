import { format, addDays } from 'date-fns'
import type { Case } from '../schemas/case'
import type { WeeklyReport, WeeklyRow } from '../schemas/weekly'
import type { WorkflowSettings } from '../schemas/settings'
import type { DayRange } from '../schemas/common'
import { CATEGORIES, type Category, type Cause } from '../values/options'
import { causesFor } from './causes'
import { caseFlags } from './deadlines'
import { maskPhone, phoneDigits } from '../values/phone'
import { formatFen } from '../values/money'
import { OPEN_STATUSES } from './lifecycle'
import { localDayEnd, localDayStart, withinLocalDays } from '../values/localTime'

/** The figures of a weekly row, in the order the screen and the PDF show them (i18n keys under weekly.). */
export const WEEKLY_COLUMNS = [
  'total',
  'class1',
  'class2',
  'open',
  'overdue',
  'avgHours',
  'cost',
  'satisfaction',
] as const

/**
 * A weekly row's figures as text, in WEEKLY_COLUMNS order: what the screen and the PDF both
 * show, so they read the same ("—" where nothing was resolved or rated, ¥ with fen, 4.2/5).
 */
export function weeklyFigureTexts(r: WeeklyRow): string[] {
  return [
    String(r.total),
    String(r.class1),
    String(r.class2),
    String(r.open),
    String(r.overdue),
    r.avgResolveHours === null ? '—' : String(r.avgResolveHours),
    `¥${formatFen(r.compensationFen)}`,
    r.satisfaction === null ? '—' : `${r.satisfaction.toFixed(1)}/5`,
  ]
}

/** Last week's Monday to Sunday (the material asks for the report every Monday). */
export function lastWeek(today: Date): DayRange {
  const weekday = (today.getDay() + 6) % 7 // Monday = 0
  const monday = addDays(today, -weekday - 7)
  return { from: format(monday, 'yyyy-MM-dd'), to: format(addDays(monday, 6), 'yyyy-MM-dd') }
}

function row(key: string, label: string, cases: readonly Case[], settings: WorkflowSettings, now: Date): WeeklyRow {
  const resolved = cases.filter((c) => c.workflow.resolvedAt)
  const rated = cases.filter((c) => c.workflow.followUp)
  const avg = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null)
  return {
    key,
    label,
    total: cases.length,
    class1: cases.filter((c) => c.caseClass === 1).length,
    class2: cases.filter((c) => c.caseClass === 2).length,
    open: cases.filter((c) => OPEN_STATUSES.includes(c.status)).length,
    overdue: cases.filter((c) => caseFlags(c, settings, now).overdue.length > 0).length,
    avgResolveHours: avg(
      resolved.map((c) => (new Date(c.workflow.resolvedAt!).getTime() - new Date(c.receivedAt).getTime()) / 3600_000),
    ),
    compensationFen: cases.reduce(
      (sum, c) =>
        sum +
        c.workflow.offers.filter((o) => o.status === 'executed').reduce((s, o) => s + o.restoreFen + o.goodwillFen, 0),
      0,
    ),
    satisfaction: avg(rated.map((c) => c.workflow.followUp!.satisfaction)),
  }
}

/**
 * 每周部门投诉追踪: the figures of docs/domain.md §9.5 for the complaints received in [from, to]
 * (local days, inclusive), voided ones left out. Pure: the departments' names and `now` are given.
 */
export function weeklyReport(
  all: readonly Case[],
  range: { from: string; to: string },
  departments: readonly { id: string; name: string }[],
  categoryLabel: (c: Category) => string,
  settings: WorkflowSettings,
  now: Date,
  suggestions: readonly { receivedAt: string; voided: unknown }[] = [],
): WeeklyReport {
  const cases = all.filter((c) => c.status !== 'voided' && withinLocalDays(c.receivedAt, range.from, range.to))
  const byDepartment = departments
    .map((d) =>
      row(
        d.id,
        d.name,
        cases.filter((c) => c.departmentId === d.id),
        settings,
        now,
      ),
    )
    .filter((r) => r.total > 0)
  const byCategory = CATEGORIES.map((cat) => ({
    ...row(
      cat,
      categoryLabel(cat),
      cases.filter((c) => c.category === cat),
      settings,
      now,
    ),
    key: cat,
  })).filter((r) => r.total > 0)
  const byPhone = new Map<string, Case[]>()
  for (const c of cases) {
    const p = phoneDigits(c.phone)
    if (p) byPhone.set(p, [...(byPhone.get(p) ?? []), c])
  }
  // Counted in one pass over the cases, then one pass over the days (the range is bounded).
  const receivedOn = new Map<string, number>()
  for (const c of cases) {
    const day = format(new Date(c.receivedAt), 'yyyy-MM-dd')
    receivedOn.set(day, (receivedOn.get(day) ?? 0) + 1)
  }
  const perDay: { day: string; count: number }[] = []
  for (let d = new Date(localDayStart(range.from)); d.getTime() < localDayEnd(range.to); d = addDays(d, 1)) {
    const day = format(d, 'yyyy-MM-dd')
    perDay.push({ day, count: receivedOn.get(day) ?? 0 })
  }
  return {
    ...range,
    byDepartment,
    byCategory,
    total: row('total', 'total', cases, settings, now),
    repeatCustomers: [...byPhone.values()]
      .filter((cs) => cs.length >= 2)
      .map((cs) => ({ phoneMasked: maskPhone(cs[0].phone), name: cs[0].customerName, count: cs.length })),
    patterns: byCategory
      .filter((r) => r.total >= settings.categoryPatternCount)
      .map((r) => ({ category: r.key, count: r.total })),
    causes: causeCounts(cases),
    suggestions: suggestions.filter((s) => !s.voided && withinLocalDays(s.receivedAt, range.from, range.to)).length,
    perDay,
  }
}

/** Cases per cause code, category by category in the material's order; `null`: not yet given one. */
function causeCounts(cases: readonly Case[]): { category: Category; cause: Cause | null; count: number }[] {
  const rows: { category: Category; cause: Cause | null; count: number }[] = []
  for (const category of CATEGORIES) {
    const causes = causesFor(category)
    if (causes.length === 0) continue
    const ofCategory = cases.filter((c) => c.category === category)
    for (const cause of [...causes, null]) {
      const count = ofCategory.filter((c) => (c.cause || null) === cause).length
      if (count > 0) rows.push({ category, cause, count })
    }
  }
  return rows
}
