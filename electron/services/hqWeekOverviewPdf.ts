import { format } from 'date-fns'
import type { GeneratedFile } from '@shared/schemas/files'
import type { HqWeekQuery } from '@shared/schemas/headquarters'
import { buildHqWeekOverview } from '../pdf/docs/hqWeekOverview'
import { renderPdfOffThread as renderPdf } from '../pdf/offThread'
import type { ServiceContext } from './context'
import { hqWeekOverview, i18n } from './headquarters'

/** 各门店每周投诉追踪（总部）: the 周报 overview (every branch's week) as a PDF, the same figures as the screen. */
export async function hqWeekOverviewPdf(ctx: ServiceContext, range: HqWeekQuery): Promise<GeneratedFile> {
  const week = await hqWeekOverview(ctx, range)
  const { t } = i18n(ctx)
  const made = { headOffice: ctx.store.data.branch?.name ?? '', at: format(ctx.now(), 'yyyy-MM-dd HH:mm') }
  const bytes = await renderPdf(buildHqWeekOverview(week, made, t))
  return {
    fileName: `各门店每周投诉追踪-${range.from}-${range.to}.pdf`,
    base64: bytes.toString('base64'),
  }
}
