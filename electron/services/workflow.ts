import type { CaseDetail } from '@shared/schemas/case'
import type { ManagerApproval } from '@shared/schemas/common'
import { transition, type CaseEvent } from '@shared/rules/status'
import { parseLocalDateTime } from '@shared/values/localTime'
import type { LastrStep, TransitionInput } from '@shared/schemas/workflow'
import type { Case } from '@shared/schemas/case'
import { approveAsManager } from './auth'
import { changeCase, refuse } from './caseRecord'
import { approverOf, type ServiceContext } from './context'

/** Applies a status event with its guard; a refusal names what is missing. */
function move(c: Case, event: CaseEvent): void {
  const result = transition(c, event)
  if (!result.ok) refuse(result.refusal, { status: c.status })
  c.status = result.to
}

function refuseIfVoided(c: Case): void {
  if (c.status === 'voided') refuse('already_voided')
}

/** Staff may raise a case to Class 2 with a reason. */
export function raiseClass(ctx: ServiceContext, input: { id: string; reason: string }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, (c, by, at) => {
    refuseIfVoided(c)
    if (c.caseClass === 2) refuse('already_class2')
    c.workflow.classChange = { from: c.caseClass, to: 2, reason: input.reason, at, by, approvedBy: null }
    c.caseClass = 2
    return { action: 'class.raised', detail: input.reason }
  })
}

/** Lowering to Class 1 needs a manager's PIN and a reason, checked here whatever the UI did. */
export async function lowerClass(
  ctx: ServiceContext,
  input: { id: string; reason: string; approval: ManagerApproval },
): Promise<CaseDetail> {
  const approver = approverOf(ctx)
  return changeCase(ctx, input.id, (c, by, at) => {
    refuseIfVoided(c)
    if (c.caseClass === 1) refuse('already_class1')
    c.workflow.classChange = { from: c.caseClass, to: 1, reason: input.reason, at, by, approvedBy: approver }
    c.caseClass = 1
    return { action: 'class.lowered', detail: input.reason, approvedBy: approver }
  })
}

export function recordEscalation(ctx: ServiceContext, input: { id: string; who: string }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, (c, by, at) => {
    refuseIfVoided(c)
    c.workflow.escalation ??= { notified: [], takenOverBy: null }
    c.workflow.escalation.notified.push({ who: input.who, at, by })
    return { action: 'escalation.notified', detail: input.who }
  })
}

/** A manager takes an urgent case over (with their PIN); it stops heading the lists. */
export async function takeOver(
  ctx: ServiceContext,
  input: { id: string; approval: ManagerApproval },
): Promise<CaseDetail> {
  const approver = approverOf(ctx)
  return changeCase(ctx, input.id, (c, _by, at) => {
    refuseIfVoided(c)
    if (!c.workflow.urgent) refuse('not_urgent')
    c.workflow.escalation ??= { notified: [], takenOverBy: null }
    if (c.workflow.escalation.takenOverBy) refuse('already_taken_over')
    c.workflow.escalation.takenOverBy = { at, by: approver }
    return { action: 'escalation.takenOver', detail: approver.name, approvedBy: approver }
  })
}

/** Ticking a LASTR step stamps it (once) and the timeline; the first step starts handling. */
export function tickStep(ctx: ServiceContext, input: { id: string; step: LastrStep }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, (c, by, at) => {
    refuseIfVoided(c)
    if (c.workflow.steps[input.step]) refuse('step_done')
    c.workflow.steps[input.step] = { at, by }
    if (c.status === 'received') c.status = 'in_progress'
    return { action: `step.${input.step}` }
  })
}

