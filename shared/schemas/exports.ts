import { z } from 'zod'
import { CaseQuery } from './case'
import { ManagerApproval } from './common'

/** The list's filters and order: the export holds every matching case, not one page. */
export const ExportCsvInput = CaseQuery.omit({ offset: true, limit: true })
export type ExportCsvInput = z.input<typeof ExportCsvInput>
/** Full phone numbers leave the branch only with a manager's PIN. */
export const ExportCsvUnmaskedInput = ExportCsvInput.extend({ approval: ManagerApproval })
