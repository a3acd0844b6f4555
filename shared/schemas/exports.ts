import { z } from 'zod'
import { CaseQuery } from './case'
import { ManagerApproval } from './common'
import { GeneratedFile } from './files'

/** The list's filters and order: the export holds every matching case, not one page. */
export const ExportCsvInput = CaseQuery.omit({ offset: true, limit: true })
export type ExportCsvInput = z.input<typeof ExportCsvInput>
/** Full phone numbers leave the branch only with a manager's PIN. */
export const ExportCsvUnmaskedInput = ExportCsvInput.extend({ approval: ManagerApproval })
/** The CSV made, and how many cases it holds (the toast says "已导出 N 条 → file"). */
export const CsvExport = GeneratedFile.extend({ rows: z.number().int() })
export type CsvExport = z.infer<typeof CsvExport>
