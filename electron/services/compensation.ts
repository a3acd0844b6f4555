import { randomUUID } from 'node:crypto'
import type { CaseDetail } from '@shared/schemas/case'
import type { CompensationOption, CostTotals, OfferItem } from '@shared/schemas/compensation'
import type { ManagerApproval } from '@shared/schemas/common'
import { assessOffer, proposeCompensation } from '@shared/rules/compensation'
import { effectiveLoss } from '@shared/rules/amounts'
import { setClass } from '@shared/rules/lifecycle'
import { formatFen } from '@shared/values/money'
import { withinLocalDays } from '@shared/values/localTime'
import { AppError } from './errors'
import { approveAsManager } from './auth'
import { changeCase, refuse } from './caseRecord'
import { requireSession, type ServiceContext } from './context'
import { TIMELINE_MARKS } from '@shared/i18n/timeline'

// Timeline detail when an offer makes the case Class 2 (read in the reader's language: shared/i18n/timeline).
const { raisedToClass2: CLASS2_MARK, sentBackForReport: SENT_BACK_MARK } = TIMELINE_MARKS

async function findCase(ctx: ServiceContext, id: string) {
  const c = await ctx.store.readCase(id)
  if (!c) throw new AppError('NOT_FOUND')
  return c
}

/** 2–3 options for the case, by the branch policy and the clerk's authority. */
export async function proposeFor(ctx: ServiceContext, id: string): Promise<CompensationOption[]> {
  requireSession(ctx)
  const c = await findCase(ctx, id)
  const { compensation, authorityLimitFen } = ctx.store.data.settings.workflow
  return proposeCompensation(
    {
      category: c.category,
      amountFen: c.amountFen,
      lossFen: c.lossFen,
      claimFen: c.claimFen,
      demand: c.demand,
      fault: c.fault,
      caseClass: c.caseClass,
    },
    compensation,
    authorityLimitFen,
  )
}

/**
 * Records an offer. Goodwill above the clerk's authority or above the cap needs a manager's
 * PIN — checked here, whatever the renderer sent — and above the cap also a reason. Goodwill
 * above the authority limit makes the case Class 2 (docs/domain.md §4).
 */
export async function makeOffer(
  ctx: ServiceContext,
  input: {
    id: string
    items: OfferItem[]
    source: 'proposed' | 'custom'
    approval?: ManagerApproval
    capReason: string
  },
): Promise<CaseDetail> {
  requireSession(ctx)
  const c = await findCase(ctx, input.id)
  const { compensation, authorityLimitFen } = ctx.store.data.settings.workflow
  const assessed = assessOffer(
    input.items,
    { lossFen: effectiveLoss(c).fen, fault: c.fault },
    compensation,
    authorityLimitFen,
  )
  let approver: { id: string; name: string } | null = null
  if (assessed.needs.length > 0) {
    if (!input.approval) throw new AppError('FORBIDDEN', {}, 'refusals.offer_needs_approval')
    if (assessed.needs.includes('over_cap') && input.capReason.trim() === '') {
      throw new AppError('VALIDATION', {}, 'refusals.cap_needs_reason', [
        { path: 'capReason', message: 'validation.required' },
      ])
    }
    approver = await approveAsManager(ctx, input.approval)
  }
  return changeCase(ctx, input.id, 'makeOffer', (kase, by, at) => {
    kase.workflow.offers.push({
      id: randomUUID(),
      items: input.items,
      restoreFen: assessed.restoreFen,
      goodwillFen: assessed.goodwillFen,
      source: input.source,
      status: 'offered',
      offeredAt: at,
      offeredBy: by,
      approvedBy: approver,
      capReason: input.capReason,
      decidedAt: null,
      decidedBy: null,
      execution: null,
    })
    let detail = `¥${formatFen(assessed.restoreFen + assessed.goodwillFen)}`
    if (assessed.goodwillFen > authorityLimitFen && !kase.workflow.reasons.some((r) => r.rule === 'over_authority')) {
      kase.workflow.reasons.push({
        rule: 'over_authority',
        kind: 'class2',
        evidence: { amount: formatFen(assessed.goodwillFen) },
      })
      // Goodwill above the clerk's authority makes the case Class 2, as raising it would.
      if (kase.caseClass === 1) {
        const { sentBack } = setClass(kase, 2)
        detail += ` → ${CLASS2_MARK}${sentBack ? ` · ${SENT_BACK_MARK}` : ''}`
      }
    }
    return { action: 'compensation.offered', detail, ...(approver ? { approvedBy: approver } : {}) }
  })
}

export function decideOffer(
  ctx: ServiceContext,
  input: { id: string; offerId: string; accepted: boolean },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'decideOffer', (c, by, at) => {
    const offer = c.workflow.offers.find((o) => o.id === input.offerId)
    if (!offer) refuse('no_offer')
    if (offer.status !== 'offered') refuse('offer_decided')
    offer.status = input.accepted ? 'accepted' : 'declined'
    offer.decidedAt = at
    offer.decidedBy = by
    return { action: input.accepted ? 'compensation.accepted' : 'compensation.declined' }
  })
}

export function executeOffer(
  ctx: ServiceContext,
  input: {
    id: string
    offerId: string
    voucherCode: string
    refundReceiptNo: string
    exchangedItem: string
    note: string
  },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'executeOffer', (c, by, at) => {
    const offer = c.workflow.offers.find((o) => o.id === input.offerId)
    if (!offer) refuse('no_offer')
    if (offer.status !== 'accepted') refuse('offer_not_accepted')
    const { id: _id, offerId: _offerId, ...execution } = input
    offer.execution = { ...execution, at, by }
    offer.status = 'executed'
    return {
      action: 'compensation.executed',
      detail: [input.voucherCode, input.refundReceiptNo, input.exchangedItem].filter(Boolean).join(' '),
    }
  })
}

/**
 * What compensation cost in a period (executed offers, by execution date): by department,
 * by category and in all. For the weekly report.
 */
export async function costTotals(
  ctx: ServiceContext,
  query: { from: string; to: string },
  categoryLabel: (c: string) => string = (c) => c,
): Promise<CostTotals> {
  requireSession(ctx)
  const data = ctx.store.data
  const rows = (await ctx.store.casesSince(query.from)).flatMap((c) =>
    c.workflow.offers
      .filter((o) => o.execution && withinLocalDays(o.execution.at, query.from, query.to))
      .map((o) => ({
        department: c.departmentId,
        category: c.category,
        restoreFen: o.restoreFen,
        goodwillFen: o.goodwillFen,
      })),
  )
  const group = (key: 'department' | 'category', label: (k: string) => string) => {
    const map = new Map<string, CostTotals['total']>()
    for (const r of rows) {
      const k = r[key]
      const row = map.get(k) ?? { key: k, label: label(k), offers: 0, restoreFen: 0, goodwillFen: 0 }
      row.offers += 1
      row.restoreFen += r.restoreFen
      row.goodwillFen += r.goodwillFen
      map.set(k, row)
    }
    return [...map.values()].sort((a, b) => b.restoreFen + b.goodwillFen - (a.restoreFen + a.goodwillFen))
  }
  return {
    byDepartment: group('department', (id) => data.departments.find((d) => d.id === id)?.name ?? id),
    byCategory: group('category', categoryLabel),
    total: {
      key: 'total',
      label: 'total',
      offers: rows.length,
      restoreFen: rows.reduce((s, r) => s + r.restoreFen, 0),
      goodwillFen: rows.reduce((s, r) => s + r.goodwillFen, 0),
    },
  }
}
