// Head office mode (总部, issue 16): the use cases of an installation set up as head office.
// It reads every branch's cases from PostgreSQL through an injected HqDatabase (made by
// electron/headquarters.ts over electron/headoffice/hq.ts — services never import the database
// layer) and never edits a branch's case: its one write is the 签收 of a Class 2 written report,
// which the branch pulls back onto the case (docs/architecture.md, "Head office mode").
import { format } from 'date-fns'
import type { SyncProblem } from '@shared/schemas/headOffice'
import { HQ_WEEK_FIGURES } from '@shared/rules/hqWeek'
import { createI18n } from '@shared/i18n'
import { isOverdue, type DeadlineFacts } from '@shared/rules/deadlines'
import { findPatterns, patternWindow, type PatternCase } from '@shared/rules/patterns'
import { weeklyReport } from '@shared/rules/weekly'
import { Case } from '@shared/schemas/case'
import type { GeneratedFile } from '@shared/schemas/files'
import type {
  HqListFilter,
  HqListPage,
  HqCaseRecord,
  HqBranch,
  HqBranchWeek,
  HqCaseFilter,
  HqCasePage,
  HqCaseRef,
  HqCaseView,
  HqInboxFilter,
  HqInboxPage,
  HqPatternFilter,
  HqPatterns,
  HqReportRow,
  HqSignInput,
  HqWeekOverview,
  HqWeekQuery,
  HqWeekRow,
} from '@shared/schemas/headquarters'
import type { HeadOfficeAck } from '@shared/schemas/workflow'
import type { WeeklyReport } from '@shared/schemas/weekly'
import { localDayEnd, localDayStart } from '@shared/values/localTime'
import { CASE_STATUSES, CATEGORIES, type CaseStatus, type Category } from '@shared/values/options'
import { maskPhone } from '@shared/values/phone'
import { buildWeeklyReport } from '../pdf/docs/weeklyReport'
import type { T } from '../pdf/docs/types'
import { renderPdfOffThread as renderPdf } from '../pdf/offThread'
import { actorOf, appendAudit, approverOf, requireSession, type ServiceContext } from './context'
import { AppError } from './errors'
import type { HeadOfficeLink } from './headOfficeLink'
import { previousRange } from './reports'

/** Head office's database could not be reached, or refused the login: said, never INTERNAL. */
/** The database could not be used: why, in the desk's words (SyncProblem), and the driver's message. */
export class HqUnavailable extends Error {
  constructor(
    message: string,
    readonly problem: SyncProblem = 'unreachable',
  ) {
    super(message)
  }
}

export type HqReportDbRow = Omit<HqReportRow, 'branchName'>
export type HqWeekCounts = Omit<HqWeekRow, 'branchName' | 'open' | 'overdue'>
export type HqSignOutcome =
  { ok: true; ack: HeadOfficeAck } | { ok: false; reason: 'not_found' | 'not_class2' | 'no_report' | 'already_signed' }

/** What head office mode needs of PostgreSQL (as a head office role: it reads all, writes only 签收). */
export interface HqDatabase {
  branches(): Promise<HqBranch[]>
  listCases(f: HqListFilter): Promise<HqListPage>
  readCase(branchCode: string, caseId: string): Promise<HqCaseRecord | null>
  branchDocs(branchCode: string, from: Date, to: Date): Promise<{ doc: unknown; departmentName: string }[]>
  weekFigures(
    from: Date,
    to: Date,
  ): Promise<{ counts: HqWeekCounts[]; live: { branchCode: string; facts: DeadlineFacts }[] }>
  reportsInbox(f: HqInboxFilter): Promise<{
    rows: HqReportDbRow[]
    unsigned: number
    hasMore: boolean
  }>
  signReport(ref: HqCaseRef, by: string, comment: string): Promise<HqSignOutcome>
  patternCases(from: Date, to: Date): Promise<Omit<PatternCase, 'voided'>[]>
  close(): Promise<void>
}

