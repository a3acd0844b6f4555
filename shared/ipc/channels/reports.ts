import { z } from 'zod'
import { CaseDetail } from '../../schemas/case'
import { GeneratedFile } from '../../schemas/files'
import { Handover, HandoverSnapshot, PrepareHandoverInput, SubmitHandoverInput } from '../../schemas/handover'
import { HomeSummary } from '../../schemas/home'
import { WeeklyQuery, WeeklyReport } from '../../schemas/weekly'
import { DayRange } from '../../schemas/common'
import { ById, channels, None } from './spec'

export const reportChannels = channels({
  'reports:caseReceipt': { input: ById, output: GeneratedFile, auth: 'session' },
  'reports:writtenReport': { input: ById, output: GeneratedFile.extend({ case: CaseDetail }), auth: 'session' },
  'reports:oralLog': { input: DayRange, output: GeneratedFile, auth: 'session' },
  'reports:handoverSheet': { input: ById, output: GeneratedFile, auth: 'session' },
  'reports:weekly': { input: WeeklyQuery, output: WeeklyReport, auth: 'session' },
  'reports:weeklyPdf': { input: WeeklyQuery, output: GeneratedFile, auth: 'session' },
  'handover:prepare': { input: PrepareHandoverInput, output: HandoverSnapshot, auth: 'session' },
  'handover:submit': { input: SubmitHandoverInput, output: Handover, auth: 'session' },
  'handover:list': { input: None, output: z.array(Handover), auth: 'session' },
  'home:summary': { input: None, output: HomeSummary, auth: 'session' },
})
