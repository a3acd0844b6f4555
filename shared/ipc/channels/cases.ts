import { CaseDetail, CaseDraft, CaseList, CaseQuery, ClassifyPreviewInput, EditCaseInput } from '../../schemas/case'
import { CsvExport, ExportCsvInput, ExportCsvUnmaskedInput } from '../../schemas/exports'
import { ClassificationSchema } from '../../schemas/workflow'
import { ById, channels } from './spec'

export const caseChannels = channels({
  'cases:create': { input: CaseDraft, output: CaseDetail, auth: 'session' },
  'cases:list': { input: CaseQuery, output: CaseList, auth: 'session' },
  'cases:get': { input: ById, output: CaseDetail, auth: 'session' },
  /** Corrects intake fields of an open case (each change in the timeline and audit trail). */
  'cases:edit': { input: EditCaseInput, output: CaseDetail, auth: 'session' },
  'cases:classify': { input: ClassifyPreviewInput, output: ClassificationSchema, auth: 'session' },
  'cases:exportCsv': { input: ExportCsvInput, output: CsvExport, auth: 'session' },
  'cases:exportCsvUnmasked': { input: ExportCsvUnmaskedInput, output: CsvExport, auth: 'manager' },
})
