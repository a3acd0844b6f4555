import { z } from 'zod'
import {
  CASE_STATUSES,
  CATEGORIES,
  CAUSES,
  CHANNELS,
  CONFIRMABLE_RULES,
  CUSTOMER_STYLES,
  CUSTOMER_TYPES,
  DEMANDS,
  FAULTS,
  MOODS,
  RESOLVED_AT_DESK,
  SITUATIONS,
} from '../values/options'
import { AMOUNT_PATTERN } from '../values/money'
import { enumOf, Id, optionalText, PhoneText, ReceivedAt, requiredText, StaffRef } from './common'
import { Workflow } from './workflow'
import { v } from '../values/messages'

export const LIMITS = {
  customerName: 30,
  product: 100,
  receiptNo: 40,
  description: 5000,
  demandNote: 200,
  customerWords: 300,
  staffComplainedAbout: 60,
} as const

const amountText = z
  .string({ message: v.amount })
  .trim()
  .refine((s) => s === '' || AMOUNT_PATTERN.test(s), { message: v.amount })

/** The intake form (受理登记, docs/domain.md §2): what the clerk types, validated the same in form and main. */
export const CaseDraft = z.object({
  receivedAt: ReceivedAt,
  channel: enumOf(CHANNELS),
  customerName: requiredText(LIMITS.customerName),
  phone: PhoneText,
  customerType: enumOf(CUSTOMER_TYPES),
  customerStyle: z.union([z.literal(''), enumOf(CUSTOMER_STYLES)], { message: v.choose }),
  mood: enumOf(MOODS),
  departmentId: z.string({ message: v.choose }).min(1, { message: v.choose }).max(64, { message: v.choose }),
  product: optionalText(LIMITS.product),
  /** 商品/服务金额: what the customer paid for the item or service in question (docs/domain.md §3a). */
  amount: amountText,
  /** 损失金额: the customer's actual loss (a short change: the shortfall); blank when none is known. */
  lossAmount: amountText,
  /** What the customer claims in all (索赔金额); above the loss it is goodwill sought. */
  claimAmount: amountText,
  receiptNo: optionalText(LIMITS.receiptNo),
  category: enumOf(CATEGORIES),
  /** 原因: a cause code of the category (rules/causes causeFits, checked in main); absent on older cases. */
  cause: z.union([z.literal(''), enumOf(CAUSES)], { message: v.choose }).optional(),
  description: requiredText(LIMITS.description),
  demand: enumOf(DEMANDS),
  demandNote: optionalText(LIMITS.demandNote),
  /** 客户原话: what the customer said, word for word, kept apart from the restatement (absent on older cases). */
  customerWords: optionalText(LIMITS.customerWords).optional(),
  /** 被投诉员工: the employee the customer complains about, when there is one (absent on cases logged before it existed). */
  staffComplainedAbout: optionalText(LIMITS.staffComplainedAbout).optional(),
  situations: z.array(enumOf(SITUATIONS), { message: v.invalid }).max(SITUATIONS.length, { message: v.invalid }),
  /** Class 2 rules the clerk confirmed when the app asked (rules/prompts); absent on older cases. */
  confirmedRules: z
    .array(enumOf(CONFIRMABLE_RULES), { message: v.invalid })
    .max(CONFIRMABLE_RULES.length, { message: v.invalid })
    .optional(),
  fault: enumOf(FAULTS),
  resolvedAtDesk: enumOf(RESOLVED_AT_DESK),
})
export type CaseDraft = z.infer<typeof CaseDraft>

export { StaffRef } from './common'

/** One field changed by an edit: its value before and after, as text (timeline: phones masked). */
export const FieldChange = z.object({ field: z.string(), before: z.string(), after: z.string() })
export type FieldChange = z.infer<typeof FieldChange>

export const TimelineEntry = z.object({
  at: z.string(),
  by: StaffRef,
  action: z.string(),
  detail: z.string().optional(),
  /** A correction or a handoff: what changed, shown in the reader's language. */
  changes: z.array(FieldChange).optional(),
})
export type TimelineEntry = z.infer<typeof TimelineEntry>

/** A stored case. Class is null until the classification rules exist (issue: workflow). */
export const Case = CaseDraft.omit({ amount: true, lossAmount: true, claimAmount: true, receivedAt: true }).extend({
  id: z.string(),
  number: z.string(),
  branchCode: z.string(),
  receivedAt: z.string(),
  amountFen: z.number().int().nullable(),
  /** Absent on cases logged before 损失金额 existed (read as blank: docs/domain.md §3a). */
  lossFen: z.number().int().nullable().optional(),
  claimFen: z.number().int().nullable(),
  status: z.enum(CASE_STATUSES),
  /** The class in force: the proposed one, or as raised/lowered (workflow.classChange). */
  caseClass: z.union([z.literal(1), z.literal(2)]),
  createdAt: z.string(),
  createdBy: StaffRef,
  timeline: z.array(TimelineEntry),
  workflow: Workflow,
  /** When a manager anonymised it past the retention period (name and phone blanked). */
  anonymised: z.object({ at: z.string(), by: StaffRef }).optional(),
})
export type Case = z.infer<typeof Case>

