import { randomUUID } from 'node:crypto'
import type { CaseDetail } from '@shared/schemas/case'
import type { ManagerApproval } from '@shared/schemas/common'
import { afterReport, followUpOpensAt, reopen, setClass } from '@shared/rules/lifecycle'
import { parseLocalDateTime, toLocalDateTime } from '@shared/values/localTime'
import type { CustomerUpdate, LastrStep, TransitionInput } from '@shared/schemas/workflow'
import { approveAsManager } from './auth'
import { changeCase, refuse } from './caseRecord'
import { approverOf, type ServiceContext } from './context'

// Every function here is one lifecycle action (shared/rules/lifecycle.ts): changeCase checks
// that the action may be taken now and that the case still holds its invariants afterwards.

/** Staff may raise a case to Class 2 with a reason; a reported case then needs its written report. */
export function raiseClass(ctx: ServiceContext, input: { id: string; reason: string }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'raiseClass', (c, by, at) => {
    c.workflow.classChange = { from: c.caseClass, to: 2, reason: input.reason, at, by, approvedBy: null }
    const { sentBack } = setClass(c, 2)
    return { action: sentBack ? 'class.raised_sent_back' : 'class.raised', detail: input.reason }
  })
}

/** Lowering to Class 1 needs a manager's approval and a reason, checked here whatever the UI did. */
export async function lowerClass(
  ctx: ServiceContext,
  input: { id: string; reason: string; approval: ManagerApproval },
): Promise<CaseDetail> {
  const approver = approverOf(ctx)
  return changeCase(ctx, input.id, 'lowerClass', (c, by, at) => {
    c.workflow.classChange = { from: c.caseClass, to: 1, reason: input.reason, at, by, approvedBy: approver }
    setClass(c, 1)
    return { action: 'class.lowered', detail: input.reason, approvedBy: approver }
  })
}

export function recordEscalation(ctx: ServiceContext, input: { id: string; who: string }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'recordEscalation', (c, by, at) => {
    c.workflow.escalation ??= { notified: [], takenOverBy: null }
    c.workflow.escalation.notified.push({ who: input.who, at, by })
    return { action: 'escalation.notified', detail: input.who }
  })
}

/** A manager takes an urgent case over (with their approval); it stops heading the lists. */
export async function takeOver(
  ctx: ServiceContext,
  input: { id: string; approval: ManagerApproval },
): Promise<CaseDetail> {
  const approver = approverOf(ctx)
  return changeCase(ctx, input.id, 'takeOver', (c, _by, at) => {
    c.workflow.escalation ??= { notified: [], takenOverBy: null }
    c.workflow.escalation.takenOverBy = { at, by: approver }
    return { action: 'escalation.takenOver', detail: approver.name, approvedBy: approver }
  })
}

/**
 * Ticking a LASTR step stamps it (once) and the timeline; the first step starts handling.
 * 报告 is not ticked by hand: the report record ticks it.
 */
export function tickStep(ctx: ServiceContext, input: { id: string; step: LastrStep }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'tickStep', (c, by, at) => {
    if (input.step === 'report') refuse('report_step_by_record')
    if (c.workflow.steps[input.step]) refuse('step_done')
    c.workflow.steps[input.step] = { at, by }
    if (c.status === 'received') c.status = 'in_progress'
    return { action: `step.${input.step}` }
  })
}

