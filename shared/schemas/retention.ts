import { z } from 'zod'
import { CASE_STATUSES, CATEGORIES } from '../values/options'
import { Id, ManagerApproval } from './common'

/** A case past the retention period, as listed for a manager (the phone is not shown). */
export const RetentionDueRow = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  category: z.enum(CATEGORIES),
  receivedAt: z.string(),
})
export const RetentionDue = z.object({
  /** The branch's period in months; null: none set (the list is then empty). */
  months: z.number().int().nullable(),
  items: z.array(RetentionDueRow),
})
export type RetentionDue = z.infer<typeof RetentionDue>

export const AnonymiseInput = z.object({ ids: z.array(Id).min(1).max(500), approval: ManagerApproval })
export const AnonymiseResult = z.object({ anonymised: z.number().int() })
