// Stable ids for every enumerated field of the intake form (docs/domain.md §2–§3).
// Labels live in i18n; ids never change once data is stored.
export const CHANNELS = ['counter', 'phone', 'email', 'online', 'box', 'other'] as const
export const CUSTOMER_TYPES = [
  'regular',
  'member',
  'vip_large_account',
  'vip_public_figure',
  'vip_government',
  'vip_journalist',
  'frequent',
] as const
export const CUSTOMER_STYLES = ['friendly', 'dominant', 'analytical', 'self_centred'] as const
export const MOODS = ['calm', 'upset', 'angry'] as const
export const CATEGORIES = [
  'product_quality',
  'service_attitude',
  'price_billing',
  'cashier_error',
  'after_sales',
  'delivery',
  'usage_difficulty',
  'premises',
  'safety_health',
  'other',
] as const
/**
 * Cause codes (原因) from the material, per category (docs/domain.md §3a); counted in the
 * weekly report. `other` is shared; categories not listed have none.
 */
export const CAUSES_BY_CATEGORY = {
  cashier_error: ['short_change', 'goods_for_change', 'double_scan', 'slow_checkout', 'queue_jumping', 'other'],
  service_attitude: [
    'pushy_selling',
    'ignoring_customer',
    'stony_face',
    'impolite',
    'product_ignorance',
    'abuse_quarrel',
    'other',
  ],
  product_quality: ['expired', 'spoiled_damaged', 'not_as_described', 'batch_problem', 'other'],
} as const satisfies Partial<Record<(typeof CATEGORIES)[number], readonly string[]>>
export const CAUSES = [...new Set(Object.values(CAUSES_BY_CATEGORY).flat())] as unknown as readonly [Cause, ...Cause[]]
export type Cause = (typeof CAUSES_BY_CATEGORY)[keyof typeof CAUSES_BY_CATEGORY][number]
export const DEMANDS = ['apology', 'refund', 'exchange', 'repair', 'compensation', 'explanation', 'other'] as const
export const SITUATIONS = [
  'injury_or_harm',
  'fire_or_hazard',
  'crowd_incident',
  'media_present',
  'violence_threat',
  'large_loss',
  'security_incident',
  'regulator_visit',
] as const
export const FAULTS = ['ours', 'customer', 'unclear'] as const
export const RESOLVED_AT_DESK = ['pending', 'yes', 'no'] as const
export const CASE_STATUSES = [
  'received',
  'in_progress',
  'resolved',
  'reported',
  'followed_up',
  'closed',
  'voided',
] as const
export const ROLES = ['manager', 'staff'] as const

/** 首页's setup checklist, in the order it is shown (shared/rules/setupChecklist.ts says when each is done). */
export const SETUP_TASKS = ['contacts', 'staff', 'policy', 'backup'] as const
export type SetupTask = (typeof SETUP_TASKS)[number]

export type Channel = (typeof CHANNELS)[number]
export type CustomerType = (typeof CUSTOMER_TYPES)[number]
export type CustomerStyle = (typeof CUSTOMER_STYLES)[number]
export type Mood = (typeof MOODS)[number]
export type Category = (typeof CATEGORIES)[number]
export type Demand = (typeof DEMANDS)[number]
export type Situation = (typeof SITUATIONS)[number]
export type Fault = (typeof FAULTS)[number]
export type ResolvedAtDesk = (typeof RESOLVED_AT_DESK)[number]
export type CaseStatus = (typeof CASE_STATUSES)[number]
export type Role = (typeof ROLES)[number]

/** Class 2 triggers (docs/domain.md §4) and urgent triggers (§5): stable rule ids. */
export const CLASS2_RULES = [
  'safety_health',
  'vip_customer',
  'external_threat',
  'over_authority',
  'repeat_customer',
  'category_pattern',
  'staff_misconduct',
  'unresolved',
  'sensitive_remarks',
  'intense_complaint',
] as const
export const URGENT_RULES = SITUATIONS
export type Class2Rule = (typeof CLASS2_RULES)[number]
/**
 * Class 2 rules the clerk may confirm by answering a question (rules/prompts): what the
 * customer said that no keyword caught ("服务态度 + 激动：是否涉及辱骂？").
 */
export const CONFIRMABLE_RULES = [
  'staff_misconduct',
  'sensitive_remarks',
  'intense_complaint',
  'external_threat',
] as const satisfies readonly Class2Rule[]
export type ConfirmableRule = (typeof CONFIRMABLE_RULES)[number]
export type RuleId = Class2Rule | Situation
/** Rules whose text triggers come from the editable keyword list. */
export const KEYWORD_RULES = [
  'safety_health',
  'external_threat',
  'staff_misconduct',
  'injury_or_harm',
  'fire_or_hazard',
  'crowd_incident',
  'media_present',
  'violence_threat',
  'security_incident',
  'regulator_visit',
  'sensitive_remarks',
  'intense_complaint',
] as const
/** Keyword rules added after branches had saved settings: a file saved before them gets the shipped list. */
export const LATER_KEYWORD_RULES = [
  'security_incident',
  'regulator_visit',
  'sensitive_remarks',
  'intense_complaint',
] as const satisfies readonly (typeof KEYWORD_RULES)[number][]
export type KeywordRule = (typeof KEYWORD_RULES)[number]

/** Compensation forms (docs/domain.md §7). Restoring the loss puts the customer back where they were; goodwill goes beyond. */
export const RESTORE_FORMS = [
  'correct_error',
  'exchange',
  'repair',
  'full_refund',
  'partial_refund',
  'medical_costs',
] as const
export const GOODWILL_FORMS = [
  'discount',
  'coupon',
  'gift',
  'points',
  'free_service',
  'onsite_service',
  'cash',
] as const
export const COMPENSATION_FORMS = ['apology', ...RESTORE_FORMS, ...GOODWILL_FORMS] as const
/**
 * Notes the chooser writes on an offer item as codes (shown through `comp.notes`): what an
 * apology says beyond sorry — the reason, the improvement, the price's make-up, a written
 * guide, the customer's well-being — and medical costs paid as documented by receipts.
 */
export const APOLOGY_NOTES = ['explanation', 'improvement', 'price_makeup', 'guide', 'wellbeing'] as const
export const OFFER_NOTE_CODES = [...APOLOGY_NOTES, 'documented'] as const
export type CompensationForm = (typeof COMPENSATION_FORMS)[number]
export type GoodwillForm = (typeof GOODWILL_FORMS)[number]
export const isGoodwill = (form: CompensationForm): boolean => (GOODWILL_FORMS as readonly string[]).includes(form)
