import { addDays, differenceInCalendarDays, format } from 'date-fns'
import { createI18n } from '@shared/i18n'
import type { CaseDetail } from '@shared/schemas/case'
import type { GeneratedFile } from '@shared/schemas/files'
import { buildCaseReceipt } from '../pdf/docs/caseReceipt'
import { buildClass2Report, reportNumber, type EvidenceImages } from '../pdf/docs/class2Report'
import { ATTACHMENT_MIME } from '@shared/values/attachments'
import { evidenceBytes } from './attachments'
import { buildHandoverSheet } from '../pdf/docs/handoverSheet'
import { buildOralReportLog } from '../pdf/docs/oralReportLog'
import { buildWeeklyReport } from '../pdf/docs/weeklyReport'
import { weeklyReport } from '@shared/rules/weekly'
import { withinLocalDays } from '@shared/values/localTime'
import type { WeeklyReport } from '@shared/schemas/weekly'
import { getHandover } from './handover'
import { toDetail } from './caseRecord'
import type { BranchInfo } from '../pdf/docs/common'
import type { T } from '../pdf/docs/types'
import { renderPdfOffThread as renderPdf } from '../pdf/offThread'
import { getCase } from './cases'
import { requireSession, type ServiceContext } from './context'
import { recordWrittenReportGenerated } from './workflow'
import { refuse } from './caseRecord'

function context(ctx: ServiceContext): { branch: BranchInfo; t: T } {
  const data = ctx.store.data
  const branch = {
    name: data.branch?.name ?? '',
    code: data.branch?.code ?? '',
    serviceContact: data.settings.workflow.serviceContact,
  }
  return { branch, t: createI18n(data.settings.locale).t as unknown as T }
}

/**
 * The retention note as the branch set it. The note first shipped as the default promised
 * "保存 3 年，到期由主管审核后归档", which the app does not carry out: a branch still on that
 * default prints only its confidentiality part (docs/domain.md §9a: no printout promises a
 * policy the app does not carry out).
 */
export const LEGACY_RETENTION_NOTE =
  '客户联系方式仅用于处理本次投诉和回访；投诉记录保存 3 年，到期由主管审核后归档，不得外传。'
export function printedRetentionNote(note: string): string {
  return note.trim() === LEGACY_RETENTION_NOTE ? '客户联系方式仅用于处理本次投诉和回访，不得外传。' : note.trim()
}

/** The note printed on the receipt: the branch's note, and the retention period when one is set (what the app carries out). */
function receiptNote(w: { retentionNote: string; retentionMonths?: number | null }, t: T): string {
  const months = w.retentionMonths ? t('pdf.receipt.retentionLine', { months: w.retentionMonths }) : ''
  return [printedRetentionNote(w.retentionNote), months].filter(Boolean).join(' ')
}

const pdfFile = (fileName: string, bytes: Buffer): GeneratedFile => ({ fileName, base64: bytes.toString('base64') })

/** 受理回执 for the customer (phone masked). */
export async function caseReceipt(ctx: ServiceContext, id: string): Promise<GeneratedFile> {
  requireSession(ctx)
  const c = await getCase(ctx, id)
  const { branch, t } = context(ctx)
  return pdfFile(
    `${c.number}-受理回执.pdf`,
    await renderPdf(buildCaseReceipt(c, branch, receiptNote(ctx.store.data.settings.workflow, t), t)),
  )
}

/**
 * 二类投诉书面报告: made from the case as it stands, and recorded on the case (the record the
 * Class 2 close guard needs, with marking it submitted).
 */
export async function class2Report(ctx: ServiceContext, id: string): Promise<GeneratedFile & { case: CaseDetail }> {
  requireSession(ctx)
  const before = await getCase(ctx, id)
  if (before.caseClass !== 2) refuse('written_report_class2_only')
  const updated = await recordWrittenReportGenerated(ctx, id)
  const { branch, t } = context(ctx)
  const generatedAt = updated.workflow.writtenReport!.generatedAt
  const fullPhone = ctx.store.data.settings.workflow.reportFullPhone === true
  const build = (images: EvidenceImages) => buildClass2Report(updated, branch, generatedAt, t, fullPhone, images)
  const images = await thumbnails(ctx, updated)
  // An image pdfkit cannot draw (an unusual PNG variant) must not cost the report: it is listed without thumbnails then.
  const bytes = await renderPdf(build(images)).catch((err: unknown) => {
    if (Object.keys(images).length === 0) throw err
    return renderPdf(build({}))
  })
  return { ...pdfFile(`${reportNumber(updated, generatedAt)}-二类投诉书面报告.pdf`, bytes), case: updated }
}