export const CaseDetail = Case.extend({
  departmentName: z.string(),
  /** Deadlines and overdue flags computed in main at read time (rules/deadlines). */
  flags: z.lazy(() => CaseFlags),
})
export type CaseDetail = z.infer<typeof CaseDetail>

export const CaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  /** The branch a case came from, when it is not this installation's (head office merges branches). */
  fromBranch: z.string().nullable().optional(),
  status: z.enum(CASE_STATUSES),
  caseClass: z.union([z.literal(1), z.literal(2)]),
  category: z.enum(CATEGORIES),
  customerName: z.string(),
  phoneMasked: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  receivedAt: z.string(),
  situations: z.array(z.enum(SITUATIONS)),
  urgent: z.boolean(),
  /** 负责人 (null: 未分配) and the department it was handed to; absent on handover sheets signed before owners existed. */
  ownerName: z.string().nullable().optional(),
  ownerDepartmentName: z.string().nullable().optional(),
  /** The complaint in one line (shared/rules/caseQuery.ts complaintLine); absent on older handover sheets and archive rows. */
  summary: z.string().optional(),
  flags: z.lazy(() => CaseFlags),
})
export type CaseSummary = z.infer<typeof CaseSummary>

export const SORT_FIELDS = ['receivedAt', 'number', 'status', 'category', 'customerName'] as const
/**
 * Saved list views (shared/rules/caseViews.ts says which cases each holds): 全部, 我的 (the
 * caller owns it), 未分配 (nobody does), 紧急, 逾期, 待回访.
 */
export const CASE_VIEWS = ['all', 'mine', 'unassigned', 'urgent', 'overdue', 'follow_up'] as const
export type CaseView = (typeof CASE_VIEWS)[number]
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: v.invalid })

export const CaseQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  departmentId: Id.optional(),
  view: z.enum(CASE_VIEWS).optional(),
  from: DAY.optional(),
  to: DAY.optional(),
  q: z
    .string()
    .trim()
    .max(100, { message: v.tooLong(100) })
    .optional(),
  sort: z.enum(SORT_FIELDS).default('receivedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  /** Rows to skip (the list fetches pages as it scrolls). */
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
})
export type CaseQuery = z.input<typeof CaseQuery>

export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number().int() })
export type CaseList = z.infer<typeof CaseList>

/** What a case can be late with: its deadlines (docs/domain.md §8) and its commitments. */
export const DEADLINE_KINDS = ['resolve', 'first_response', 'report', 'follow_up', 'commitment'] as const
const DeadlineKind = z.enum(DEADLINE_KINDS)

export const CaseFlags = z.object({
  /** Urgent and not yet taken over by a manager: heads every list. */
  escalated: z.boolean(),
  overdue: z.array(DeadlineKind),
  /**
   * Deadlines still to be met that fall due within the branch's due-soon window (a commitment
   * among them when one does). Absent on handover sheets signed before it was computed.
   */
  dueSoon: z.array(DeadlineKind).optional(),
  commitmentsDueSoon: z.number().int(),
  commitmentsOverdue: z.number().int(),
  deadlines: z.object({
    resolveBy: z.string().nullable(),
    firstResponseBy: z.string().nullable(),
    reportBy: z.string().nullable(),
    followUpFrom: z.string().nullable(),
    followUpBy: z.string().nullable(),
  }),
})
export type CaseFlags = z.infer<typeof CaseFlags>

/**
 * A correction (更正) of a saved case: any intake fields, each validated as on the intake
 * form, at least one. Fields outside the form are not accepted.
 */
export const CaseEdit = CaseDraft.omit({ staffComplainedAbout: true })
  .partial()
  .strict()
  .refine((o) => Object.values(o).some((x) => x !== undefined), { message: v.nothingToChange })
export type CaseEdit = z.infer<typeof CaseEdit>
export const EditCaseInput = z.object({ id: Id, changes: CaseEdit })

/** What the live classification needs from a half-filled form: lenient, never "invalid". */
export const ClassifyPreviewInput = z.object({
  category: z.enum(CATEGORIES).catch('other'),
  customerType: z.enum(CUSTOMER_TYPES).catch('regular'),
  mood: z.enum(MOODS).optional().catch(undefined),
  phone: z.string().max(40).catch(''),
  amount: z.string().max(20).catch(''),
  lossAmount: z.string().max(20).catch(''),
  claimAmount: z.string().max(20).catch(''),
  description: z.string().max(LIMITS.description).catch(''),
  demandNote: z.string().max(LIMITS.demandNote).catch(''),
  situations: z.array(z.enum(SITUATIONS)).max(SITUATIONS.length).catch([]),
  confirmedRules: z.array(z.enum(CONFIRMABLE_RULES)).max(CONFIRMABLE_RULES.length).catch([]).optional(),
  resolvedAtDesk: z.enum(RESOLVED_AT_DESK).catch('pending'),
  /** 受理时间 as typed: history rules count back from it (blank or invalid: now). */
  receivedAt: z.string().max(20).catch(''),
})
export type ClassifyPreviewInput = z.infer<typeof ClassifyPreviewInput>