/** Opens head office's database for a link (electron/headquarters.ts; tests pass the same). */
export type OpenHeadquarters = (link: HeadOfficeLink) => HqDatabase

/** The database of a head office installation with a link set; refused in words otherwise. */
function database(ctx: ServiceContext): HqDatabase {
  requireSession(ctx)
  if (ctx.store.data.branch?.kind !== 'headoffice') throw new AppError('NOT_ALLOWED', {}, 'hq.errors.notHeadOffice')
  const db = ctx.headOffice.headquarters()
  if (!db) throw new AppError('NOT_ALLOWED', {}, 'hq.errors.noLink')
  return db
}

/** Runs a read or the 签收 on the database; an unreachable one is said in the user's words. */
async function withDb<T>(ctx: ServiceContext, fn: (db: HqDatabase) => Promise<T>): Promise<T> {
  const db = database(ctx)
  try {
    const value = await fn(db)
    ctx.headOffice.reached(ctx.now(), null)
    return value
  } catch (err) {
    if (!(err instanceof HqUnavailable)) throw err
    ctx.headOffice.reached(ctx.now(), err)
    throw new AppError('STORE_UNAVAILABLE', { detail: err.message }, `headOffice.problem.${err.problem}`)
  }
}

/** Branch names by code, read at most once a minute (and again when a new code shows up). */
const names = new WeakMap<HqDatabase, { at: number; byCode: Map<string, string> }>()
async function branchNames(
  ctx: ServiceContext,
  db: HqDatabase,
  codes: Iterable<string> = [],
): Promise<Map<string, string>> {
  const cached = names.get(db)
  const fresh = cached && ctx.now().getTime() - cached.at < 60_000 && [...codes].every((c) => cached.byCode.has(c))
  if (cached && fresh) return cached.byCode
  const byCode = new Map((await db.branches()).map((b) => [b.code, b.name]))
  names.set(db, { at: ctx.now().getTime(), byCode })
  return byCode
}

export function hqBranches(ctx: ServiceContext): Promise<HqBranch[]> {
  return withDb(ctx, (db) => db.branches())
}

/** 全部投诉: every branch's cases, filtered and searched, newest first (HqDatabase.listCases says how). */
export function hqListCases(ctx: ServiceContext, query: HqCaseFilter): Promise<HqCasePage> {
  return withDb(ctx, async (db) => {
    const { from, to, ...rest } = query
    const page = await db.listCases({
      ...rest,
      ...(from ? { from: new Date(localDayStart(from)) } : {}),
      ...(to ? { to: new Date(localDayEnd(to)) } : {}),
    })
    const byCode = await branchNames(
      ctx,
      db,
      page.rows.map((r) => r.branchCode),
    )
    return { ...page, rows: page.rows.map((r) => ({ ...r, branchName: byCode.get(r.branchCode) ?? '' })) }
  })
}

/** One case, read-only, as its branch last pushed it (phone masked: head office does not call customers). */
export function hqGetCase(ctx: ServiceContext, ref: HqCaseRef): Promise<HqCaseView> {
  return withDb(ctx, async (db) => {
    const row = await db.readCase(ref.branchCode, ref.caseId)
    if (!row) throw new AppError('NOT_FOUND')
    const parsed = Case.safeParse(row.doc)
    if (!parsed.success) throw new AppError('NOT_ALLOWED', {}, 'hq.errors.unreadableCase')
    const byCode = await branchNames(ctx, db, [ref.branchCode])
    return {
      branchCode: ref.branchCode,
      branchName: byCode.get(ref.branchCode) ?? '',
      departmentName: row.departmentName,
      version: row.version,
      pushedAt: row.pushedAt,
      case: { ...parsed.data, phone: maskPhone(parsed.data.phone) },
      ack: row.ack,
    }
  })
}

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>

function emptyWeekRow(branchCode: string, branchName: string): HqWeekRow {
  return {
    branchCode,
    branchName,
    total: 0,
    class1: 0,
    class2: 0,
    urgent: 0,
    open: 0,
    overdue: 0,
    byStatus: zeros<CaseStatus>(CASE_STATUSES),
    byCategory: zeros<Category>(CATEGORIES),
  }
}

