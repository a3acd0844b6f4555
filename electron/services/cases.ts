import { randomUUID } from 'node:crypto'
import type { Case, CaseDetail, CaseDraft, CaseList, CaseQuery, CaseSummary } from '@shared/schemas/case'
import { nextCaseNumber } from '@shared/rules/caseNumber'
import { filterCases, sortCases } from '@shared/rules/caseQuery'
import { parseLocalDateTime } from '@shared/rules/localTime'
import { parseYuanToFen } from '@shared/rules/money'
import { maskPhone, normalizePhone } from '@shared/rules/phone'
import { v } from '@shared/schemas/messages'
import { AppError } from './errors'
import { appendAudit, requireSession, type ServiceContext } from './context'

function departmentName(ctx: ServiceContext, id: string): string {
  return ctx.store.data.departments.find((d) => d.id === id)?.name ?? ''
}

function toDetail(ctx: ServiceContext, c: Case): CaseDetail {
  return { ...c, departmentName: departmentName(ctx, c.departmentId) }
}

export async function createCase(ctx: ServiceContext, draft: CaseDraft): Promise<CaseDetail> {
  const session = requireSession(ctx)
  if (!ctx.store.data.departments.some((d) => d.id === draft.departmentId && d.active)) {
    throw new AppError('VALIDATION', {}, 'errors.VALIDATION', [{ path: 'departmentId', message: v.choose }])
  }
  const now = ctx.now()
  const by = { id: session.staff.id, name: session.staff.name }
  const { amount, receivedAt, ...rest } = draft
  const created = await ctx.store.update((d) => {
    const { number, counters } = nextCaseNumber(d.caseCounters, now)
    d.caseCounters = counters
    const record: Case = {
      ...rest,
      phone: normalizePhone(rest.phone),
      id: randomUUID(),
      number,
      branchCode: d.branch?.code ?? '',
      receivedAt: parseLocalDateTime(receivedAt)!.toISOString(),
      amountFen: parseYuanToFen(amount),
      status: 'received',
      caseClass: null,
      createdAt: now.toISOString(),
      createdBy: by,
      timeline: [{ at: now.toISOString(), by, action: 'created' }],
    }
    d.cases.push(record)
    appendAudit(d, { at: now.toISOString(), by, action: 'case.created', target: record.number })
    return record
  })
  return toDetail(ctx, created)
}

export function getCase(ctx: ServiceContext, id: string): CaseDetail {
  requireSession(ctx)
  const found = ctx.store.data.cases.find((c) => c.id === id)
  if (!found) throw new AppError('NOT_FOUND')
  return toDetail(ctx, found)
}

function toSummary(ctx: ServiceContext, c: Case): CaseSummary {
  return {
    id: c.id,
    number: c.number,
    status: c.status,
    caseClass: c.caseClass,
    category: c.category,
    customerName: c.customerName,
    phoneMasked: maskPhone(c.phone),
    departmentId: c.departmentId,
    departmentName: departmentName(ctx, c.departmentId),
    receivedAt: c.receivedAt,
    situations: c.situations,
  }
}

export function listCases(ctx: ServiceContext, query: Required<Pick<CaseQuery, 'sort' | 'dir' | 'limit'>> & CaseQuery): CaseList {
  requireSession(ctx)
  const matching = sortCases(filterCases(ctx.store.data.cases, query), query.sort, query.dir)
  return { items: matching.slice(0, query.limit).map((c) => toSummary(ctx, c)), total: matching.length }
}