export async function applyTransition(ctx: ServiceContext, input: TransitionInput): Promise<CaseDetail> {
  const approver = input.action === 'void' ? await approveAsManager(ctx, input.approval) : undefined
  return changeCase(ctx, input.id, (c, by, at) => {
    switch (input.action) {
      case 'start':
        move(c, 'start')
        return { action: 'status.in_progress' }
      case 'resolve':
        move(c, 'resolve')
        c.workflow.resolvedAt = at
        c.workflow.resolution = input.resolution
        return { action: 'status.resolved', detail: input.resolution }
      case 'close':
        move(c, 'close')
        c.workflow.closedAt = at
        return { action: 'status.closed' }
      case 'reopen':
        move(c, 'reopen')
        // A reopened case goes round the loop again: resolution, report and follow-up anew.
        Object.assign(c.workflow, { resolvedAt: null, closedAt: null, oralReport: null, followUp: null })
        if (c.workflow.writtenReport)
          c.workflow.writtenReport = { ...c.workflow.writtenReport, submittedTo: null, submittedAt: null }
        return { action: 'status.reopened', detail: input.reason }
      case 'void':
        move(c, 'void')
        c.workflow.voided = { reason: input.reason, at, by, approvedBy: approver! }
        return { action: 'status.voided', detail: input.reason, approvedBy: approver }
    }
  })
}

const localIso = (text: string) => parseLocalDateTime(text)!.toISOString()

/** Class 1: the oral report to the supervisor; a resolved case becomes reported. */
export function recordOralReport(
  ctx: ServiceContext,
  input: { id: string; to: string; at: string; summary: string },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, (c, by) => {
    refuseIfVoided(c)
    if (c.caseClass !== 1) refuse('oral_report_class1_only')
    if (c.status !== 'resolved') refuse('report_after_resolution')
    c.workflow.oralReport = { to: input.to, at: localIso(input.at), summary: input.summary, by }
    move(c, 'report')
    return { action: 'report.oral', detail: `${input.to}：${input.summary}` }
  })
}

/** Records that the Class 2 written report was generated (the PDF comes with the reports feature). */
export function recordWrittenReportGenerated(ctx: ServiceContext, id: string): Promise<CaseDetail> {
  return changeCase(ctx, id, (c, by, at) => {
    refuseIfVoided(c)
    if (c.caseClass !== 2) refuse('written_report_class2_only')
    // A report made again keeps the record of a submission already made.
    const previous = c.workflow.writtenReport
    c.workflow.writtenReport = {
      generatedAt: at,
      generatedBy: by,
      submittedTo: previous?.submittedTo ?? null,
      submittedAt: previous?.submittedAt ?? null,
    }
    return { action: 'report.written_generated' }
  })
}

/** Class 2: marking the generated written report submitted; a resolved case becomes reported. */
export function submitWrittenReport(
  ctx: ServiceContext,
  input: { id: string; submittedTo: string; at: string },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, (c) => {
    refuseIfVoided(c)
    if (c.caseClass !== 2) refuse('written_report_class2_only')
    if (!c.workflow.writtenReport) refuse('needs_written_report')
    if (c.status !== 'resolved') refuse('report_after_resolution')
    c.workflow.writtenReport = {
      ...c.workflow.writtenReport,
      submittedTo: input.submittedTo,
      submittedAt: localIso(input.at),
    }
    move(c, 'report')
    return { action: 'report.written_submitted', detail: input.submittedTo }
  })
}

export function recordFollowUp(
  ctx: ServiceContext,
  input: { id: string; method: string; satisfaction: number; remarks: string },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, (c, by, at) => {
    refuseIfVoided(c)
    if (c.status !== 'reported') refuse('follow_up_after_report')
    c.workflow.followUp = { method: input.method, satisfaction: input.satisfaction, remarks: input.remarks, at, by }
    move(c, 'followUp')
    return { action: 'followUp.recorded', detail: `${input.satisfaction}/5` }
  })
}

export function recordReview(
  ctx: ServiceContext,
  input: { id: string; wentWell: string; improve: string; rootCause: string; preventive: string; owner: string },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, (c, by, at) => {
    refuseIfVoided(c)
    const { id: _id, ...review } = input
    c.workflow.review = { ...review, at, by }
    return { action: 'review.recorded', detail: input.rootCause }
  })
}

/** Marks a case for review (反省检讨) whatever its class: it then cannot close without one. */
export function requestReview(ctx: ServiceContext, input: { id: string }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, (c) => {
    refuseIfVoided(c)
    c.workflow.reviewRequested = true
    return { action: 'review.requested' }
  })
}