const rangeInstants = (r: HqWeekQuery) => ({ from: new Date(localDayStart(r.from)), to: new Date(localDayEnd(r.to)) })

/**
 * 周报 across branches: every branch's cases received in the range, by class, status and
 * category, urgent, open now and overdue now — by the deadline rule (isOverdue) on the
 * facts head office keeps of each open case, with head office's deadline settings.
 */
export function hqWeekOverview(ctx: ServiceContext, range: HqWeekQuery): Promise<HqWeekOverview> {
  return withDb(ctx, async (db) => {
    const { from, to } = rangeInstants(range)
    const figures = await db.weekFigures(from, to)
    // A branch new since the names were read is named (and the list refreshed), not left blank.
    const byCode = await branchNames(
      ctx,
      db,
      figures.counts.map((c) => c.branchCode),
    )
    const rows = new Map<string, HqWeekRow>()
    for (const [code, name] of byCode) rows.set(code, emptyWeekRow(code, name))
    for (const c of figures.counts) {
      const open = CASE_STATUSES.filter((s) => s !== 'closed' && s !== 'voided').reduce((n, s) => n + c.byStatus[s], 0)
      rows.set(c.branchCode, { ...c, branchName: byCode.get(c.branchCode) ?? '', open, overdue: 0 })
    }
    const settings = ctx.store.data.settings.workflow
    const now = ctx.now()
    for (const { branchCode, facts } of figures.live) {
      const row = rows.get(branchCode)
      if (row && isOverdue(facts, settings, now)) row.overdue++
    }
    const branches = [...rows.values()].sort((a, b) => a.branchCode.localeCompare(b.branchCode))
    const total = emptyWeekRow('', '')
    for (const r of branches) {
      for (const k of HQ_WEEK_FIGURES) total[k] += r[k]
      for (const s of CASE_STATUSES) total.byStatus[s] += r.byStatus[s]
      for (const k of CATEGORIES) total.byCategory[k] += r.byCategory[k]
    }
    return { from: range.from, to: range.to, branches, total }
  })
}

/** The branch's weekly report for `range` by the app's own rule (weeklyReport), from the documents head office has. */
async function branchReport(
  ctx: ServiceContext,
  db: HqDatabase,
  branchCode: string,
  range: HqWeekQuery,
): Promise<WeeklyReport> {
  const { from, to } = rangeInstants(range)
  const rows = await db.branchDocs(branchCode, from, to)
  const cases: Case[] = []
  const departments = new Map<string, string>()
  for (const row of rows) {
    const parsed = Case.safeParse(row.doc)
    if (!parsed.success) continue
    cases.push(parsed.data)
    departments.set(parsed.data.departmentId, row.departmentName || parsed.data.departmentId)
  }
  const { t } = i18n(ctx)
  return weeklyReport(
    cases,
    range,
    [...departments].map(([id, name]) => ({ id, name })),
    (c) => t(`options.category.${c}`),
    ctx.store.data.settings.workflow,
    ctx.now(),
  )
}

/** The dictionary of head office's own language, for its PDFs. */
export function i18n(ctx: ServiceContext): { t: T } {
  return { t: createI18n(ctx.store.data.settings.locale).t as unknown as T }
}

/** 门店周报: one branch's week per department and category, with causes and the week before. */
export function hqBranchWeek(
  ctx: ServiceContext,
  input: { branchCode: string; range: HqWeekQuery },
): Promise<HqBranchWeek> {
  return withDb(ctx, async (db) => {
    const byCode = await branchNames(ctx, db, [input.branchCode])
    if (!byCode.has(input.branchCode)) throw new AppError('NOT_FOUND')
    return {
      branchCode: input.branchCode,
      branchName: byCode.get(input.branchCode) ?? '',
      report: await branchReport(ctx, db, input.branchCode, input.range),
      previous: await branchReport(ctx, db, input.branchCode, previousRange(input.range)),
    }
  })
}

