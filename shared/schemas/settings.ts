import { z } from 'zod'
import { CATEGORIES, CUSTOMER_STYLES, DEMANDS, KEYWORD_RULES, LATER_KEYWORD_RULES } from '../values/options'
import { templateProblem } from '../values/template'
import { LATER_KEYWORDS } from '../values/laterKeywords'
import { LASTR_STEPS } from './workflow'
import { CompensationPolicy } from './compensation'
import { optionalText, requiredText } from './common'
import { v } from '../values/messages'
import { isServicePhone, isValidPhone } from '../values/phone'

const keywordList = z
  .array(
    z
      .string()
      .trim()
      .min(1, { message: v.required })
      // Long enough for a co-occurrence with its alternatives ("工商/税务+检查/来店", rules/keywords.ts).
      .max(120, { message: v.tooLong(120) }),
  )
  .max(200, { message: v.invalid })
const fen = z
  .number({ message: v.amount })
  .int({ message: v.amount })
  .min(0, { message: v.amount })
  .max(1_000_000_00, { message: v.amount })
const whole = (min: number, max: number) =>
  z
    .number({ message: v.invalid })
    .int({ message: v.invalid })
    .min(min, { message: v.invalid })
    .max(max, { message: v.invalid })

const line = z
  .string()
  .trim()
  .min(1, { message: v.required })
  .max(300, { message: v.tooLong(300) })
const lines = z.object({ zh: z.array(line).max(30), en: z.array(line).max(30) })
export type Lines = z.infer<typeof lines>

/** Slots a restatement template may use (shared/rules/restatement.ts). */
export const RESTATEMENT_SLOTS = ['date', 'product', 'problem', 'amount', 'loss', 'claim', 'note'] as const
/** A template read aloud: known `{slots}` only, `[…]` parts balanced (shared/values/template.ts). */
const template = (slots: readonly string[], required: readonly string[] = []) =>
  line.refine((s) => templateProblem(s, slots, required) === null, { message: v.template })
const perDemand = z.object(
  Object.fromEntries(DEMANDS.map((d) => [d, template(RESTATEMENT_SLOTS)])) as Record<
    (typeof DEMANDS)[number],
    ReturnType<typeof template>
  >,
)
const short = z
  .string()
  .trim()
  .min(1, { message: v.required })
  .max(60, { message: v.tooLong(60) })
/** A phrase not to say, and what to say instead. */
export const AvoidPair = z.object({ avoid: short, instead: line })
export type AvoidPair = z.infer<typeof AvoidPair>
const pairs = z.array(AvoidPair).max(30, { message: v.invalid })
const perStep = z.object(
  Object.fromEntries(LASTR_STEPS.map((s) => [s, lines])) as Record<(typeof LASTR_STEPS)[number], typeof lines>,
)
const perStyle = z.object(
  Object.fromEntries(CUSTOMER_STYLES.map((s) => [s, lines])) as Record<(typeof CUSTOMER_STYLES)[number], typeof lines>,
)

/**
 * The scripts (话术) and guidance of docs/domain.md §6–§6a. Shipped in shared/domain/playbook.ts;
 * a settings file saved before a field existed gets it from there when read (StoredWorkflowSettings).
 */
export const Playbook = z.object({
  /** The single restatement template of files saved before one per demand: kept as written, no longer read. */
  restatement: z.object({ zh: z.string(), en: z.string() }).optional(),
  /** One restatement per demand and language; slots RESTATEMENT_SLOTS. */
  restatements: z.object({ zh: perDemand, en: perDemand }),
  /** What to say, per LASTR step. */
  steps: perStep,
  /** What to do (not said aloud), per step: "while listening, don't explain or argue yet"… */
  guidance: perStep,
  /** Managing expectations: saying honestly what the limits and difficulties are. */
  expectations: lines,
  /** The escalation path said out loud; {hours} is the manager's call-back time (deadlines.managerCallbackHours). */
  escalation: z.object({ zh: template(['hours'], ['hours']), en: template(['hours'], ['hours']) }),
  /** Words to avoid, with what to say instead. */
  avoidWords: z.object({ zh: pairs, en: pairs }),
  openQuestions: lines,
  closedQuestions: lines,
  /** The traits that tell the four customer styles apart (so the clerk can pick one). */
  styleTraits: perStyle,
  styleTips: perStyle,
  scenarios: z.partialRecord(z.enum(CATEGORIES), lines),
})
export type Playbook = z.infer<typeof Playbook>

