import { z } from 'zod'
import { CaseSummary } from './case'
import { Handover } from './handover'
import { Commitment } from './workflow'

const CommitmentRow = z.object({ case: CaseSummary, commitment: Commitment })

export const HomeSummary = z.object({
  escalated: z.array(CaseSummary),
  overdueCommitments: z.array(CommitmentRow),
  commitmentsDueToday: z.array(CommitmentRow),
  overdueCases: z.array(CaseSummary),
  openByClass: z.object({ class1: z.number().int(), class2: z.number().int() }),
  /** Open cases with anything overdue (a deadline or a commitment): the list's 逾期 view, counted. */
  overdueCount: z.number().int(),
  /** The last signed-off handover, for the shift that took over (null: none yet). */
  lastHandover: Handover.nullable(),
})
export type HomeSummary = z.infer<typeof HomeSummary>
