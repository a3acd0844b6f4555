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
 * What the deadlines read of a case, and nothing else: head office keeps these facts as one
 * generated column of each pushed case (ho.deadline_facts, migration 002) and runs the same
 * rule on them, so an overdue count there is the branch's rule, never a copy of it.
 */
export interface DeadlineFacts {
  status: CaseStatus
  caseClass: 1 | 2
  receivedAt: string
  resolvedAt: string | null
  /** Any handling step ticked (listening counts) or an escalation recorded. */
  responded: boolean
  /** Class 1: the oral report recorded; Class 2: the written report submitted. */
  reported: boolean
  followedUp: boolean
  /** When each open commitment is due (ISO instants, earliest first). */
  openDues: string[]
}

export function deadlineFacts(c: DeadlineSubject): DeadlineFacts {
  const w = c.workflow
  return {
    status: c.status,
    caseClass: c.caseClass,
    receivedAt: c.receivedAt,
    resolvedAt: w.resolvedAt,
    responded: Object.values(w.steps).some(Boolean) || (w.escalation?.notified.length ?? 0) > 0,
    reported: c.caseClass === 1 ? Boolean(w.oralReport) : Boolean(w.writtenReport?.submittedAt),
    followedUp: Boolean(w.followUp),
    openDues: w.commitments
      .filter((m) => m.status === 'open')
      .map((m) => m.dueAt)
      .sort(),
  }
}

/** When each deadline of a case falls (ms since the epoch; null where it does not apply yet). */
interface DeadlineTimes {
  resolvedAt: number | null
  resolveBy: number
  firstResponseBy: number | null
  reportBy: number | null
  followUpFrom: number | null
  followUpBy: number | null
}

/**
 * Deadlines per class (docs/domain.md §8, settings): Class 1 resolved within N hours (same day by
 * default), Class 2 first response within 24 h and resolved within 7 days, the report within
 * 24 h of resolution, follow-up 1–3 days after resolution.
 */
function deadlineTimes(f: DeadlineFacts, d: WorkflowSettings['deadlines']): DeadlineTimes {
  const received = Date.parse(f.receivedAt)
  const resolvedAt = f.resolvedAt ? Date.parse(f.resolvedAt) : null
  return {
    resolvedAt,
    resolveBy: f.caseClass === 1 ? received + d.class1ResolveHours * HOUR : received + d.class2ResolveDays * DAY,
    firstResponseBy: f.caseClass === 2 ? received + d.class2FirstResponseHours * HOUR : null,
    // The written report deadline is Class 2's (docs/domain.md §8); Class 1 reports orally on handling.
    reportBy: resolvedAt !== null && f.caseClass === 2 ? resolvedAt + d.class2ReportHours * HOUR : null,
    followUpFrom: resolvedAt !== null ? resolvedAt + d.followUpAfterDays * DAY : null,
    followUpBy: resolvedAt !== null ? resolvedAt + d.followUpWithinDays * DAY : null,
  }
}

type Marks = Omit<CaseFlags, 'escalated' | 'deadlines'> & { dueSoon: NonNullable<CaseFlags['dueSoon']> }

/** What is overdue and what falls due soon at `t` (ms), of the deadlines still to be met on a live case. */
function deadlineMarks(f: DeadlineFacts, at: DeadlineTimes, d: WorkflowSettings['deadlines'], t: number): Marks {
  const live = f.status !== 'voided' && f.status !== 'closed'
  // Due soon: within the branch's due-soon window (docs/domain.md §8, the commitments' N hours) of its time.
  const soon = (by: number) => by >= t && by - t <= d.commitmentDueSoonHours * HOUR
  const overdue: CaseFlags['overdue'] = []
  const dueSoon: Marks['dueSoon'] = []
  if (live) {
    // Each deadline still to be met: overdue once its time has passed, due soon shortly before.
    const pending = (kind: (typeof overdue)[number], by: number | null, met: boolean) => {
      if (by === null || met) return
      if (t > by) overdue.push(kind)
      else if (soon(by)) dueSoon.push(kind)
    }
    pending('resolve', at.resolveBy, at.resolvedAt !== null)
    pending('first_response', at.firstResponseBy, f.responded)
    pending('report', at.reportBy, f.reported)
    pending('follow_up', at.followUpBy, f.followedUp)
  }
  const dues = live ? f.openDues.map((due) => Date.parse(due)) : []
  const commitmentsOverdue = dues.filter((due) => due < t).length
  const commitmentsDueSoon = dues.filter((due) => soon(due)).length
  if (commitmentsOverdue > 0) overdue.push('commitment')
  if (commitmentsDueSoon > 0) dueSoon.push('commitment')
  return { overdue, dueSoon, commitmentsDueSoon, commitmentsOverdue }
}

