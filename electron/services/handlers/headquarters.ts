import type { headquartersChannels } from '@shared/ipc/channels/headquarters'
import {
  hqBranches,
  hqBranchWeek,
  hqGetCase,
  hqListCases,
  hqPatterns,
  hqReportsInbox,
  hqSignReport,
  hqWeeklyPdf,
  hqWeekOverview,
} from '../headquarters'
import { hqWeekOverviewPdf } from '../hqWeekOverviewPdf'
import type { HandlersFor } from './types'

export const headquartersHandlers: HandlersFor<typeof headquartersChannels> = {
  'hq:branches': (_input, ctx) => hqBranches(ctx),
  'hq:cases': (input, ctx) => hqListCases(ctx, input),
  'hq:case': (input, ctx) => hqGetCase(ctx, input),
  'hq:weekly': (input, ctx) => hqWeekOverview(ctx, input),
  'hq:weeklyOverviewPdf': (input, ctx) => hqWeekOverviewPdf(ctx, input),
  'hq:branchWeekly': (input, ctx) => hqBranchWeek(ctx, input),
  'hq:weeklyPdf': (input, ctx) => hqWeeklyPdf(ctx, input),
  'hq:reports': (input, ctx) => hqReportsInbox(ctx, input),
  'hq:signReport': (input, ctx) => hqSignReport(ctx, input),
  'hq:patterns': (input, ctx) => hqPatterns(ctx, input),
}
