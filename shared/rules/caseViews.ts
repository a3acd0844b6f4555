import type { Case, CaseView } from '../schemas/case'
import type { WorkflowSettings } from '../schemas/settings'
import { caseFlags } from './deadlines'
import { refusalFor } from './lifecycle'
import { urgentOpen } from './priority'

/**
 * The list's saved views (docs/domain.md §2, §8), evaluated in main where the list is queried:
 *
 * - 全部 `all`: every case;
 * - 我的 `mine`: the caller is its 负责人; 未分配 `unassigned`: nobody is;
 * - 紧急 `urgent`: an urgent case still open (rules/priority);
 * - 逾期 `overdue`: a deadline or a commitment has passed unmet (rules/deadlines);
 * - 待回访 `follow_up`: the follow-up call is what the case waits for (the lifecycle offers 记录回访).
 *
 * Archived cases are finished, so only 全部, 我的 and 未分配 can hold them.
 */

/** A live case, or an archived case's row (no workflow: its owner id, if any, is on the row). */
export type Viewable = Pick<Case, 'status' | 'caseClass' | 'receivedAt'> & {
  workflow?: Case['workflow']
  ownerId?: string | null
}

/** Who asks (staff id, for 我的), and the clock and deadlines the time-bound views read. */
export interface ViewContext {
  me: string
  /** Needed by 逾期 (asking for it without them is a programming error, and throws). */
  now?: Date
  settings?: WorkflowSettings
}

/** Views that only open cases can be in: an archived (finished) case never is, so main skips the archive for them. */
export const OPEN_ONLY_VIEWS: readonly CaseView[] = ['urgent', 'overdue', 'follow_up']

/** The id of the case's 负责人, or null (未分配). */
export function ownerIdOf(c: Pick<Viewable, 'workflow' | 'ownerId'>): string | null {
  return c.workflow ? (c.workflow.owner?.id ?? null) : (c.ownerId ?? null)
}

export function inCaseView(view: CaseView, c: Viewable, ctx: ViewContext): boolean {
  switch (view) {
    case 'all':
      return true
    case 'mine':
      return ownerIdOf(c) === ctx.me
    case 'unassigned':
      return ownerIdOf(c) === null
  }
  if (!c.workflow) return false
  const live = c as Viewable & Pick<Case, 'workflow'>
  switch (view) {
    case 'urgent':
      return urgentOpen({ status: live.status, urgent: live.workflow.urgent })
    case 'overdue':
      if (!ctx.now || !ctx.settings) throw new Error('the overdue view needs now and settings')
      return caseFlags(live, ctx.settings, ctx.now).overdue.length > 0
    case 'follow_up':
      return refusalFor(live, 'recordFollowUp') === null
  }
}
