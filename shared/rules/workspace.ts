import type { Case } from '../schemas/case'
import type { WorkflowSettings } from '../schemas/settings'
import type { Reason } from '../schemas/workflow'
import { KEYWORD_RULES, SITUATIONS, type CaseStatus, type KeywordRule, type Situation } from '../values/options'
import { findKeyword } from './keywords'
import { needsReview, refusalFor, reportDone, type CaseAction, type LifecycleCase, type Viewer } from './lifecycle'

/**
 * What the case workspace shows about where a case stands (docs/domain.md §5, §8): the step
 * the loop is on, the one action the case needs now, the escalation's state and every urgent
 * reason. Pure: the case, the viewer and the settings are given. The lifecycle itself (what
 * may be done, and why not) stays in lifecycle.ts; this only reads it.
 */

/**
 * The closed loop as the Steps bar shows it: 受理 → 处理中 → 已解决 → 已报告 → 已回访 → 已结案.
 * Class 1 does not skip 已报告: its oral report record (记录口头报告) is its report (§4, §8).
 */
export const LOOP_STEPS = ['received', 'in_progress', 'resolved', 'reported', 'followed_up', 'closed'] as const
export type LoopStep = (typeof LOOP_STEPS)[number]

export interface LoopStepState {
  step: LoopStep
  /** finish: passed; process: the case is here; wait: still ahead; error: the case was voided here. */
  state: 'finish' | 'process' | 'wait' | 'error'
  /** When the case reached it, when the record says (null: not reached, or no time on record). */
  at: string | null
}

export interface LoopProgress {
  /** The index in LOOP_STEPS of the step the case is on (for a voided case: the last it reached). */
  current: number
  voided: boolean
  steps: LoopStepState[]
}

export type ProgressCase = LifecycleCase & Pick<Case, 'receivedAt' | 'timeline'>

/** When the case started being handled: the start, or the first LASTR step ticked (which starts it). */
function startedAt(c: ProgressCase): string | null {
  const times = [
    ...c.timeline.filter((e) => e.action === 'status.in_progress').map((e) => e.at),
    ...Object.values(c.workflow.steps).flatMap((s) => (s ? [s.at] : [])),
  ]
  return times.length === 0 ? null : times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a))
}

/** When the report that counts for the class was made (oral for Class 1 unless a written one was submitted). */
function reportedAt(c: ProgressCase): string | null {
  if (!reportDone(c)) return null
  const written = c.workflow.writtenReport?.submittedAt ?? null
  return c.caseClass === 2 ? written : (c.workflow.oralReport?.at ?? written)
}

/** How far a voided case had come, read from its records (its status no longer says). */
function reached(c: ProgressCase): number {
  const w = c.workflow
  if (w.closedAt) return 5
  if (w.followUp) return 4
  if (w.resolvedAt && reportDone(c)) return 3
  if (w.resolvedAt) return 2
  return startedAt(c) ? 1 : 0
}

export function loopProgress(c: ProgressCase): LoopProgress {
  const voided = c.status === 'voided'
  const current = voided ? reached(c) : LOOP_STEPS.indexOf(c.status as LoopStep)
  const w = c.workflow
  const times: Record<LoopStep, string | null> = {
    received: c.receivedAt,
    in_progress: startedAt(c),
    resolved: w.resolvedAt,
    reported: reportedAt(c),
    followed_up: w.followUp?.at ?? null,
    closed: w.closedAt,
  }
  const steps = LOOP_STEPS.map((step, i): LoopStepState => {
    const state =
      i < current ? 'finish' : i > current ? 'wait' : voided ? 'error' : step === 'closed' ? 'finish' : 'process'
    return { step, state, at: i <= current ? times[step] : null }
  })
  return { current, voided, steps }
}

/**
 * The one action the case needs now, for the "next action" card: an urgent case nobody was
 * told about needs telling (a manager: taking over); then the loop's next step — start,
 * resolve, the report its class needs (the written one generated, then submitted), the
 * follow-up, the review and the promises still open, and closing. Null on a closed or voided
 * case. Always an action the lifecycle allows now (refusalFor), never one it refuses.
 */
