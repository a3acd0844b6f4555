import type { reportChannels } from '@shared/ipc/channels/reports'
import { listHandovers, prepareHandover, submitHandover } from '../handover'
import { homeSummary } from '../home'
import { caseReceipt, class2Report, handoverSheet, oralReportLog, weeklyFigures, weeklyPdf } from '../reports'
import type { HandlersFor } from './types'

export const reportHandlers: HandlersFor<typeof reportChannels> = {
  'reports:caseReceipt': ({ id }, ctx) => caseReceipt(ctx, id),
  'reports:writtenReport': ({ id }, ctx) => class2Report(ctx, id),
  'reports:oralLog': (input, ctx) => oralReportLog(ctx, input),
  'reports:handoverSheet': ({ id }, ctx) => handoverSheet(ctx, id),
  'reports:weekly': (input, ctx) => weeklyFigures(ctx, input),
  'reports:weeklyPdf': (input, ctx) => weeklyPdf(ctx, input),
  'handover:prepare': ({ hours }, ctx) => prepareHandover(ctx, hours),
  'handover:submit': (input, ctx) => submitHandover(ctx, input),
  'handover:list': (_input, ctx) => listHandovers(ctx),
  'home:summary': (_input, ctx) => homeSummary(ctx),
}
