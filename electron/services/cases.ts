import { randomUUID } from 'node:crypto'
import type { Case, CaseDetail, CaseDraft, CaseEdit, CaseList, CaseQuery } from '@shared/schemas/case'
import { changedFields, intakeValues, lowerProposed } from '@shared/rules/corrections'
import { setClass } from '@shared/rules/lifecycle'
import { causeFits } from '@shared/rules/causes'
import { nextCaseNumber } from '@shared/rules/caseNumber'
import { filterCases, listOrder, mergeSorted } from '@shared/rules/caseQuery'
import { OPEN_ONLY_VIEWS } from '@shared/rules/caseViews'
import { caseFlags } from '@shared/rules/deadlines'
import { classify, type ClassifyInput, type HistoryItem } from '@shared/rules/classify'
import type { Classification } from '@shared/schemas/workflow'
import { parseLocalDateTime } from '@shared/values/localTime'
import { AMOUNT_PATTERN, parseYuanToFen } from '@shared/values/money'
import { maskPhone, normalizePhone } from '@shared/values/phone'
import { v } from '@shared/values/messages'
import type { ClassifyPreviewInput } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import type { ArchiveRow, DbData } from '../store'
import { AppError } from './errors'
import { appendAudit, requireSession, type ServiceContext } from './context'
import { archivedSummary, changeCase, refuse, toDetail, toSummary } from './caseRecord'

/**
 * Earlier complaints of the branch, live and archived, that count for history rules (voided
 * ones do not; nor the case being classified again, `except`).
 */
function historyOf(data: Readonly<DbData>, archived: readonly ArchiveRow[], except?: string): HistoryItem[] {
  const items: HistoryItem[] = []
  for (const list of [data.cases, archived]) {
    for (const c of list)
      if (c.status !== 'voided' && c.id !== except)
        items.push({ phone: c.phone, category: c.category, receivedAt: c.receivedAt })
  }
  return items
}

/** The rules over the branch's history, counting back from when the complaint was received. */
function classifyWith(
  archived: readonly ArchiveRow[],
  data: Readonly<DbData>,
  input: ClassifyInput,
  receivedAt: Date,
  except?: string,
): Classification {
  return classify(input, historyOf(data, archived, except), data.settings.workflow, receivedAt)
}

const fenOrNull = (text: string) => (AMOUNT_PATTERN.test(text.trim()) ? parseYuanToFen(text) : null)

/** Live proposal while the clerk types: lenient input, the branch's history and policy. */
export async function previewClassification(ctx: ServiceContext, input: ClassifyPreviewInput): Promise<Classification> {
  requireSession(ctx)
  return classifyWith(
    (await ctx.store.archived()).list(),
    ctx.store.data,
    {
      ...input,
      amountFen: fenOrNull(input.amount),
      lossFen: fenOrNull(input.lossAmount),
      claimFen: fenOrNull(input.claimAmount),
    },
    parseLocalDateTime(input.receivedAt) ?? ctx.now(),
  )
}

