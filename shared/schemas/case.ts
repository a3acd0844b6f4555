import { z } from 'zod'
import {
  CASE_STATUSES,
  CATEGORIES,
  CHANNELS,
  CUSTOMER_STYLES,
  CUSTOMER_TYPES,
  DEMANDS,
  FAULTS,
  MOODS,
  RESOLVED_AT_DESK,
  SITUATIONS,
} from '../domain/options'
import { AMOUNT_PATTERN } from '../rules/money'
import { isValidPhone } from '../rules/phone'
import { parseLocalDateTime } from '../rules/localTime'
import { enumOf, Id, optionalText, requiredText } from './common'
import { v } from './messages'

/** A receipt time may be a few minutes ahead of main's clock (two clocks, one PC). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000

export const LIMITS = {
  customerName: 30,
  product: 100,
  receiptNo: 40,
  description: 2000,
  demandNote: 200,
} as const

/** The intake form (受理登记, domain.md §2): what the clerk types, validated the same in form and main. */
export const CaseDraft = z.object({
  receivedAt: z
    .string({ message: v.dateTime })
    .refine((s) => parseLocalDateTime(s) !== null, { message: v.dateTime })
    .refine((s) => (parseLocalDateTime(s)?.getTime() ?? 0) <= Date.now() + FUTURE_TOLERANCE_MS, {
      message: v.future,
    }),
  channel: enumOf(CHANNELS),
  customerName: requiredText(LIMITS.customerName),
  phone: z
    .string({ message: v.phone })
    .trim()
    .refine((s) => s === '' || isValidPhone(s), { message: v.phone }),
  customerType: enumOf(CUSTOMER_TYPES),
  customerStyle: z.union([z.literal(''), enumOf(CUSTOMER_STYLES)], { message: v.choose }),
  mood: enumOf(MOODS),
  departmentId: z.string({ message: v.choose }).min(1, { message: v.choose }).max(64, { message: v.choose }),
  product: optionalText(LIMITS.product),
  amount: z
    .string({ message: v.amount })
    .trim()
    .refine((s) => s === '' || AMOUNT_PATTERN.test(s), { message: v.amount }),
  receiptNo: optionalText(LIMITS.receiptNo),
  category: enumOf(CATEGORIES),
  description: requiredText(LIMITS.description),
  demand: enumOf(DEMANDS),
  demandNote: optionalText(LIMITS.demandNote),
  situations: z.array(enumOf(SITUATIONS), { message: v.invalid }).max(SITUATIONS.length, { message: v.invalid }),
  fault: enumOf(FAULTS),
  resolvedAtDesk: enumOf(RESOLVED_AT_DESK),
})
export type CaseDraft = z.infer<typeof CaseDraft>

export const StaffRef = z.object({ id: z.string(), name: z.string() })
export type StaffRef = z.infer<typeof StaffRef>

export const TimelineEntry = z.object({
  at: z.string(),
  by: StaffRef,
  action: z.string(),
  detail: z.string().optional(),
})
export type TimelineEntry = z.infer<typeof TimelineEntry>

/** A stored case. Class is null until the classification rules exist (issue: workflow). */
export const Case = CaseDraft.omit({ amount: true, receivedAt: true }).extend({
  id: z.string(),
  number: z.string(),
  branchCode: z.string(),
  receivedAt: z.string(),
  amountFen: z.number().int().nullable(),
  status: z.enum(CASE_STATUSES),
  caseClass: z.union([z.literal(1), z.literal(2)]).nullable(),
  createdAt: z.string(),
  createdBy: StaffRef,
  timeline: z.array(TimelineEntry),
})
export type Case = z.infer<typeof Case>

export const CaseDetail = Case.extend({ departmentName: z.string() })
export type CaseDetail = z.infer<typeof CaseDetail>

export const CaseSummary = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  caseClass: z.union([z.literal(1), z.literal(2)]).nullable(),
  category: z.enum(CATEGORIES),
  customerName: z.string(),
  phoneMasked: z.string(),
  departmentId: z.string(),
  departmentName: z.string(),
  receivedAt: z.string(),
  situations: z.array(z.enum(SITUATIONS)),
})
export type CaseSummary = z.infer<typeof CaseSummary>

export const SORT_FIELDS = ['receivedAt', 'number', 'status', 'category', 'customerName'] as const
const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: v.invalid })

export const CaseQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  departmentId: Id.optional(),
  from: DAY.optional(),
  to: DAY.optional(),
  q: z.string().trim().max(100, { message: v.tooLong(100) }).optional(),
  sort: z.enum(SORT_FIELDS).default('receivedAt'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  limit: z.number().int().min(1).max(1000).default(200),
})
export type CaseQuery = z.input<typeof CaseQuery>

export const CaseList = z.object({ items: z.array(CaseSummary), total: z.number().int() })
export type CaseList = z.infer<typeof CaseList>