/** A contact as stored: files saved before contacts were checked keep what was typed. */
export const ManagerContact = z.object({ name: requiredText(30), phone: requiredText(30), role: optionalText(30) })
export type ManagerContact = z.infer<typeof ManagerContact>

/** A contact as entered (first run, 设置 → 通用): the phone is one the desk can call (values/phone). */
export const ManagerContactInput = ManagerContact.extend({
  phone: requiredText(30).refine((s) => s === '' || isValidPhone(s), { message: v.phone }),
})

/** The branch's service phone as entered: a phone, a 400/800 hotline or a 95/96 service number. */
export const ServicePhone = requiredText(60).refine((s) => s === '' || isServicePhone(s), { message: v.servicePhone })

/**
 * Who the desk calls in an emergency (the escalation card) and the service phone printed on
 * every receipt: asked at first run, so neither is ever blank, and kept so (at least one contact).
 */
export const BranchContacts = z.object({
  managerContacts: z.array(ManagerContactInput).min(1, { message: v.contactsRequired }).max(20, { message: v.invalid }),
  serviceContact: ServicePhone,
})
export type BranchContacts = z.infer<typeof BranchContacts>

/** Branch policy for classification, escalation and deadlines (docs/domain.md §4, §5, §8). */
export const WorkflowSettings = z.object({
  authorityLimitFen: fen,
  largeLossFen: fen,
  repeatCustomerDays: whole(1, 365),
  categoryPatternDays: whole(1, 90),
  categoryPatternCount: whole(2, 100),
  // A rule added later is missing from settings saved before it: it gets the shipped list.
  keywords: z.object(
    Object.fromEntries(
      KEYWORD_RULES.map((r) => {
        const lists = z.object({ zh: keywordList, en: keywordList })
        const later = (LATER_KEYWORD_RULES as readonly string[]).includes(r)
        const shipped = LATER_KEYWORDS[r as (typeof LATER_KEYWORD_RULES)[number]]
        return [r, later ? lists.default(() => ({ zh: [...shipped.zh], en: [...shipped.en] })) : lists]
      }),
    ) as {
      [K in (typeof KEYWORD_RULES)[number]]: z.ZodObject<{ zh: typeof keywordList; en: typeof keywordList }>
    },
  ),
  managerContacts: z.array(ManagerContact).max(20, { message: v.invalid }),
  deadlines: z
    .object({
      class1ResolveHours: whole(1, 240),
      class2FirstResponseHours: whole(1, 240),
      class2ResolveDays: whole(1, 90),
      class2ReportHours: whole(1, 240),
      followUpAfterDays: whole(0, 30),
      followUpWithinDays: whole(1, 60),
      commitmentDueSoonHours: whole(1, 72),
      /**
       * The escalation promise: a manager calls the customer back within this many hours
       * (docs/domain.md §6a). Never later than the Class 2 first response.
       */
      managerCallbackHours: whole(1, 240),
    })
    .refine((d) => d.managerCallbackHours <= d.class2FirstResponseHours, {
      message: v.callbackAfterFirstResponse,
      path: ['managerCallbackHours'],
    }),
  playbook: Playbook,
  compensation: CompensationPolicy,
  /** What the branch tells customers and staff about how long complaint records are kept. */
  retentionNote: optionalText(500),
  /**
   * Months after 受理 a finished case keeps the customer's name and phone; then a manager
   * anonymises it (rules/retention). Absent or null: no period, nothing is anonymised.
   */
  retentionMonths: z
    .number({ message: v.invalid })
    .int({ message: v.invalid })
    .min(1, { message: v.invalid })
    .max(1200, { message: v.invalid })
    .nullable()
    .optional(),
  /** The branch's service phone printed on case receipts. */
  serviceContact: optionalText(60),
  /** Print the customer's full phone on the Class 2 written report (absent or false: masked). */
  reportFullPhone: z.boolean({ message: v.invalid }).optional(),
  /** How many daily automatic backups to keep. */
  backupKeep: whole(1, 365),
})
export type WorkflowSettings = z.infer<typeof WorkflowSettings>

/**
 * The policy a manager saves under 设置 (limits, deadlines, keywords, compensation, retention…):
 * everything but the contacts, which have their own form and channel (BranchContacts).
 */
export const WorkflowPolicy = WorkflowSettings.omit({ managerContacts: true, serviceContact: true })
export type WorkflowPolicy = z.infer<typeof WorkflowPolicy>
