// Head office mode (总部, issue 16): what its channels take and give. Head office reads the
// branches' cases from PostgreSQL and never edits them; its only write is the 签收 of a Class 2
// written report, which goes back to the branch (docs/architecture.md, "Head office mode").
import { z } from 'zod'
import { CASE_STATUSES, CATEGORIES } from '../values/options'
import { v } from '../values/messages'
import { Case } from './case'
import { Day, DayRange, Id, ManagerApproval, optionalText } from './common'
import { HeadOfficeAck } from './workflow'
import { WeeklyReport } from './weekly'
import { PATTERN_DEFAULTS, PATTERN_KINDS, PATTERN_LIMITS } from '../values/patterns'

/** A branch as head office knows it (ho.branches). */
export const HqBranch = z.object({ code: z.string(), name: z.string() })
export type HqBranch = z.infer<typeof HqBranch>

const BranchCode = z.string({ message: v.invalid }).regex(/^[A-Za-z0-9-]{2,16}$/, { message: v.invalid })
/** A case at head office is its branch's code and its id there. */
export const HqCaseRef = z.object({ branchCode: BranchCode, caseId: Id })
export type HqCaseRef = z.infer<typeof HqCaseRef>

/** Where a page of the list ends: the next page starts after this case (newest first). */
export const HqCursor = z.object({ receivedAt: z.iso.datetime({ offset: true }), branchCode: BranchCode, caseId: Id })
export type HqCursor = z.infer<typeof HqCursor>

/** The search text: at most 100 characters; fewer than 3 in a row searches recent cases only (below). */
export const HQ_TEXT_MAX = 100
export const HQ_PAGE_MAX = 100

/** The cross-branch list and search: every filter optional; a page newest first, then `after`. */
export const HqCaseQuery = z
  .object({
    branchCode: BranchCode.optional(),
    caseClass: z.union([z.literal(1), z.literal(2)]).optional(),
    status: z.enum(CASE_STATUSES, { message: v.choose }).optional(),
    category: z.enum(CATEGORIES, { message: v.choose }).optional(),
    /** Received on or after this local day / on or before this one. */
    from: Day.optional(),
    to: Day.optional(),
    q: optionalText(HQ_TEXT_MAX).optional(),
    after: HqCursor.optional(),
    limit: z.number().int().min(1).max(HQ_PAGE_MAX).default(50),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: v.invalid, path: ['to'] })
export type HqCaseQuery = z.input<typeof HqCaseQuery>
/** The query as main reads it (defaults filled in). */
export type HqCaseFilter = z.output<typeof HqCaseQuery>

/** A case in head office's list: its branch, where it stands, no phone. */
export const HqCaseRow = z.object({
  branchCode: z.string(),
  branchName: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  caseClass: z.union([z.literal(1), z.literal(2)]),
  status: z.enum(CASE_STATUSES),
  category: z.enum(CATEGORIES),
  departmentName: z.string(),
  customerName: z.string(),
  product: z.string(),
  receivedAt: z.string(),
  urgent: z.boolean(),
})
export type HqCaseRow = z.infer<typeof HqCaseRow>

export const HqCasePage = z.object({
  rows: z.array(HqCaseRow),
  /** Pass as `after` for the next page; null when there is none. */
  next: HqCursor.nullable(),
  /**
   * A text too short for the trigram index (fewer than 3 letters or characters in a row) is
   * looked for in the newest cases only (those matching the other filters): how many were read
   * and the oldest one's time. Null when every case was searched.
   */
  partial: z.object({ scanned: z.number().int(), since: z.string() }).nullable(),
})
export type HqCasePage = z.infer<typeof HqCasePage>

/** One case as head office reads it: the branch's document (phone masked), never editable. */
export const HqCaseView = z.object({
  branchCode: z.string(),
  branchName: z.string(),
  departmentName: z.string(),
  version: z.number().int(),
  /** When the branch last pushed it. */
  pushedAt: z.string(),
  /** The phone masked (head office does not call customers), so not a phone the intake form takes. */
  case: Case.extend({ phone: z.string() }),
  /** Head office's 签收 of its written report, when given. */
  ack: HeadOfficeAck.nullable(),
})
export type HqCaseView = z.infer<typeof HqCaseView>

/** A week (or any range up to 31 days) of the weekly tracking report. */
export const HqWeekQuery = DayRange.refine(
  (r) => (Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86_400_000 < 31,
  { message: v.invalid, path: ['to'] },
)
export type HqWeekQuery = z.infer<typeof HqWeekQuery>

const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<T[number], z.ZodNumber>)

