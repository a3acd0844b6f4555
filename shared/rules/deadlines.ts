import type { CaseFlags } from '../schemas/case'
import type { CaseStatus } from '../values/options'
import type { WorkflowSettings } from '../schemas/settings'
import type { Workflow } from '../schemas/workflow'
import { headsLists } from './lifecycle'

const HOUR = 3600_000
const DAY = 24 * HOUR
const iso = (ms: number) => new Date(ms).toISOString()

export interface DeadlineSubject {
  status: CaseStatus
  caseClass: 1 | 2
  receivedAt: string
  workflow: Pick<
    Workflow,
    'urgent' | 'escalation' | 'commitments' | 'resolvedAt' | 'oralReport' | 'writtenReport' | 'followUp' | 'steps'
  >
}

/**
 * Deadlines per class (docs/domain.md §8, settings): Class 1 resolved within N hours (same day by
 * default), Class 2 first response within 24 h and resolved within 7 days, the report within
 * 24 h of resolution, follow-up 1–3 days after resolution. Pure: `now` is given.
 */
export function caseFlags(c: DeadlineSubject, settings: WorkflowSettings, now: Date): CaseFlags {
  const d = settings.deadlines
  const received = new Date(c.receivedAt).getTime()
  const w = c.workflow
  const live = c.status !== 'voided' && c.status !== 'closed'
  const resolvedAt = w.resolvedAt ? new Date(w.resolvedAt).getTime() : null
  const resolveBy = c.caseClass === 1 ? received + d.class1ResolveHours * HOUR : received + d.class2ResolveDays * DAY
  const firstResponseBy = c.caseClass === 2 ? received + d.class2FirstResponseHours * HOUR : null
  // The written report deadline is Class 2's (docs/domain.md §8); Class 1 reports orally on handling.
  const reportBy = resolvedAt !== null && c.caseClass === 2 ? resolvedAt + d.class2ReportHours * HOUR : null
  const followUpFrom = resolvedAt !== null ? resolvedAt + d.followUpAfterDays * DAY : null
  const followUpBy = resolvedAt !== null ? resolvedAt + d.followUpWithinDays * DAY : null
  const t = now.getTime()

  // Due soon: within the branch's due-soon window (docs/domain.md §8, the commitments' N hours) of its time.
  const soon = (by: number) => by >= t && by - t <= d.commitmentDueSoonHours * HOUR
  const overdue: CaseFlags['overdue'] = []
  const dueSoon: NonNullable<CaseFlags['dueSoon']> = []
  if (live) {
    // Each deadline still to be met: overdue once its time has passed, due soon shortly before.
    const pending = (kind: (typeof overdue)[number], by: number | null, met: boolean) => {
      if (by === null || met) return
      if (t > by) overdue.push(kind)
      else if (soon(by)) dueSoon.push(kind)
    }
    pending('resolve', resolveBy, resolvedAt !== null)
    // A first response is any handling step ticked (listening counts) or an escalation recorded.
    const responded = Object.values(w.steps).some(Boolean) || (w.escalation?.notified.length ?? 0) > 0
    pending('first_response', firstResponseBy, responded)
    const reported = c.caseClass === 1 ? Boolean(w.oralReport) : Boolean(w.writtenReport?.submittedAt)
    pending('report', reportBy, reported)
    pending('follow_up', followUpBy, Boolean(w.followUp))
  }
  const open = live ? w.commitments.filter((m) => m.status === 'open') : []
  const commitmentsOverdue = open.filter((m) => new Date(m.dueAt).getTime() < t).length
  const commitmentsDueSoon = open.filter((m) => soon(new Date(m.dueAt).getTime())).length
  if (commitmentsOverdue > 0) overdue.push('commitment')
  if (commitmentsDueSoon > 0) dueSoon.push('commitment')

  return {
    escalated: headsLists(c),
    overdue,
    dueSoon,
    commitmentsDueSoon,
    commitmentsOverdue,
    deadlines: {
      resolveBy: iso(resolveBy),
      firstResponseBy: firstResponseBy === null ? null : iso(firstResponseBy),
      reportBy: reportBy === null ? null : iso(reportBy),
      followUpFrom: followUpFrom === null ? null : iso(followUpFrom),
      followUpBy: followUpBy === null ? null : iso(followUpBy),
    },
  }
}
