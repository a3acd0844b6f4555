import { randomUUID } from 'node:crypto'
import type { Case, CaseDetail, CaseDraft, CaseList, CaseQuery } from '@shared/schemas/case'
import { nextCaseNumber } from '@shared/rules/caseNumber'
import { filterCases, sortCases } from '@shared/rules/caseQuery'
import { classify, type Classification, type ClassifyInput, type HistoryItem } from '@shared/rules/classify'
import { parseLocalDateTime } from '@shared/rules/localTime'
import { AMOUNT_PATTERN, parseYuanToFen } from '@shared/rules/money'
import { normalizePhone } from '@shared/rules/phone'
import { v } from '@shared/schemas/messages'
import type { ClassifyPreviewInput } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import type { DbData } from '../store/schema'
import { AppError } from './errors'
import { appendAudit, requireSession, type ServiceContext } from './context'
import { toDetail, toSummary } from './caseRecord'

/** Earlier complaints of the branch that count for history rules (voided ones do not). */
function historyOf(data: Readonly<DbData>): HistoryItem[] {
  return data.cases
    .filter((c) => c.status !== 'voided')
    .map((c) => ({ phone: c.phone, category: c.category, receivedAt: c.receivedAt }))
}

function classifyWith(data: Readonly<DbData>, input: ClassifyInput, now: Date): Classification {
  return classify(input, historyOf(data), data.settings.workflow, now)
}

const fenOrNull = (text: string) => (AMOUNT_PATTERN.test(text.trim()) ? parseYuanToFen(text) : null)

/** Live proposal while the clerk types: lenient input, the branch's history and policy. */
export function previewClassification(ctx: ServiceContext, input: ClassifyPreviewInput): Classification {
  requireSession(ctx)
  return classifyWith(
    ctx.store.data,
    { ...input, amountFen: fenOrNull(input.amount), claimFen: fenOrNull(input.claimAmount) },
    ctx.now(),
  )
}

export async function createCase(ctx: ServiceContext, draft: CaseDraft): Promise<CaseDetail> {
  const session = requireSession(ctx)
  if (!ctx.store.data.departments.some((d) => d.id === draft.departmentId && d.active)) {
    throw new AppError('VALIDATION', {}, 'errors.VALIDATION', [{ path: 'departmentId', message: v.choose }])
  }
  const now = ctx.now()
  const by = { id: session.staff.id, name: session.staff.name }
  const { amount, claimAmount, receivedAt, ...rest } = draft
  const created = await ctx.store.update((d) => {
    const { number, counters } = nextCaseNumber(d.caseCounters, now)
    d.caseCounters = counters
    const amountFen = parseYuanToFen(amount)
    const claimFen = parseYuanToFen(claimAmount)
    const result = classifyWith(d, { ...rest, amountFen, claimFen }, now)
    const workflow = { ...emptyWorkflow(), proposedClass: result.caseClass, reasons: result.reasons, urgent: result.urgent }
    if (result.urgent) workflow.escalation = { notified: [], takenOverBy: null }
    const record: Case = {
      ...rest,
      phone: normalizePhone(rest.phone),
      id: randomUUID(),
      number,
      branchCode: d.branch?.code ?? '',
      receivedAt: parseLocalDateTime(receivedAt)!.toISOString(),
      amountFen,
      claimFen,
      status: 'received',
      caseClass: result.caseClass,
      createdAt: now.toISOString(),
      createdBy: by,
      timeline: [{ at: now.toISOString(), by, action: 'created' }],
      workflow,
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

export function listCases(ctx: ServiceContext, query: Required<Pick<CaseQuery, 'sort' | 'dir' | 'limit'>> & CaseQuery): CaseList {
  requireSession(ctx)
  const matching = sortCases(filterCases(ctx.store.data.cases, query), query.sort, query.dir).map((c) => toSummary(ctx, c))
  // Escalated cases head every list until a manager takes them over (stable within each group).
  const ordered = [...matching.filter((c) => c.flags.escalated), ...matching.filter((c) => !c.flags.escalated)]
  return { items: ordered.slice(0, query.limit), total: ordered.length }
}
