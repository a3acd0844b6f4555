import { z } from 'zod'
import { CATEGORIES, CAUSES } from '../values/options'
import { DayRange } from './common'

const Row = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number().int(),
  class1: z.number().int(),
  class2: z.number().int(),
  open: z.number().int(),
  overdue: z.number().int(),
  /** Average hours from receipt to resolution, over cases resolved; null when none. */
  avgResolveHours: z.number().nullable(),
  compensationFen: z.number().int(),
  /** Average follow-up satisfaction (1–5); null when none. */
  satisfaction: z.number().nullable(),
})
export type WeeklyRow = z.infer<typeof Row>

export const WeeklyReport = z.object({
  from: z.string(),
  to: z.string(),
  byDepartment: z.array(Row),
  byCategory: z.array(Row.extend({ key: z.enum(CATEGORIES) })),
  total: Row,
  /** Customers (by phone, masked) with 2+ complaints in the week, and categories seen 3+ times. */
  repeatCustomers: z.array(z.object({ phoneMasked: z.string(), name: z.string(), count: z.number().int() })),
  patterns: z.array(z.object({ category: z.enum(CATEGORIES), count: z.number().int() })),
  /** Complaints per cause code (docs/domain.md §3a), the category's order; and those of such categories left without one. */
  causes: z.array(
    z.object({ category: z.enum(CATEGORIES), cause: z.enum(CAUSES).nullable(), count: z.number().int() }),
  ),
  /** Suggestions and opinions received in the range (建议/意见): shown apart, never in the complaint counts. */
  suggestions: z.number().int(),
  /** Complaints per day of the week (for the line chart). */
  perDay: z.array(z.object({ day: z.string(), count: z.number().int() })),
})
export type WeeklyReport = z.infer<typeof WeeklyReport>

export const WeeklyQuery = DayRange