export async function createCase(ctx: ServiceContext, draft: CaseDraft): Promise<CaseDetail> {
  const session = requireSession(ctx)
  if (!ctx.store.data.departments.some((d) => d.id === draft.departmentId && d.active)) {
    throw new AppError('VALIDATION', {}, 'errors.VALIDATION', [{ path: 'departmentId', message: v.choose }])
  }
  if (!causeFits(draft.category, draft.cause))
    throw new AppError('VALIDATION', {}, 'errors.VALIDATION', [{ path: 'cause', message: v.choose }])
  const now = ctx.now()
  const by = { id: session.staff.id, name: session.staff.name }
  const { amount, lossAmount, claimAmount, receivedAt, ...rest } = draft
  const archived = (await ctx.store.archived()).list()
  const created = await ctx.store.update((d) => {
    const { number, counters } = nextCaseNumber(d.caseCounters, now)
    d.caseCounters = counters
    const amountFen = parseYuanToFen(amount)
    const lossFen = parseYuanToFen(lossAmount)
    const claimFen = parseYuanToFen(claimAmount)
    const result = classifyWith(archived, d, { ...rest, amountFen, lossFen, claimFen }, parseLocalDateTime(receivedAt)!)
    const workflow = {
      ...emptyWorkflow(),
      proposedClass: result.caseClass,
      reasons: result.reasons,
      urgent: result.urgent,
    }
    if (result.urgent) workflow.escalation = { notified: [], takenOverBy: null }
    // The clerk who logs a complaint owns it until it is handed on (cases:assign).
    workflow.owner = by
    const record: Case = {
      ...rest,
      phone: normalizePhone(rest.phone),
      id: randomUUID(),
      number,
      branchCode: d.branch?.code ?? '',
      receivedAt: parseLocalDateTime(receivedAt)!.toISOString(),
      amountFen,
      lossFen,
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

const activeDepartment = (data: Readonly<DbData>, id: string) => data.departments.some((d) => d.id === id && d.active)

/**
 * Corrects a saved case's intake fields (docs/domain.md §2): each changed field goes into
 * the timeline (phones masked) and the audit trail with its value before and after. The
 * rules run again over the branch's history without the case itself, from its 受理时间: a
 * Class 2 rule that newly fires raises the case at once (a reported case goes back as the
 * lifecycle says); a lower class is only proposed — lowering stays a manager's action.
 */
export async function editCase(ctx: ServiceContext, input: { id: string; changes: CaseEdit }): Promise<CaseDetail> {
  requireSession(ctx)
  const archived = (await ctx.store.archived()).list()
  const data = ctx.store.data
  return changeCase(ctx, input.id, 'editCase', (c) => {
    const before = intakeValues(c)
    const { amount, lossAmount, claimAmount, receivedAt, phone, departmentId, ...plain } = input.changes
    if (departmentId !== undefined && departmentId !== c.departmentId && !activeDepartment(data, departmentId))
      throw new AppError('VALIDATION', {}, 'errors.VALIDATION', [{ path: 'changes.departmentId', message: v.choose }])
    for (const [field, value] of Object.entries(plain)) if (value !== undefined) Object.assign(c, { [field]: value })
    if (departmentId !== undefined) c.departmentId = departmentId
    // A cause belongs to its category: a new category drops one that no longer fits, a wrong one is refused.
    if (!causeFits(c.category, c.cause)) {
      if (input.changes.cause !== undefined)
        throw new AppError('VALIDATION', {}, 'errors.VALIDATION', [{ path: 'changes.cause', message: v.choose }])
      c.cause = ''
    }
    if (phone !== undefined) c.phone = normalizePhone(phone)
    if (amount !== undefined) c.amountFen = parseYuanToFen(amount)
    if (lossAmount !== undefined) c.lossFen = parseYuanToFen(lossAmount)
    if (claimAmount !== undefined) c.claimFen = parseYuanToFen(claimAmount)
    if (receivedAt !== undefined) c.receivedAt = parseLocalDateTime(receivedAt)!.toISOString()
    const after = intakeValues(c)
    const name = (id: string) => data.departments.find((d) => d.id === id)?.name ?? id
    const show = (masked: boolean) => (field: string, text: string) =>
      field === 'phone' && masked ? maskPhone(text) : field === 'departmentId' ? name(text) : text
    const changes = changedFields(before, after, show(true))
    if (changes.length === 0) refuse('edit_nothing_changed')

    const w = c.workflow
    const goodwillOfferedFen = Math.max(0, ...w.offers.map((o) => o.goodwillFen))
    const result = classifyWith(archived, data, { ...c, goodwillOfferedFen }, new Date(c.receivedAt), c.id)
    const firedBefore = new Set(w.reasons.filter((r) => r.kind === 'class2').map((r) => r.rule))
    const newlyFired = result.reasons.some((r) => r.kind === 'class2' && !firedBefore.has(r.rule))
    const proposedBefore = lowerProposed(c)
    w.proposedClass = result.caseClass
    w.reasons = result.reasons
    if (result.urgent && !w.urgent) {
      // An urgent case is escalated before it is resolved: a resolved one goes round again first.
      if (c.status !== 'received' && c.status !== 'in_progress') refuse('edit_makes_urgent')
      w.urgent = true
      w.escalation ??= { notified: [], takenOverBy: null }
    }
    let action = 'edited'
    if (c.caseClass === 1 && result.caseClass === 2 && newlyFired)
      action = setClass(c, 2).sentBack ? 'edited.raised_sent_back' : 'edited.raised'
    else if (lowerProposed(c) && !proposedBefore) action = 'edited.lower_proposed'
    return { action, changes, auditChanges: changedFields(before, after, show(false)) }
  })
}

export async function getCase(ctx: ServiceContext, id: string): Promise<CaseDetail> {
  requireSession(ctx)
  const found = await ctx.store.readCase(id)
  if (!found) throw new AppError('NOT_FOUND')
  return toDetail(ctx, found)
}

type ListQuery = Required<Pick<CaseQuery, 'sort' | 'dir'>> & CaseQuery

/**
 * The cases a query matches, live and archived, in list order. The archive keeps its rows
 * sorted and their search text ready, so this is one pass and a merge; `take(n)` merges only
 * as far as the first n.
 */
export async function matchingCases(
  ctx: ServiceContext,
  asked: ListQuery & { offset?: number },
): Promise<{ total: number; take: (count: number) => (Case | ArchiveRow)[] }> {
  const { store } = ctx
  // 我的 is the caller's own cases (and keeps each caller's order apart below).
  const query = { ...asked, me: ctx.session?.staff.id ?? '' }
  const archive = await store.archived()
  // Scrolling asks for page after page of one query: the order is kept until the data changes
  // (any save makes a new live list; any archiving a new row list).
  const key = JSON.stringify({ ...query, offset: 0, limit: 0 })
  const last = lastQuery.get(store)
  if (last && last.key === key && last.live === store.data.cases && last.rows === archive.list()) {
    return { total: last.ordered.length, take: (count) => last.ordered.slice(0, count) }
  }
  const now = ctx.now()
  const order = listOrder(query.sort, query.dir)
  const live = filterCases(store.data.cases, { ...query, now, settings: store.data.settings.workflow })
  // Escalated cases head every list until a manager takes them over (stable within each group).
  const escalated = live.filter((c) => caseFlags(c, store.data.settings.workflow, now).escalated).sort(order)
  const lead = new Set<Case>(escalated)
  const liveRest = live.filter((c) => !lead.has(c)).sort(order)
  // 紧急, 逾期 and 待回访 hold open cases only: the archive (finished cases) has none.
  const archived = OPEN_ONLY_VIEWS.includes(query.view ?? 'all')
    ? []
    : filterCases(archive.sorted(query.sort, query.dir), query, archive.search)
  const total = escalated.length + liveRest.length + archived.length
  const take = (count: number) =>
    [...escalated, ...mergeSorted(liveRest, archived, order, Math.max(0, count - escalated.length))].slice(0, count)
  if (query.offset) lastQuery.set(store, { key, live: store.data.cases, rows: archive.list(), ordered: take(total) })
  return { total, take }
}

const lastQuery = new WeakMap<
  object,
  { key: string; live: readonly Case[]; rows: readonly ArchiveRow[]; ordered: (Case | ArchiveRow)[] }
>()

/** One page of the list; only the page is turned into summaries. */
export async function listCases(
  ctx: ServiceContext,
  query: Required<Pick<CaseQuery, 'limit' | 'offset'>> & ListQuery,
): Promise<CaseList> {
  requireSession(ctx)
  const { total, take } = await matchingCases(ctx, query)
  const page = take(query.offset + query.limit).slice(query.offset)
  return { items: page.map((c) => ('workflow' in c ? toSummary(ctx, c) : archivedSummary(ctx, c))), total }
}
