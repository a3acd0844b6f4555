import type { Case, CaseDetail, CaseSummary, FieldChange } from '@shared/schemas/case'
import type { StaffRef } from '@shared/schemas/common'
import { caseFlags } from '@shared/rules/deadlines'
import { maskPhone } from '@shared/values/phone'
import { invariantViolations, OPEN_STATUSES, refusalFor, type CaseAction } from '@shared/rules/lifecycle'
import type { Commitment } from '@shared/schemas/workflow'
import { toRow, type ArchiveRow, type DbData } from '../store'
import { AppError } from './errors'
import { appendAudit, requireSession, type ServiceContext } from './context'

function departmentName(data: Readonly<DbData>, id: string): string {
  return data.departments.find((d) => d.id === id)?.name ?? ''
}

export function toDetail(ctx: ServiceContext, c: Case): CaseDetail {
  const data = ctx.store.data
  return {
    ...c,
    departmentName: departmentName(data, c.departmentId),
    flags: caseFlags(c, data.settings.workflow, ctx.now()),
  }
}

/** A live case in the list: its row, with what is due or overdue now. */
export function toSummary(ctx: ServiceContext, c: Case): CaseSummary {
  return { ...archivedSummary(ctx, toRow(c, '')), flags: caseFlags(c, ctx.store.data.settings.workflow, ctx.now()) }
}

/** A finished, archived case in the list: nothing about it is due or overdue any more. */
export function archivedSummary(ctx: ServiceContext, r: ArchiveRow): CaseSummary {
  const { month: _m, phone, branchCode, ownerId: _o, ownerName, ownerDepartmentId, ...rest } = r
  const own = ctx.store.data.branch?.code ?? ''
  return {
    ...rest,
    fromBranch: branchCode && branchCode !== own ? branchCode : null,
    phoneMasked: maskPhone(phone),
    departmentName: departmentName(ctx.store.data, r.departmentId),
    ownerName: ownerName ?? null,
    ownerDepartmentName: ownerDepartmentId ? departmentName(ctx.store.data, ownerDepartmentId) || null : null,
    flags: {
      escalated: false,
      overdue: [],
      commitmentsDueSoon: 0,
      commitmentsOverdue: 0,
      deadlines: { resolveBy: null, firstResponseBy: null, reportBy: null, followUpFrom: null, followUpBy: null },
    },
  }
}

export interface CaseChange {
  /** The timeline action id (i18n `timeline.<action>`) and an optional free-text detail. */
  action: string
  detail?: string
  approvedBy?: StaffRef
  /** Fields changed (an edit, a handoff): in the timeline as given, in the audit trail as `auditChanges`, else the same. */
  changes?: FieldChange[]
  auditChanges?: FieldChange[]
}

/**
 * The one way a case changes after intake: find it, check `action` against the lifecycle
 * (the same rule the renderer draws its buttons from), let `change` edit it (throwing an
 * AppError refuses and nothing is saved), check the lifecycle's invariants on the result,
 * stamp the timeline and the audit trail, save.
 */
export async function changeCase(
  ctx: ServiceContext,
  id: string,
  action: CaseAction,
  change: (c: Case, by: StaffRef, at: string) => CaseChange,
): Promise<CaseDetail> {
  const session = requireSession(ctx)
  const by = { id: session.staff.id, name: session.staff.name }
  const at = ctx.now().toISOString()
  await ctx.store.ensureLive(id)
  const updated = await ctx.store.update((d) => {
    const index = d.cases.findIndex((x) => x.id === id)
    if (index === -1) throw new AppError('NOT_FOUND')
    // Stored cases are frozen: the change is made on a copy that replaces the case.
    const c = structuredClone(d.cases[index])
    d.cases[index] = c
    const refusal = refusalFor(c, action)
    if (refusal) refuse(refusal.key, refusal.params)
    const done = change(c, by, at)
    const broken = invariantViolations(c)
    if (broken.length > 0) refuse(broken[0].key, broken[0].params)
    c.timeline.push({
      at,
      by,
      action: done.action,
      ...(done.detail ? { detail: done.detail } : {}),
      ...(done.changes ? { changes: done.changes } : {}),
    })
    const auditChanges = done.auditChanges ?? done.changes
    appendAudit(d, {
      at,
      by,
      action: `case.${done.action}`,
      target: c.number,
      ...(done.approvedBy ? { approvedBy: done.approvedBy } : {}),
      ...(auditChanges ? { changes: auditChanges } : {}),
    })
    return c
  })
  return toDetail(ctx, updated)
}

export function refuse(key: string, params: Record<string, string | number> = {}): never {
  throw new AppError('NOT_ALLOWED', params, `refusals.${key}`)
}

/** Open cases as summaries, and their open commitments (with the case), soonest due first. */
export function openCasesView(ctx: ServiceContext): {
  open: Case[]
  summaries: CaseSummary[]
  commitments: { case: CaseSummary; commitment: Commitment }[]
} {
  const open = ctx.store.data.cases.filter((c) => OPEN_STATUSES.includes(c.status))
  const summaries = open.map((c) => toSummary(ctx, c))
  const commitments = open
    .flatMap((c, i) =>
      c.workflow.commitments.filter((m) => m.status === 'open').map((m) => ({ case: summaries[i], commitment: m })),
    )
    .sort((a, b) => a.commitment.dueAt.localeCompare(b.commitment.dueAt))
  return { open, summaries, commitments }
}