/** A case's deadlines (deadlineTimes) and what of them is overdue or due soon at `now`. Pure: `now` is given. */
export function deadlinesOf(f: DeadlineFacts, settings: WorkflowSettings, now: Date): Omit<CaseFlags, 'escalated'> {
  const at = deadlineTimes(f, settings.deadlines)
  const orNull = (ms: number | null) => (ms === null ? null : iso(ms))
  return {
    ...deadlineMarks(f, at, settings.deadlines, now.getTime()),
    deadlines: {
      resolveBy: iso(at.resolveBy),
      firstResponseBy: orNull(at.firstResponseBy),
      reportBy: orNull(at.reportBy),
      followUpFrom: orNull(at.followUpFrom),
      followUpBy: orNull(at.followUpBy),
    },
  }
}

/**
 * Whether anything on the case is overdue at `now`: deadlinesOf's overdue flags, without writing
 * out the dates (head office counts the overdue among tens of thousands of open cases a week).
 */
export function isOverdue(f: DeadlineFacts, settings: WorkflowSettings, now: Date): boolean {
  return deadlineMarks(f, deadlineTimes(f, settings.deadlines), settings.deadlines, now.getTime()).overdue.length > 0
}

/** A case's deadlines and overdue flags (deadlinesOf its facts), and whether it heads the lists. */
export function caseFlags(c: DeadlineSubject, settings: WorkflowSettings, now: Date): CaseFlags {
  return { escalated: headsLists(c), ...deadlinesOf(deadlineFacts(c), settings, now) }
}

/** What a deadline waits for: the overdue kinds of `caseFlags`. */
export type DeadlineKind = CaseFlags['overdue'][number]

export interface NextDeadline {
  kind: DeadlineKind
  /** When it falls due (ISO). */
  at: string
  /** Already past at `now`. */
  overdue: boolean
  /** For a commitment: what was promised. */
  what?: string
}

/**
 * The deadline the case's header counts down to: of everything still owed on a live case
 * (first response, resolution, the report, the follow-up, each open commitment), the one that
 * falls due first — an overdue one before any still to come, the longest overdue first. The
 * same facts and deadlines as `caseFlags` (main's overdue flags); null once nothing is owed (a
 * closed or voided case, or one waiting on nothing with a time).
 */
export function nextDeadline(c: DeadlineSubject, settings: WorkflowSettings, now: Date): NextDeadline | null {
  const f = deadlineFacts(c)
  if (f.status === 'voided' || f.status === 'closed') return null
  const { deadlines } = deadlinesOf(f, settings, now)
  const owed: Omit<NextDeadline, 'overdue'>[] = []
  if (deadlines.firstResponseBy && !f.responded) owed.push({ kind: 'first_response', at: deadlines.firstResponseBy })
  if (!f.resolvedAt && deadlines.resolveBy) owed.push({ kind: 'resolve', at: deadlines.resolveBy })
  if (deadlines.reportBy && !f.reported) owed.push({ kind: 'report', at: deadlines.reportBy })
  if (deadlines.followUpBy && !f.followedUp) owed.push({ kind: 'follow_up', at: deadlines.followUpBy })
  for (const m of c.workflow.commitments)
    if (m.status === 'open') owed.push({ kind: 'commitment', at: new Date(m.dueAt).toISOString(), what: m.what })
  if (owed.length === 0) return null
  const first = owed.reduce((a, b) => (Date.parse(b.at) < Date.parse(a.at) ? b : a))
  return { ...first, overdue: Date.parse(first.at) < now.getTime() }
}
