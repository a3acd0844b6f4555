import type { CaseStatus } from '../values/options'
import type { Workflow } from '../schemas/workflow'

/**
 * The closed loop of docs/domain.md §8: 受理 → 处理中 → 已解决 → 已报告 → 已回访 → 已结案, with
 * reopen and void. `report` and `followUp` happen when their record is saved; the guards
 * say what record each step needs.
 */
export type CaseEvent = 'start' | 'resolve' | 'report' | 'followUp' | 'close' | 'reopen' | 'void'

export type TransitionRefusal =
  'illegal' | 'needs_oral_report' | 'needs_written_report' | 'needs_follow_up' | 'needs_review' | 'already_voided'

const EDGES: Record<CaseEvent, { from: readonly CaseStatus[]; to: CaseStatus }> = {
  start: { from: ['received'], to: 'in_progress' },
  resolve: { from: ['received', 'in_progress'], to: 'resolved' },
  report: { from: ['resolved'], to: 'reported' },
  followUp: { from: ['reported'], to: 'followed_up' },
  close: { from: ['followed_up'], to: 'closed' },
  reopen: { from: ['resolved', 'reported', 'followed_up', 'closed'], to: 'in_progress' },
  void: { from: ['received', 'in_progress', 'resolved', 'reported', 'followed_up', 'closed'], to: 'voided' },
}

export interface TransitionSubject {
  status: CaseStatus
  caseClass: 1 | 2
  workflow: Pick<Workflow, 'oralReport' | 'writtenReport' | 'followUp' | 'review' | 'reviewRequested'>
}

export function transition(
  c: TransitionSubject,
  event: CaseEvent,
): { ok: true; to: CaseStatus } | { ok: false; refusal: TransitionRefusal } {
  if (c.status === 'voided') return { ok: false, refusal: 'already_voided' }
  const edge = EDGES[event]
  if (!edge.from.includes(c.status)) return { ok: false, refusal: 'illegal' }
  const w = c.workflow
  if (event === 'report') {
    if (c.caseClass === 1 && !w.oralReport) return { ok: false, refusal: 'needs_oral_report' }
    if (c.caseClass === 2 && !(w.writtenReport?.generatedAt && w.writtenReport.submittedAt)) {
      return { ok: false, refusal: 'needs_written_report' }
    }
  }
  if (event === 'followUp' && !w.followUp) return { ok: false, refusal: 'needs_follow_up' }
  if (event === 'close' && (c.caseClass === 2 || w.reviewRequested) && !w.review)
    return { ok: false, refusal: 'needs_review' }
  return { ok: true, to: edge.to }
}

/** The events a case can take now (for the buttons shown). */
export function availableEvents(c: TransitionSubject): CaseEvent[] {
  return (Object.keys(EDGES) as CaseEvent[]).filter((e) => transition(c, e).ok)
}

export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'in_progress', 'resolved', 'reported', 'followed_up']
