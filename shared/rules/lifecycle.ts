import type { Case } from '../schemas/case'
import type { WorkflowSettings } from '../schemas/settings'
import type { Workflow } from '../schemas/workflow'
import type { CaseStatus, Role } from '../values/options'

/**
 * The case lifecycle of docs/domain.md §8, owned here and nowhere else: which actions a
 * viewer may take on a case now (and why not, in the user's words), what each action does
 * to the status, and the invariants that must hold on every saved case. Main refuses with
 * these reasons and checks the invariants after every change; the renderer draws its
 * buttons from `availableActions`. Pure: `now` and the settings are given.
 */

export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'in_progress', 'resolved', 'reported', 'followed_up']
/** 已报告 or later: the report the current class requires must exist. */
const REPORTED_OR_LATER: readonly CaseStatus[] = ['reported', 'followed_up', 'closed']

export const CASE_ACTIONS = [
  'start',
  'resolve',
  'recordOralReport',
  'generateWrittenReport',
  'submitWrittenReport',
  'recordFollowUp',
  'recordReview',
  'requestReview',
  'close',
  'reopen',
  'void',
  'raiseClass',
  'lowerClass',
  'recordEscalation',
  'takeOver',
  'tickStep',
  'addCommitment',
  'keepCommitment',
  'reagreeCommitment',
  'makeOffer',
  'decideOffer',
  'executeOffer',
  'editCase',
  'addNote',
  'recordCustomerUpdate',
  'assign',
  'addAttachment',
  'voidAttachment',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

/** Actions that always need a manager's approval (PIN, or a signed-in manager). */
export const MANAGER_CASE_ACTIONS: readonly CaseAction[] = ['void', 'lowerClass', 'takeOver']

/**
 * Why an action cannot be taken: an i18n key under `refusals.` and its parameters. `status`
 * is a status id, shown in the user's words (options.status.*).
 */
export interface Refusal {
  key: string
  params?: Record<string, string | number>
}

export interface ActionState {
  action: CaseAction
  enabled: boolean
  /** Why not, when disabled. */
  reason?: Refusal
  /** Needs a manager's approval. */
  manager: boolean
}

export interface Viewer {
  role: Role
}

export type LifecycleCase = Pick<Case, 'status' | 'caseClass' | 'workflow'>

const finished = (c: Pick<Case, 'status'>) => c.status === 'closed' || c.status === 'voided'

/** Whether the report the case's current class requires is on record (a written report also covers Class 1). */
export function reportDone(c: LifecycleCase): boolean {
  const written = Boolean(c.workflow.writtenReport?.generatedAt && c.workflow.writtenReport.submittedAt)
  return c.caseClass === 2 ? written : written || Boolean(c.workflow.oralReport)
}

/** The urgent duty (docs/domain.md §5): someone was told, or a manager took over. */
export function escalationDone(c: LifecycleCase): boolean {
  const e = c.workflow.escalation
  return !c.workflow.urgent || Boolean(e?.takenOverBy) || (e?.notified.length ?? 0) > 0
}

/** An urgent case heads every list until a manager takes it over; a finished one never does. */
export function headsLists(c: Pick<Case, 'status'> & { workflow: Pick<Workflow, 'urgent' | 'escalation'> }): boolean {
  return !finished(c) && c.workflow.urgent && !c.workflow.escalation?.takenOverBy
}

export function needsReview(c: LifecycleCase): boolean {
  return (c.caseClass === 2 || c.workflow.reviewRequested) && !c.workflow.review
}

/** When the follow-up call may be made: from `followUpAfterDays` after resolution. */
export function followUpOpensAt(c: LifecycleCase, settings: WorkflowSettings): Date | null {
  const resolved = c.workflow.resolvedAt
  return resolved ? new Date(Date.parse(resolved) + settings.deadlines.followUpAfterDays * 86_400_000) : null
}

const no = (key: string, params?: Refusal['params']): Refusal => ({ key, ...(params ? { params } : {}) })
/** The action needs another status: names the status the case is in. */
const wrongStatus = (c: LifecycleCase, key: string): Refusal => no(key, { status: c.status })

/**
 * Whether `action` may be taken now, or why not. The one rule for main's refusals and the
 * renderer's disabled buttons. Checks that depend on a payload (a step, a commitment, an
 * offer) are made by the service with the same refusal keys.
 */
export function refusalFor(c: LifecycleCase, action: CaseAction): Refusal | null {
  const w = c.workflow
  if (c.status === 'voided') return no('already_voided')
  switch (action) {
    case 'start':
      return c.status === 'received' ? null : wrongStatus(c, 'start_only_when_received')
    case 'resolve':
      if (c.status !== 'received' && c.status !== 'in_progress') return wrongStatus(c, 'resolve_only_when_open')
      return escalationDone(c) ? null : no('urgent_needs_escalation')
    case 'recordOralReport':
      if (c.caseClass !== 1) return no('oral_report_class1_only')
      return c.status === 'resolved' ? null : wrongStatus(c, 'report_after_resolution')
    case 'generateWrittenReport':
      return c.caseClass === 2 ? null : no('written_report_class2_only')
    case 'submitWrittenReport':
      if (c.caseClass !== 2) return no('written_report_class2_only')
      if (!w.writtenReport) return no('needs_written_report')
      return c.status === 'resolved' ? null : wrongStatus(c, 'report_after_resolution')
    case 'recordFollowUp':
      return c.status === 'reported' ? null : wrongStatus(c, 'follow_up_after_report')
    case 'recordReview':
      return null
    case 'requestReview':
      if (finished(c)) return wrongStatus(c, 'case_finished')
      return w.reviewRequested || c.caseClass === 2 ? no('review_already_due') : null
    case 'close': {
      if (c.status !== 'followed_up') return wrongStatus(c, 'close_after_follow_up')
      if (!reportDone(c)) return no(c.caseClass === 2 ? 'close_needs_written_report' : 'needs_oral_report')
      if (needsReview(c)) return no('needs_review')
      const open = w.commitments.filter((m) => m.status === 'open').length
      return open > 0 ? no('close_open_commitments', { count: open }) : null
    }
    case 'reopen':
      return ['resolved', 'reported', 'followed_up', 'closed'].includes(c.status)
        ? null
        : wrongStatus(c, 'reopen_only_when_resolved')
    case 'void':
      return null
    case 'raiseClass':
      if (finished(c)) return wrongStatus(c, 'case_finished')
      return c.caseClass === 2 ? no('already_class2') : null
    case 'lowerClass':
      if (finished(c)) return wrongStatus(c, 'case_finished')
      return c.caseClass === 1 ? no('already_class1') : null
    case 'recordEscalation':
      if (finished(c)) return wrongStatus(c, 'case_finished')
      return w.urgent ? null : no('not_urgent')
    case 'takeOver':
      if (finished(c)) return wrongStatus(c, 'case_finished')
      if (!w.urgent) return no('not_urgent')
      return w.escalation?.takenOverBy ? no('already_taken_over') : null
    case 'editCase':
      // Corrections while the case is open; a closed one is reopened first (voided: never, above).
      return c.status === 'closed' ? no('edit_reopen_first') : null
    case 'addNote':
    case 'recordCustomerUpdate':
    case 'assign':
    case 'addAttachment':
    case 'voidAttachment':
    case 'tickStep':
    case 'addCommitment':
    case 'keepCommitment':
    case 'reagreeCommitment':
    case 'makeOffer':
    case 'decideOffer':
    case 'executeOffer':
      return finished(c) ? wrongStatus(c, 'case_finished') : null
  }
}

/** Every action with whether the viewer may take it now and, if not, why. */
export function availableActions(c: LifecycleCase, viewer: Viewer): ActionState[] {
  return CASE_ACTIONS.map((action) => {
    const reason = refusalFor(c, action)
    const manager = MANAGER_CASE_ACTIONS.includes(action)
    return {
      action,
      enabled: reason === null,
      ...(reason ? { reason } : {}),
      manager: manager && viewer.role !== 'manager',
    }
  })
}

/** The state one action leads to, for the status-moving actions (others keep the status). */
export const NEXT_STATUS: Partial<Record<CaseAction, CaseStatus>> = {
  start: 'in_progress',
  resolve: 'resolved',
  recordOralReport: 'reported',
  submitWrittenReport: 'reported',
  recordFollowUp: 'followed_up',
  close: 'closed',
  reopen: 'in_progress',
  void: 'voided',
}

/**
 * Sets the class in force. A case at 已报告 or later whose new class needs a report it
 * does not have goes back to 已解决 (docs/domain.md §8): its 报告 step is cleared and the
 * report is made again; a follow-up already recorded is kept and counts once it is.
 * Returns whether the case was sent back.
 */
export function setClass(c: Case, to: 1 | 2): { sentBack: boolean } {
  c.caseClass = to
  if (!reportDone(c)) c.workflow.steps.report = null
  if (REPORTED_OR_LATER.includes(c.status) && !reportDone(c)) {
    c.status = 'resolved'
    return { sentBack: true }
  }
  return { sentBack: false }
}

/** After a report is on record: the 报告 step is ticked by it, and a follow-up already made moves the case on. */
export function afterReport(c: Case, stamp: { at: string; by: { id: string; name: string } }): void {
  c.status = c.workflow.followUp ? 'followed_up' : 'reported'
  c.workflow.steps.report ??= stamp
}

/** A reopened case goes round the loop again: resolution, report and follow-up anew. */
export function reopen(c: Case): void {
  c.status = 'in_progress'
  Object.assign(c.workflow, { resolvedAt: null, closedAt: null, oralReport: null, followUp: null })
  c.workflow.steps.report = null
  if (c.workflow.writtenReport)
    c.workflow.writtenReport = { ...c.workflow.writtenReport, submittedTo: null, submittedAt: null }
}

/**
 * What must be true of every saved case, whatever happened to it. Main checks these after
 * every change and refuses a change that breaks one (nothing is saved).
 */
export function invariantViolations(c: LifecycleCase): Refusal[] {
  const w = c.workflow
  const broken: Refusal[] = []
  const after = (statuses: readonly CaseStatus[]) => statuses.includes(c.status)
  if (after(REPORTED_OR_LATER) && !reportDone(c))
    broken.push(no(c.caseClass === 2 ? 'close_needs_written_report' : 'needs_oral_report'))
  if (w.steps.report && !reportDone(c)) broken.push(no('report_step_by_record'))
  if (after(['resolved', ...REPORTED_OR_LATER]) && !escalationDone(c)) broken.push(no('urgent_needs_escalation'))
  if (after(['resolved', ...REPORTED_OR_LATER]) && !w.resolvedAt) broken.push(no('needs_resolution'))
  if (after(['followed_up', 'closed']) && !w.followUp) broken.push(no('needs_follow_up'))
  if (c.status === 'closed' && needsReview(c)) broken.push(no('needs_review'))
  if (c.status === 'closed' && w.commitments.some((m) => m.status === 'open'))
    broken.push(no('close_open_commitments', { count: w.commitments.filter((m) => m.status === 'open').length }))
  if (c.status === 'voided' && !w.voided) broken.push(no('already_voided'))
  return broken
}