/** The branch's weekly tracking PDF at head office: the branch's own layout, said to come from head office. */
export async function hqWeeklyPdf(
  ctx: ServiceContext,
  input: { branchCode: string; range: HqWeekQuery },
): Promise<GeneratedFile> {
  const week = await hqBranchWeek(ctx, input)
  const { t } = i18n(ctx)
  const hq = ctx.store.data.branch
  const note = t('hq.pdf.source', { headOffice: hq?.name ?? '', at: format(ctx.now(), 'yyyy-MM-dd HH:mm') })
  const bytes = await renderPdf(
    buildWeeklyReport(
      week.report,
      { name: week.branchName, code: week.branchCode, serviceContact: '' },
      t,
      week.previous,
      {
        note,
      },
    ),
  )
  return {
    fileName: `每周部门投诉追踪-${week.branchCode}-${input.range.from}-${input.range.to}.pdf`,
    base64: bytes.toString('base64'),
  }
}

/** 二类报告签收: the Class 2 written reports branches have sent, unsigned first. */
export function hqReportsInbox(ctx: ServiceContext, query: HqInboxFilter): Promise<HqInboxPage> {
  return withDb(ctx, async (db) => {
    const page = await db.reportsInbox(query)
    const byCode = await branchNames(
      ctx,
      db,
      page.rows.map((r) => r.branchCode),
    )
    return { ...page, rows: page.rows.map((r) => ({ ...r, branchName: byCode.get(r.branchCode) ?? '' })) }
  })
}

const SIGN_REFUSALS = {
  not_found: ['NOT_FOUND', 'errors.NOT_FOUND'],
  not_class2: ['NOT_ALLOWED', 'hq.errors.notClass2'],
  no_report: ['NOT_ALLOWED', 'hq.errors.noReport'],
  already_signed: ['CONFLICT', 'hq.errors.alreadySigned'],
} as const

/**
 * 签收 of a Class 2 written report with a comment (a manager at head office): written to
 * ho.report_acks, the only table head office may write; the branch's sync pulls it and shows
 * it on the case. Signed by the approving manager; audited here.
 */
export function hqSignReport(ctx: ServiceContext, input: HqSignInput): Promise<HeadOfficeAck> {
  const approver = approverOf(ctx)
  return withDb(ctx, async (db) => {
    const outcome = await db.signReport(
      { branchCode: input.branchCode, caseId: input.caseId },
      approver.name,
      input.comment,
    )
    if (!outcome.ok) {
      const [code, key] = SIGN_REFUSALS[outcome.reason]
      throw new AppError(code, {}, key)
    }
    await ctx.store.update((d) =>
      appendAudit(d, {
        at: ctx.now().toISOString(),
        by: actorOf(ctx),
        action: 'hq.report.signed',
        target: `${input.branchCode}/${input.caseId}`,
        approvedBy: approver,
      }),
    )
    return outcome.ack
  })
}

/** 跨店规律: the same category or product/model/batch words in ≥ N branches within D days (shared/rules/patterns). */
export function hqPatterns(ctx: ServiceContext, query: HqPatternFilter): Promise<HqPatterns> {
  return withDb(ctx, async (db) => {
    const asOf = query.asOf ? new Date(Math.min(localDayEnd(query.asOf) - 1, ctx.now().getTime())) : ctx.now()
    const options = { minBranches: query.minBranches, days: query.days, asOf }
    const { from, to } = patternWindow(options)
    const cases = await db.patternCases(from, to)
    const patterns = findPatterns(cases, options)
    const byCode = await branchNames(
      ctx,
      db,
      cases.map((c) => c.branchCode),
    )
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      minBranches: query.minBranches,
      days: query.days,
      cases: cases.length,
      patterns: patterns.map((p) => ({
        ...p,
        branches: p.branches.map((b) => ({ ...b, branchName: byCode.get(b.branchCode) ?? '' })),
      })),
    }
  })
}
