import {
  CLASS2_RULES,
  SITUATIONS,
  type Category,
  type Class2Rule,
  type ConfirmableRule,
  type CustomerType,
  type KeywordRule,
  type Mood,
  type ResolvedAtDesk,
  type Situation,
} from '../values/options'
import type { WorkflowSettings } from '../schemas/settings'
import type { Classification, Reason } from '../schemas/workflow'
import { findKeyword } from './keywords'
import { amountAtStake, goodwillSought } from './amounts'
import { formatFen } from '../values/money'
import { phoneDigits } from '../values/phone'

export interface ClassifyInput {
  category: Category
  customerType: CustomerType
  /** The customer's mood (情绪); 激动 `angry` with a claim beyond the loss is an intense complaint. */
  mood?: Mood
  phone: string
  /** 商品/服务金额 (what was paid). */
  amountFen: number | null
  /** 损失金额 (the actual loss); blank or absent: worked out by category (rules/amounts). */
  lossFen?: number | null
  /** Total the customer claims (索赔金额); what exceeds the loss is goodwill sought. */
  claimFen: number | null
  /** Goodwill already offered (compensation chooser); counts like goodwill sought. */
  goodwillOfferedFen?: number
  description: string
  demandNote: string
  situations: readonly Situation[]
  /** Class 2 rules the clerk confirmed when asked (rules/prompts). */
  confirmedRules?: readonly ConfirmableRule[]
  resolvedAtDesk: ResolvedAtDesk
}

/** An earlier complaint at the branch (voided ones excluded by the caller). */
export interface HistoryItem {
  phone: string
  category: Category
  receivedAt: string
}

const VIP_TYPES: readonly CustomerType[] = [
  'vip_large_account',
  'vip_public_figure',
  'vip_government',
  'vip_journalist',
  'frequent',
]
const DAY_MS = 24 * 3600 * 1000

/**
 * Class 1 / Class 2 and urgency with every reason (docs/domain.md §4–§5). Pure. History rules
 * count back from `receivedAt`, when the complaint was received (not when it was typed in),
 * over the complaints received before it.
 */
export function classify(
  input: ClassifyInput,
  history: readonly HistoryItem[],
  settings: WorkflowSettings,
  receivedAt: Date,
): Classification {
  const text = `${input.description}\n${input.demandNote}`
  const keyword = (rule: KeywordRule) => {
    const list = settings.keywords[rule]
    if (!list) return undefined
    return findKeyword(text, [...list.zh, ...list.en])?.keyword
  }
  const class2 = new Map<Class2Rule, Reason['evidence']>()
  const urgent = new Map<Situation, Reason['evidence']>()

  // Urgent situations: ticked by the clerk, suggested by keywords, or a large loss.
  for (const situation of SITUATIONS) {
    if (input.situations.includes(situation)) urgent.set(situation, { ticked: true })
    else if (situation !== 'large_loss') {
      const hit = keyword(situation)
      if (hit) urgent.set(situation, { keyword: hit })
    }
  }
  const atStake = amountAtStake(input)
  if (!urgent.has('large_loss') && atStake > 0 && atStake >= settings.largeLossFen) {
    urgent.set('large_loss', { amount: formatFen(atStake) })
  }

  // Injury, illness, food or drug harm, fire and accidents are safety matters.
  const safetyHit = keyword('safety_health')
  if (input.category === 'safety_health') class2.set('safety_health', {})
  else if (safetyHit) class2.set('safety_health', { keyword: safetyHit })
  else if (urgent.has('injury_or_harm') || urgent.has('fire_or_hazard')) class2.set('safety_health', {})

  if (VIP_TYPES.includes(input.customerType)) class2.set('vip_customer', {})
  const threat = keyword('external_threat')
  if (threat) class2.set('external_threat', { keyword: threat })

  const sought = goodwillSought(input)
  const goodwill = Math.max(sought, input.goodwillOfferedFen ?? 0)
  if (goodwill > settings.authorityLimitFen) class2.set('over_authority', { amount: formatFen(goodwill) })

  const within = (days: number) => (h: HistoryItem) => {
    const before = receivedAt.getTime() - new Date(h.receivedAt).getTime()
    return before >= 0 && before <= days * DAY_MS
  }
  const phone = phoneDigits(input.phone)
  if (phone !== '') {
    const earlier = history.filter(within(settings.repeatCustomerDays)).filter((h) => phoneDigits(h.phone) === phone)
    if (earlier.length > 0)
      class2.set('repeat_customer', { count: earlier.length + 1, days: settings.repeatCustomerDays })
  }
  const sameCategory =
    history.filter(within(settings.categoryPatternDays)).filter((h) => h.category === input.category).length + 1
  if (sameCategory >= settings.categoryPatternCount)
    class2.set('category_pattern', { count: sameCategory, days: settings.categoryPatternDays })

  // Bribes, fraud, abuse, and any quarrel or scuffle between staff and customer.
  const misconduct = keyword('staff_misconduct')
  if (misconduct) class2.set('staff_misconduct', { keyword: misconduct })
  if (input.resolvedAtDesk === 'no') class2.set('unresolved', {})

  // Remarks on politics, ethnicity or race, religion, gender or region.
  const sensitive = keyword('sensitive_remarks')
  if (sensitive) class2.set('sensitive_remarks', { keyword: sensitive })

  // An intense complaint or a high demand: an agitated customer asking for more than the
  // loss, or shouting at the desk.
  const shouting = keyword('intense_complaint')
  if (input.mood === 'angry' && sought > 0) class2.set('intense_complaint', { amount: formatFen(sought) })
  else if (shouting) class2.set('intense_complaint', { keyword: shouting })

  // What the clerk confirmed when asked stands like a keyword found (a rule already fired keeps its own evidence).
  for (const rule of input.confirmedRules ?? []) if (!class2.has(rule)) class2.set(rule, { confirmed: true })

  const reasons: Reason[] = [
    ...CLASS2_RULES.filter((r) => class2.has(r)).map((rule) => ({
      rule,
      kind: 'class2' as const,
      evidence: class2.get(rule)!,
    })),
    ...SITUATIONS.filter((s) => urgent.has(s)).map((rule) => ({
      rule,
      kind: 'urgent' as const,
      evidence: urgent.get(rule)!,
    })),
  ]
  return {
    caseClass: reasons.length > 0 ? 2 : 1,
    urgent: urgent.size > 0,
    reasons,
    detectedSituations: SITUATIONS.filter((s) => urgent.has(s) && !input.situations.includes(s) && s !== 'large_loss'),
  }
}
