import {
  APOLOGY_NOTES,
  isGoodwill,
  type Category,
  type CompensationForm,
  type Demand,
  type Fault,
  type GoodwillForm,
} from '../values/options'
import type { CompensationOption, CompensationPolicy, OfferItem } from '../schemas/compensation'
import { effectiveLoss, type CaseAmounts } from './amounts'

export interface ProposeInput extends CaseAmounts {
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

/** Restoring forms for a faulty item, the customer's demand first (docs/domain.md §7a 产品质量). */
function restoreForms(demand: Demand): CompensationForm[] {
  switch (demand) {
    case 'refund':
      return ['full_refund', 'exchange', 'repair']
    case 'repair':
      return ['repair', 'exchange', 'full_refund']
    default:
      return ['exchange', 'full_refund', 'repair']
  }
}

type ApologyNote = (typeof APOLOGY_NOTES)[number]
const apology = (note: ApologyNote | '' = ''): OfferItem => ({ form: 'apology', valueFen: 0, note })

interface Draft {
  id: string
  items: (OfferItem | null)[]
  principle: CompensationOption['principle']
  rationale: string
}

/** Everything a scenario template needs, worked out once. */
interface Scene {
  input: ProposeInput
  price: number
  loss: number
  lossEntered: boolean
  cap: number
  smallest: number
  limit: number
  forms: GoodwillForm[]
  gesture: (form: GoodwillForm, budget: number) => OfferItem | null
}

const restore = (form: CompensationForm, valueFen: number, note = ''): OfferItem => ({ form, valueFen, note })

/** The customer is at fault: explain first, perhaps a gesture, a discount on paid service; never a refund. */
function customerFault(s: Scene): Draft[] {
  const drafts: Draft[] = [
    { id: 'explain', items: [apology('explanation')], principle: 'fair', rationale: 'customer_fault_explain' },
    {
      id: 'gesture',
      items: [apology('explanation'), s.gesture(s.forms[0], s.smallest)],
      principle: 'caring',
      rationale: 'customer_fault_gesture',
    },
  ]
  const base = Math.max(s.loss, s.price)
  if (base > 0 && (s.input.demand === 'repair' || s.input.demand === 'exchange'))
    drafts.push({
      id: 'discount',
      items: [
        apology('explanation'),
        { form: 'discount', valueFen: Math.min(s.cap, Math.round(base * 0.2)), note: '' },
      ],
      principle: 'flexible',
      rationale: 'paid_service_discount',
    })
  return drafts
}

/** No loss to restore: an apology with a small gesture, a choice of another, more for a Class 2 case. */
function gestures(s: Scene, note: ApologyNote | '', rationale: string): Draft[] {
  const drafts: Draft[] = [
    {
      id: 'apology_gesture',
      items: [apology(note), s.gesture(s.forms[0], s.smallest)],
      principle: 'caring',
      rationale,
    },
    {
      id: 'apology_alternative',
      items: [apology(note), s.gesture(s.forms[1], s.smallest)],
      principle: 'flexible',
      rationale: 'no_loss_choice',
    },
  ]
  if (s.input.caseClass === 2)
    drafts.push({
      id: 'apology_more',
      items: [apology(note), s.gesture(s.forms[0], Math.min(s.cap, s.limit))],
      principle: 'caring',
      rationale: 'serious_gesture',
    })
  return drafts
}

/** The loss put right in the forms given (the first leads), with a gesture as the alternative. */
function restoring(s: Scene, forms: CompensationForm[], value: number, note: ApologyNote | ''): Draft[] {
  const [first, second] = forms
  const verify = s.input.fault === 'unclear'
  const drafts: Draft[] = [
    {
      id: `${first}_apology`,
      items: [restore(first, value), apology(note)],
      principle: first === 'correct_error' ? 'simple' : 'fair',
      rationale: verify ? 'verify_then_restore' : first === 'correct_error' ? 'correct_on_the_spot' : 'restore_loss',
    },
    {
      id: `${second ?? first}_gesture`,
      items: [restore(second ?? first, value), apology(note), s.gesture(s.forms[0], Math.min(s.cap, s.smallest))],
      principle: 'flexible',
      rationale: 'choice_with_gesture',
    },
  ]
  if (!verify && (s.input.fault === 'ours' || s.input.caseClass === 2) && s.cap > s.smallest)
    drafts.push({
      id: `${first}_goodwill`,
      items: [restore(first, value), apology(note), s.gesture(s.forms[0], Math.min(s.cap, s.limit))],
      principle: 'caring',
      rationale: 'goodwill_within_cap',
    })
  return drafts
}

/** The category's template from the material (docs/domain.md §7a); a refund never leads where it says otherwise. */
function scenario(s: Scene): Draft[] {
  const { input, price, loss } = s
  switch (input.category) {
    case 'service_attitude':
      // A refund leads only when what the customer lost is the price itself.
      if (s.lossEntered && loss > 0 && loss === price) return restoring(s, ['full_refund'], loss, 'improvement')
      const template = gestures(s, 'improvement', 'attitude_template')
      // A loss beside the price (a wasted trip, a fee) is made good as the third choice.
      if (loss > 0)
        return [...template.slice(0, 2), ...restoring(s, ['partial_refund'], loss, 'improvement').slice(0, 1)]
      return template
    case 'price_billing': {
      // A proven billing error is corrected in full; otherwise explain, negotiate, then a discount.
      if (input.fault === 'ours' && loss > 0) return restoring(s, ['correct_error'], loss, '')
      const discount = Math.min(s.cap, s.limit, Math.max(Math.round(price * 0.1), 100))
      return [
        { id: 'explain_price', items: [apology('price_makeup')], principle: 'fair', rationale: 'explain_price' },
        {
          id: 'negotiate_discount',
          items: [apology('price_makeup'), { form: 'discount', valueFen: discount, note: '' }],
          principle: 'flexible',
          rationale: 'negotiate_discount',
        },
      ]
    }
    case 'usage_difficulty': {
      const drafts: Draft[] = [
        { id: 'guide', items: [apology('guide')], principle: 'simple', rationale: 'usage_guide' },
        {
          id: 'technician',
          items: [apology('guide'), s.gesture('onsite_service', s.limit)],
          principle: 'caring',
          rationale: 'usage_technician',
        },
      ]
      // An exchange only when the item itself is faulty (our fault, or the loss typed in).
      if (input.fault === 'ours' && Math.max(price, loss) > 0)
        drafts.push({
          id: 'exchange_if_faulty',
          items: [restore('exchange', Math.max(price, loss)), apology()],
          principle: 'fair',
          rationale: 'exchange_if_faulty',
        })
      return drafts
    }
    case 'cashier_error':
      // Pay back the shortfall at once; never a "refund" of the bill.
      return loss > 0
        ? restoring(s, ['correct_error'], loss, '')
        : [
            {
              id: 'verify_shortfall',
              items: [restore('correct_error', 0), apology()],
              principle: 'simple',
              rationale: 'verify_shortfall',
            },
            ...gestures(s, '', 'no_loss_gesture').slice(0, 1),
          ]
    case 'safety_health': {
      // Well-being first: documented medical costs, the product refunded, an apology; a manager handles it.
      const medical = restore('medical_costs', Math.max(0, loss - price), 'documented')
      return [
        {
          id: 'health_first',
          items: [medical, price > 0 ? restore('full_refund', price) : null, apology('wellbeing')],
          principle: 'caring',
          rationale: 'health_first',
        },
        price > 0
          ? {
              id: 'health_exchange',
              items: [medical, restore('exchange', price), apology('wellbeing')],
              principle: 'flexible',
              rationale: 'health_choice',
            }
          : {
              id: 'health_gesture',
              items: [medical, apology('wellbeing'), s.gesture(s.forms[0], s.smallest)],
              principle: 'caring',
              rationale: 'health_gesture',
            },
      ]
    }
    default:
      if (loss === 0) return gestures(s, '', 'no_loss_gesture')
      if (input.category === 'product_quality' || input.category === 'after_sales')
        return restoring(s, restoreForms(input.demand), loss, '')
      // Delivery, premises, other: the loss typed in, as the customer asked.
      return restoring(
        s,
        input.demand === 'exchange' ? ['exchange', 'partial_refund'] : ['partial_refund', 'correct_error'],
        loss,
        '',
      )
  }
}

/**
 * Proposes 2–3 options, best first, each with its value, whether it is within the clerk's
 * authority and a one-line rationale tied to the four principles. Pure.
 */
export function proposeCompensation(
  input: ProposeInput,
  policy: CompensationPolicy,
  authorityLimitFen: number,
): CompensationOption[] {
  const { fen: loss, source } = effectiveLoss(input)
  const smallest = Math.min(...policy.coupons)
  const scene: Scene = {
    input,
    price: Math.max(0, input.amountFen ?? 0),
    loss,
    lossEntered: source === 'entered',
    cap: goodwillCap(loss, policy),
    smallest,
    limit: authorityLimitFen,
    forms: goodwillChoices(input.category, policy),
    gesture: (form, budget) => goodwillItem(form, budget, policy),
  }
  const drafts = input.fault === 'customer' ? customerFault(scene) : scenario(scene)

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