export function nextAction(c: LifecycleCase, viewer: Viewer): CaseAction | null {
  const allowed = (a: CaseAction): CaseAction | null => (refusalFor(c, a) === null ? a : null)
  if (escalationState(c) === 'pending') return allowed(viewer.role === 'manager' ? 'takeOver' : 'recordEscalation')
  const byStatus: Record<CaseStatus, () => CaseAction | null> = {
    received: () => 'start',
    in_progress: () => 'resolve',
    resolved: () =>
      c.caseClass === 1
        ? 'recordOralReport'
        : c.workflow.writtenReport
          ? 'submitWrittenReport'
          : 'generateWrittenReport',
    reported: () => 'recordFollowUp',
    followed_up: () =>
      needsReview(c)
        ? 'recordReview'
        : c.workflow.commitments.some((m) => m.status === 'open')
          ? 'keepCommitment'
          : 'close',
    closed: () => null,
    voided: () => null,
  }
  const action = byStatus[c.status]()
  return action && allowed(action)
}

/** 待上报 → 已通知 → 已接手 (docs/domain.md §5); 'none' for a case that is not urgent. */
export type EscalationState = 'none' | 'pending' | 'notified' | 'taken_over'

export function escalationState(c: Pick<LifecycleCase, 'workflow'>): EscalationState {
  const w = c.workflow
  if (!w.urgent) return 'none'
  if (w.escalation?.takenOverBy) return 'taken_over'
  return (w.escalation?.notified.length ?? 0) > 0 ? 'notified' : 'pending'
}

/**
 * What the escalation card says to the one looking at it:
 * - report_now: 请立即上报主管 — a clerk, and nobody has been told yet (the only call that shouts);
 * - take_over: a manager looking at an urgent case not yet taken over — it is theirs to take
 *   over, never "report to a manager";
 * - awaiting: a manager was told, the take-over is still to come (a clerk need do nothing more);
 * - handled: a manager took it over (whoever looks);
 * - finished: the case is closed or voided (nothing more to do about the escalation).
 * Null for a case that is not urgent.
 */
export type EscalationCall = 'report_now' | 'take_over' | 'awaiting' | 'handled' | 'finished'

export function escalationCall(c: Pick<LifecycleCase, 'workflow' | 'status'>, viewer: Viewer): EscalationCall | null {
  const state = escalationState(c)
  if (state === 'none') return null
  if (c.status === 'closed' || c.status === 'voided') return 'finished'
  if (state === 'taken_over') return 'handled'
  if (viewer.role === 'manager') return 'take_over'
  return state === 'pending' ? 'report_now' : 'awaiting'
}

/** One urgent situation and everything that points to it: ticked by the clerk, a keyword, an amount, a confirmation. */
export interface UrgentReason {
  rule: Situation
  evidence: Reason['evidence']
}

const isKeywordRule = (s: Situation): s is Situation & KeywordRule => (KEYWORD_RULES as readonly string[]).includes(s)

/**
 * Every urgent reason of the case, in the order of SITUATIONS: the urgent reasons the rules
 * recorded, and any situation ticked on the case they lack. A situation that was ticked (the
 * intake pre-ticks what the text suggests, so most are) also names the keyword in the
 * description or demand note that points to it, when there is one: "人身伤害（关键词“摔伤”，
 * 已勾选）", not only "已勾选".
 */
export function urgentReasons(
  c: Pick<Case, 'situations' | 'description' | 'demandNote'> & Pick<LifecycleCase, 'workflow'>,
  keywords: WorkflowSettings['keywords'],
): UrgentReason[] {
  const recorded = new Map(
    c.workflow.reasons.filter((r) => r.kind === 'urgent').map((r) => [r.rule as Situation, r.evidence]),
  )
  const text = `${c.description}\n${c.demandNote}`
  return SITUATIONS.flatMap((rule): UrgentReason[] => {
    const ticked = c.situations.includes(rule)
    const evidence: Reason['evidence'] = { ...recorded.get(rule) }
    if (!recorded.has(rule) && !ticked) return []
    if (ticked) evidence.ticked = true
    if (!evidence.keyword && isKeywordRule(rule)) {
      const list = keywords[rule]
      const hit = list ? findKeyword(text, [...list.zh, ...list.en]) : null
      if (hit) evidence.keyword = hit.keyword
    }
    return [{ rule, evidence }]
  })
}