export async function applyTransition(ctx: ServiceContext, input: TransitionInput): Promise<CaseDetail> {
  // Voiding is a manager's decision; the other moves are anyone's.
  const approver = input.action === 'void' ? await approveAsManager(ctx, input.approval) : undefined
  const action = input.action
  return changeCase(ctx, input.id, action, (c, by, at) => {
    switch (input.action) {
      case 'start':
        c.status = 'in_progress'
        return { action: 'status.in_progress' }
      case 'resolve':
        c.status = 'resolved'
        c.workflow.resolvedAt = at
        c.workflow.resolution = input.resolution
        return { action: 'status.resolved', detail: input.resolution }
      case 'close':
        c.status = 'closed'
        c.workflow.closedAt = at
        return { action: 'status.closed' }
      case 'reopen':
        reopen(c)
        return { action: 'status.reopened', detail: input.reason }
      case 'void':
        c.status = 'voided'
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
  return changeCase(ctx, input.id, 'recordOralReport', (c, by, at) => {
    c.workflow.oralReport = { to: input.to, at: localIso(input.at), summary: input.summary, by }
    afterReport(c, { at, by })
    return { action: 'report.oral', detail: `${input.to}：${input.summary}` }
  })
}

/** Records that the Class 2 written report was generated (its PDF is made in reports.ts). */
export function recordWrittenReportGenerated(ctx: ServiceContext, id: string): Promise<CaseDetail> {
  return changeCase(ctx, id, 'generateWrittenReport', (c, by, at) => {
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
  return changeCase(ctx, input.id, 'submitWrittenReport', (c, by, at) => {
    c.workflow.writtenReport = {
      ...c.workflow.writtenReport!,
      submittedTo: input.submittedTo,
      submittedAt: localIso(input.at),
    }
    afterReport(c, { at, by })
    return { action: 'report.written_submitted', detail: input.submittedTo }
  })
}

/** The follow-up call; one made before its window opens needs a reason (the customer called first, say). */
export function recordFollowUp(
  ctx: ServiceContext,
  input: { id: string; method: string; satisfaction: number; remarks: string; earlyReason?: string },
): Promise<CaseDetail> {
  const settings = ctx.store.data.settings.workflow
  return changeCase(ctx, input.id, 'recordFollowUp', (c, by, at) => {
    const opens = followUpOpensAt(c, settings)
    const early = opens !== null && ctx.now() < opens
    if (early && !input.earlyReason?.trim())
      refuse('follow_up_early', { from: toLocalDateTime(opens).replace('T', ' ') })
    c.workflow.followUp = { method: input.method, satisfaction: input.satisfaction, remarks: input.remarks, at, by }
    c.status = 'followed_up'
    return {
      action: 'followUp.recorded',
      detail: early ? `${input.satisfaction}/5 · ${input.earlyReason!.trim()}` : `${input.satisfaction}/5`,
    }
  })
}

export function recordReview(
  ctx: ServiceContext,
  input: { id: string; wentWell: string; improve: string; rootCause: string; preventive: string; owner: string },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'recordReview', (c, by, at) => {
    const { id: _id, ...review } = input
    c.workflow.review = { ...review, at, by }
    return { action: 'review.recorded', detail: input.rootCause }
  })
}

/** Marks a case for review (反省检讨) whatever its class: it then cannot close without one. */
export function requestReview(ctx: ServiceContext, input: { id: string }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'requestReview', (c) => {
    c.workflow.reviewRequested = true
    return { action: 'review.requested' }
  })
}

/** An internal note: staff only (the customer's receipt never carries it). */
export function addNote(ctx: ServiceContext, input: { id: string; text: string }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'addNote', (c, by, at) => {
    c.workflow.notes.push({ id: randomUUID(), text: input.text, at, by })
    return { action: 'note.added', detail: input.text }
  })
}

/** The customer was told how things stand (when, as typed; how; what was said). */
export function recordCustomerUpdate(
  ctx: ServiceContext,
  input: { id: string; at: string; method: CustomerUpdate['method']; said: string },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'recordCustomerUpdate', (c, by, at) => {
    c.workflow.customerUpdates.push({
      id: randomUUID(),
      informedAt: localIso(input.at),
      method: input.method,
      said: input.said,
      at,
      by,
    })
    return { action: `customerUpdate.${input.method}`, detail: `${input.at.replace('T', ' ')} · ${input.said}` }
  })
}
