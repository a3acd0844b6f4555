import {
  isGoodwill,
  type Category,
  type CompensationForm,
  type Demand,
  type Fault,
  type GoodwillForm,
} from '../values/options'
import type { CompensationOption, CompensationPolicy, OfferItem } from '../schemas/compensation'

export interface ProposeInput {
  category: Category
  amountFen: number | null
  demand: Demand
  fault: Fault
  caseClass: 1 | 2
}

/** Goodwill stays proportional to the loss, with a floor so a loss-free complaint can get a gesture. */
export function goodwillCap(lossFen: number, policy: CompensationPolicy): number {
  return Math.max(policy.goodwillCapMinFen, Math.floor((lossFen * policy.goodwillCapPercent) / 100))
}

/**
 * Splits an offer into restoring the loss and goodwill. Restoring up to the amount involved
 * is routine when the fault is ours (or still to be checked); above it, or when the customer
 * is at fault, it counts as goodwill — which the authority limit and the cap govern.
 */
export function assessOffer(
  items: readonly OfferItem[],
  ctx: { lossFen: number; fault: Fault },
  policy: CompensationPolicy,
  authorityLimitFen: number,
): { restoreFen: number; goodwillFen: number; needs: ('over_limit' | 'over_cap')[] } {
  let restore = items.filter((i) => !isGoodwill(i.form)).reduce((sum, i) => sum + i.valueFen, 0)
  let goodwill = items.filter((i) => isGoodwill(i.form)).reduce((sum, i) => sum + i.valueFen, 0)
  if (ctx.fault === 'customer') {
    goodwill += restore
    restore = 0
  } else if (restore > ctx.lossFen) {
    goodwill += restore - ctx.lossFen
    restore = ctx.lossFen
  }
  const needs: ('over_limit' | 'over_cap')[] = []
  if (goodwill > authorityLimitFen) needs.push('over_limit')
  if (goodwill > goodwillCap(ctx.lossFen, policy)) needs.push('over_cap')
  return { restoreFen: restore, goodwillFen: goodwill, needs }
}

const DEFAULT_GOODWILL: GoodwillForm[] = ['coupon', 'gift', 'points']

/** The best goodwill item of `form` worth at most `budget` (the smallest one if none fits). */
function goodwillItem(form: GoodwillForm, budget: number, policy: CompensationPolicy): OfferItem | null {
  const pick = <T extends { valueFen: number }>(list: T[]) =>
    [...list].sort((a, b) => b.valueFen - a.valueFen).find((x) => x.valueFen <= budget) ??
    [...list].sort((a, b) => a.valueFen - b.valueFen)[0]
  switch (form) {
    case 'coupon': {
      const c = pick(policy.coupons.map((valueFen) => ({ valueFen })))
      return c ? { form, valueFen: c.valueFen, note: '' } : null
    }
    case 'gift':
    case 'free_service':
    case 'onsite_service': {
      const g = pick(policy.catalogue.filter((x) => x.form === form))
      return g ? { form, valueFen: g.valueFen, note: g.name } : null
    }
    case 'points': {
      const valueFen = Math.min(budget, Math.min(...policy.coupons))
      return { form, valueFen, note: String((valueFen / 100) * policy.pointsPerYuan) }
    }
    case 'discount':
    case 'cash':
      return { form, valueFen: Math.min(budget, Math.min(...policy.coupons)), note: '' }
  }
}

function goodwillChoices(category: Category, policy: CompensationPolicy): GoodwillForm[] {
  const preferred = policy.suggestions[category] ?? []
  return [...new Set([...preferred, ...DEFAULT_GOODWILL])]
}

/** Restoring forms to offer, the customer's demand first (docs/domain.md §7). */
function restoreForms(input: ProposeInput): CompensationForm[] {
  if (input.category === 'cashier_error' || input.category === 'price_billing') return ['correct_error', 'full_refund']
  switch (input.demand) {
    case 'refund':
      return ['full_refund', 'exchange', 'repair']
    case 'exchange':
      return ['exchange', 'full_refund', 'repair']
    case 'repair':
      return ['repair', 'exchange', 'full_refund']
    default:
      return input.category === 'delivery' || input.category === 'service_attitude'
        ? ['full_refund', 'partial_refund']
        : ['exchange', 'full_refund', 'repair']
  }
}

