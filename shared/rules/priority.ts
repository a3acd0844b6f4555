import type { CaseFlags } from '../schemas/case'
import type { CaseStatus } from '../values/options'
import { OPEN_STATUSES } from './lifecycle'

/**
 * How pressing a case is, for the list's 优先级 column and row highlight, its 紧急 / 逾期 views
 * and the home page's tiles (docs/domain.md §5, §8): one rule for all of them.
 *
 * - `urgent` (紧急): an urgent case (§5) that is still open — taken over or not;
 * - `overdue` (逾期): a deadline of §8 or a commitment has passed unmet;
 * - `due_soon` (即将到期): one falls due within the branch's due-soon window.
 */
export const PRIORITIES = ['urgent', 'overdue', 'due_soon'] as const
export type Priority = (typeof PRIORITIES)[number]

/** A list row (CaseSummary) or a case with its flags computed (rules/deadlines caseFlags). */
export interface PrioritySubject {
  status: CaseStatus
  urgent: boolean
  flags: Pick<CaseFlags, 'overdue' | 'commitmentsDueSoon'> & Partial<Pick<CaseFlags, 'dueSoon'>>
}

/** An urgent case still open: neither closed nor voided. */
export function urgentOpen(c: Pick<PrioritySubject, 'status' | 'urgent'>): boolean {
  return c.urgent && OPEN_STATUSES.includes(c.status)
}

/** Every mark that applies, most pressing first (none: nothing presses). */
export function priorityMarks(c: PrioritySubject): Priority[] {
  const marks: Priority[] = []
  if (urgentOpen(c)) marks.push('urgent')
  if (c.flags.overdue.length > 0) marks.push('overdue')
  // Rows from before dueSoon was computed still know their due-soon commitments.
  if ((c.flags.dueSoon ?? []).length > 0 || c.flags.commitmentsDueSoon > 0) marks.push('due_soon')
  return marks
}

/** The most pressing mark, or null. */
export function casePriority(c: PrioritySubject): Priority | null {
  return priorityMarks(c)[0] ?? null
}