/** One branch's week at a glance (every branch on one table). */
export const HqWeekRow = z.object({
  branchCode: z.string(),
  branchName: z.string(),
  total: z.number().int(),
  class1: z.number().int(),
  class2: z.number().int(),
  urgent: z.number().int(),
  /** Not closed or voided now. */
  open: z.number().int(),
  /** Overdue now by the deadline rule (shared/rules/deadlines, head office's deadlines). */
  overdue: z.number().int(),
  byStatus: counts(CASE_STATUSES),
  byCategory: counts(CATEGORIES),
})
export type HqWeekRow = z.infer<typeof HqWeekRow>

export const HqWeekOverview = z.object({
  from: z.string(),
  to: z.string(),
  /** Branches with a case in the range, by code; branches without one are listed with zeros. */
  branches: z.array(HqWeekRow),
  total: HqWeekRow,
})
export type HqWeekOverview = z.infer<typeof HqWeekOverview>

/** One branch's weekly tracking, per department, as the branch's own report counts it. */
export const HqBranchWeekQuery = z.object({ branchCode: BranchCode, range: HqWeekQuery })
export const HqBranchWeek = z.object({
  branchCode: z.string(),
  branchName: z.string(),
  report: WeeklyReport,
  /** The same figures for the range just before (本周 / 上周). */
  previous: WeeklyReport,
})
export type HqBranchWeek = z.infer<typeof HqBranchWeek>

/** The Class 2 written reports inbox: unsigned first, then the newest report. */
export const HqInboxQuery = z.object({
  state: z.enum(['unsigned', 'signed', 'all']).default('all'),
  branchCode: BranchCode.optional(),
  offset: z.number().int().min(0).max(5000).default(0),
  limit: z.number().int().min(1).max(HQ_PAGE_MAX).default(50),
})
export type HqInboxQuery = z.input<typeof HqInboxQuery>
export type HqInboxFilter = z.output<typeof HqInboxQuery>

export const HqReportRow = z.object({
  branchCode: z.string(),
  branchName: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  status: z.enum(CASE_STATUSES),
  category: z.enum(CATEGORIES),
  departmentName: z.string(),
  receivedAt: z.string(),
  /** When the branch generated the written report (head office has it since the push). */
  reportAt: z.string(),
  /** The first words of the description. */
  summary: z.string(),
  ack: HeadOfficeAck.nullable(),
})
export type HqReportRow = z.infer<typeof HqReportRow>

export const HqInboxPage = z.object({
  rows: z.array(HqReportRow),
  /** Reports not yet signed (with the branch filter), whatever page this is. */
  unsigned: z.number().int(),
  hasMore: z.boolean(),
})
export type HqInboxPage = z.infer<typeof HqInboxPage>

/** 签收 with a comment: a manager's action at head office; it goes back to the branch. */
export const HqSignInput = HqCaseRef.extend({ comment: optionalText(500), approval: ManagerApproval })
export type HqSignInput = z.infer<typeof HqSignInput>

/** Cross-branch patterns: at least `minBranches` branches within `days` days up to `asOf` (today). */
export const HqPatternQuery = z.object({
  minBranches: z
    .number({ message: v.invalid })
    .int({ message: v.invalid })
    .min(PATTERN_LIMITS.minBranches.min, { message: v.invalid })
    .max(PATTERN_LIMITS.minBranches.max, { message: v.invalid })
    .default(PATTERN_DEFAULTS.minBranches),
  days: z
    .number({ message: v.invalid })
    .int({ message: v.invalid })
    .min(PATTERN_LIMITS.days.min, { message: v.invalid })
    .max(PATTERN_LIMITS.days.max, { message: v.invalid })
    .default(PATTERN_DEFAULTS.days),
  /** The last day of the window (local); today when absent. */
  asOf: Day.optional(),
})
export type HqPatternQuery = z.input<typeof HqPatternQuery>
export type HqPatternFilter = z.output<typeof HqPatternQuery>

export const HqPattern = z.object({
  kind: z.enum(PATTERN_KINDS),
  key: z.string(),
  text: z.string(),
  branches: z.array(z.object({ branchCode: z.string(), branchName: z.string(), count: z.number().int() })),
  cases: z.number().int(),
  firstAt: z.string(),
  lastAt: z.string(),
  examples: z.array(HqCaseRef.extend({ caseNo: z.string(), receivedAt: z.string() })),
})
export type HqPattern = z.infer<typeof HqPattern>

export const HqPatterns = z.object({
  from: z.string(),
  to: z.string(),
  minBranches: z.number().int(),
  days: z.number().int(),
  /** Cases read in the window (voided ones left out). */
  cases: z.number().int(),
  patterns: z.array(HqPattern),
})
export type HqPatterns = z.infer<typeof HqPatterns>