const apology = (note = ''): OfferItem => ({ form: 'apology', valueFen: 0, note })

/**
 * Proposes 2–3 options, best first, each with its value, whether it is within the clerk's
 * authority and a one-line rationale tied to the four principles. Pure.
 */
export function proposeCompensation(
  input: ProposeInput,
  policy: CompensationPolicy,
  authorityLimitFen: number,
): CompensationOption[] {
  const loss = Math.max(0, input.amountFen ?? 0)
  const cap = goodwillCap(loss, policy)
  const smallest = Math.min(...policy.coupons)
  const forms = goodwillChoices(input.category, policy)
  const gesture = (form: GoodwillForm, budget: number) => goodwillItem(form, budget, policy)
  const drafts: {
    id: string
    items: (OfferItem | null)[]
    principle: CompensationOption['principle']
    rationale: string
  }[] = []

  if (input.fault === 'customer') {
    // Never a refund first: explain, then perhaps a gesture, or a discount on paid service.
    drafts.push({
      id: 'explain',
      items: [apology('explanation')],
      principle: 'fair',
      rationale: 'customer_fault_explain',
    })
    drafts.push({
      id: 'gesture',
      items: [apology('explanation'), gesture(forms[0], smallest)],
      principle: 'caring',
      rationale: 'customer_fault_gesture',
    })
    if (loss > 0 && (input.demand === 'repair' || input.demand === 'exchange')) {
      drafts.push({
        id: 'discount',
        items: [
          apology('explanation'),
          { form: 'discount', valueFen: Math.min(cap, Math.round(loss * 0.2)), note: '' },
        ],
        principle: 'flexible',
        rationale: 'paid_service_discount',
      })
    }
  } else if (loss === 0) {
    drafts.push({
      id: 'apology_gesture',
      items: [apology(), gesture(forms[0], smallest)],
      principle: 'caring',
      rationale: 'no_loss_gesture',
    })
    drafts.push({
      id: 'apology_alternative',
      items: [apology(), gesture(forms[1], smallest)],
      principle: 'flexible',
      rationale: 'no_loss_choice',
    })
    if (input.caseClass === 2)
      drafts.push({
        id: 'apology_more',
        items: [apology(), gesture(forms[0], cap)],
        principle: 'caring',
        rationale: 'serious_gesture',
      })
  } else {
    const [first, second] = restoreForms(input)
    const restore = (form: CompensationForm): OfferItem => ({ form, valueFen: loss, note: '' })
    const verify = input.fault === 'unclear'
    drafts.push({
      id: `${first}_apology`,
      items: [restore(first), apology()],
      principle: first === 'correct_error' ? 'simple' : 'fair',
      rationale: verify ? 'verify_then_restore' : first === 'correct_error' ? 'correct_on_the_spot' : 'restore_loss',
    })
    drafts.push({
      id: `${second}_gesture`,
      items: [restore(second), apology(), gesture(forms[0], Math.min(cap, smallest))],
      principle: 'flexible',
      rationale: 'choice_with_gesture',
    })
    if (!verify && (input.fault === 'ours' || input.caseClass === 2) && cap > smallest) {
      drafts.push({
        id: `${first}_goodwill`,
        items: [restore(first), apology(), gesture(forms[0], Math.min(cap, authorityLimitFen))],
        principle: 'caring',
        rationale: 'goodwill_within_cap',
      })
    }
  }

  const seen = new Set<string>()
  return drafts
    .map((d) => ({ ...d, items: d.items.filter((i): i is OfferItem => i !== null) }))
    .filter((d) => {
      const key = JSON.stringify(d.items)
      if (seen.has(key)) return false
      seen.add(key)
      return true
    })
    .slice(0, 3)
    .map((d) => {
      const assessed = assessOffer(d.items, { lossFen: loss, fault: input.fault }, policy, authorityLimitFen)
      return {
        id: d.id,
        items: d.items,
        restoreFen: assessed.restoreFen,
        goodwillFen: assessed.goodwillFen,
        valueFen: assessed.restoreFen + assessed.goodwillFen,
        withinAuthority: assessed.needs.length === 0,
        needs: assessed.needs,
        principle: d.principle,
        rationale: d.rationale,
      }
    })
}