/** The report draws JPEG and PNG thumbnails (pdfkit's formats), up to this many bytes of images in all. */
const THUMBNAIL_BUDGET_BYTES = 24 * 1024 * 1024

/** Data URLs of the case's live JPEG/PNG attachments, for the report's evidence list. */
async function thumbnails(ctx: ServiceContext, c: CaseDetail): Promise<EvidenceImages> {
  const images: Record<string, string> = {}
  let budget = THUMBNAIL_BUDGET_BYTES
  for (const a of c.workflow.attachments) {
    if (a.voided || (a.type !== 'jpeg' && a.type !== 'png') || a.size > budget || images[a.hash]) continue
    const bytes = await evidenceBytes(ctx, a.hash)
    if (!bytes) continue
    budget -= bytes.length
    images[a.hash] = `data:${ATTACHMENT_MIME[a.type]};base64,${bytes.toString('base64')}`
  }
  return images
}

/** 口头报告记录 for local days `from`–`to` (inclusive), by the time of the oral report. */
export async function oralReportLog(ctx: ServiceContext, range: { from: string; to: string }): Promise<GeneratedFile> {
  requireSession(ctx)
  const cases = (await ctx.store.casesSince(range.from))
    .filter((c) => c.workflow.oralReport && withinLocalDays(c.workflow.oralReport.at, range.from, range.to))
    .map((c) => toDetail(ctx, c))
  const { branch, t } = context(ctx)
  return pdfFile(
    `口头报告记录-${range.from}${range.to !== range.from ? `-${range.to}` : ''}.pdf`,
    await renderPdf(buildOralReportLog(cases, range, branch, t)),
  )
}

/** 交接班表 of a signed-off handover. */
export async function handoverSheet(ctx: ServiceContext, id: string): Promise<GeneratedFile> {
  const h = getHandover(ctx, id)
  const { branch, t } = context(ctx)
  return pdfFile(
    `交接班表-${format(new Date(h.at), 'yyyy-MM-dd-HHmm')}.pdf`, // local time, as on the sheet
    await renderPdf(buildHandoverSheet(h, branch, t)),
  )
}

/** The weekly figures for [from, to] (the in-app report screen and the PDF use the same). */
export async function weeklyFigures(ctx: ServiceContext, range: { from: string; to: string }): Promise<WeeklyReport> {
  requireSession(ctx)
  const data = ctx.store.data
  const { t } = context(ctx)
  return weeklyReport(
    await ctx.store.casesSince(range.from),
    range,
    data.departments,
    (c) => t(`options.category.${c}`),
    data.settings.workflow,
    ctx.now(),
    data.suggestions,
  )
}

/** The range of the same length just before `range` (local days): last week for a week. */
export function previousRange(range: { from: string; to: string }): { from: string; to: string } {
  const day = (s: string) => new Date(`${s}T00:00:00`)
  const days = differenceInCalendarDays(day(range.to), day(range.from)) + 1
  return {
    from: format(addDays(day(range.from), -days), 'yyyy-MM-dd'),
    to: format(addDays(day(range.from), -1), 'yyyy-MM-dd'),
  }
}

export async function weeklyPdf(ctx: ServiceContext, range: { from: string; to: string }): Promise<GeneratedFile> {
  const figures = await weeklyFigures(ctx, range)
  // The week before, by the same rule (weeklyReport), for 本周 / 上周 / 变化.
  const previous = await weeklyFigures(ctx, previousRange(range))
  const { branch, t } = context(ctx)
  return pdfFile(
    `每周部门投诉追踪-${range.from}-${range.to}.pdf`,
    await renderPdf(buildWeeklyReport(figures, branch, t, previous)),
  )
}
