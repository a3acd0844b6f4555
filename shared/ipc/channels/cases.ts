import { CaseDetail, CaseDraft, CaseList, CaseQuery, ClassifyPreviewInput, EditCaseInput } from '../../schemas/case'
import { IntakeDraft, SaveDraftInput } from '../../schemas/draft'
import { CsvExport, ExportCsvInput, ExportCsvUnmaskedInput } from '../../schemas/exports'
import { ClassificationSchema } from '../../schemas/workflow'
import { z } from 'zod'
import { ById, channels, None } from './spec'

export const caseChannels = channels({
  'cases:create': { input: CaseDraft, output: CaseDetail, auth: 'session' },
  'cases:list': { input: CaseQuery, output: CaseList, auth: 'session' },
  'cases:get': { input: ById, output: CaseDetail, auth: 'session' },
  /** Corrects intake fields of an open case (each change in the timeline and audit trail). */
  'cases:edit': { input: EditCaseInput, output: CaseDetail, auth: 'session' },
  'cases:classify': { input: ClassifyPreviewInput, output: ClassificationSchema, auth: 'session' },
  /** The caller's own half-filled intake form (one per member of staff), kept in main as they type. */
  'drafts:get': { input: None, output: IntakeDraft.nullable(), auth: 'session' },
  'drafts:save': { input: SaveDraftInput, output: IntakeDraft, auth: 'session' },
  'drafts:clear': { input: None, output: z.null(), auth: 'session' },
  'cases:exportCsv': { input: ExportCsvInput, output: CsvExport, auth: 'session' },
  'cases:exportCsvUnmasked': { input: ExportCsvUnmaskedInput, output: CsvExport, auth: 'manager' },
})
