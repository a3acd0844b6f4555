import { z } from 'zod'
import { CaseSummary } from './case'
import { Handover } from './handover'
import { Commitment } from './workflow'
import { SETUP_TASKS } from '../values/options'

const CommitmentRow = z.object({ case: CaseSummary, commitment: Commitment })

/** How many of the open cases handed over the home page lists (the handover page has them all). */
export const HOME_HANDOVER_CASES = 8

/**
 * The last handover as the home page shows it: who handed over to whom and when, the notes,
 * the first open cases handed over and how many there were.
 */
export const LastHandover = Handover.pick({ id: true, at: true, outgoing: true, incoming: true, notes: true }).extend({
  openCases: z.array(CaseSummary).max(HOME_HANDOVER_CASES),
  openCount: z.number().int(),
})
export type LastHandover = z.infer<typeof LastHandover>

export const HomeSummary = z.object({
  escalated: z.array(CaseSummary),
  overdueCommitments: z.array(CommitmentRow),
  commitmentsDueToday: z.array(CommitmentRow),
  overdueCases: z.array(CaseSummary),
  openByClass: z.object({ class1: z.number().int(), class2: z.number().int() }),
  /**
   * How many cases the list's 紧急 / 逾期 / 待回访 views hold (the tiles that open them): an
   * urgent case still open; anything overdue, a deadline or a commitment; the follow-up due.
   */
  viewCounts: z.object({ urgent: z.number().int(), overdue: z.number().int(), follow_up: z.number().int() }),
  /** The last signed-off handover, for the shift that took over (null: none yet). */
  lastHandover: LastHandover.nullable(),
  /** 开始使用前: what the branch still has to set up (rules/setupChecklist); null once all done. */
  setup: z.array(z.object({ task: z.enum(SETUP_TASKS), done: z.boolean() })).nullable(),
})
export type HomeSummary = z.infer<typeof HomeSummary>
