import { z } from 'zod'
import { CaseSummary } from './case'
import { Commitment } from './workflow'

const CommitmentRow = z.object({ case: CaseSummary, commitment: Commitment })

export const HomeSummary = z.object({
  escalated: z.array(CaseSummary),
  overdueCommitments: z.array(CommitmentRow),
  commitmentsDueToday: z.array(CommitmentRow),
  overdueCases: z.array(CaseSummary),
  openByClass: z.object({ class1: z.number().int(), class2: z.number().int() }),
})
export type HomeSummary = z.infer<typeof HomeSummary>
