import { format } from 'date-fns'
import { createI18n } from '@shared/i18n'
import type { ManagerApproval } from '@shared/schemas/common'
import type { Case } from '@shared/schemas/case'
import type { CsvExport, ExportCsvInput } from '@shared/schemas/exports'
import { maskPhone } from '@shared/values/phone'
import { toCsv } from '@shared/rules/csv'
import { matchingCases } from './cases'
import { actorOf, appendAudit, requireSession, type ServiceContext } from './context'

const COLUMNS = [
  'number',
  'receivedAt',
  'status',
  'caseClass',
  'category',
  'customerName',
  'phone',
  'department',
  'product',
  'receiptNo',
  'description',
] as const

/** One case as a CSV line in the UI language; the phone masked unless `fullPhones`. */
function csvLine(
  t: (key: string) => string,
  departments: Map<string, string>,
  fullPhones: boolean,
): (c: Case) => string[] {
  return (c) => [
    c.number,
    format(new Date(c.receivedAt), 'yyyy-MM-dd HH:mm'),
    t(`options.status.${c.status}`),
    c.caseClass ? t(`options.caseClass.${c.caseClass}`) : '',
    t(`options.category.${c.category}`),
    c.customerName,
    fullPhones ? c.phone : maskPhone(c.phone),
    departments.get(c.departmentId) ?? '',
    c.product,
    c.receiptNo,
    c.description,
  ]
}

type Query = Required<Pick<ExportCsvInput, 'sort' | 'dir'>> & ExportCsvInput

/**
 * The filtered list as CSV, in the list's order and the user's language. Phones are masked
 * unless a manager approved the export; every export is in the audit trail.
 */
export async function exportCsv(
  ctx: ServiceContext,
  query: Query & { approval?: ManagerApproval },
): Promise<CsvExport> {
  requireSession(ctx)
  const approver = ctx.approver ?? null
  const { total, take } = await matchingCases(ctx, query)
  const archive = await ctx.store.archived()
  const data = ctx.store.data
  const { t } = createI18n(data.settings.locale)
  const departments = new Map(data.departments.map((d) => [d.id, d.name]))
  const line = csvLine(t, departments, approver !== null)
  const rows: string[][] = []
  // Archived rows hold no product or text: those come from the month files (read in list order, cached).
  for (const match of take(total)) {
    const c = 'workflow' in match ? match : await archive.read(match.id)
    if (c) rows.push(line(c))
  }
  const now = ctx.now()
  await ctx.store.update((d) =>
    appendAudit(d, {
      at: now.toISOString(),
      by: actorOf(ctx),
      action: approver ? 'cases.exported.unmasked' : 'cases.exported',
      target: `${total}`,
      ...(approver ? { approvedBy: approver } : {}),
    }),
  )
  const csv = toCsv([COLUMNS.map((col) => t(col === 'department' ? 'fields.department' : `fields.${col}`)), ...rows])
  return {
    fileName: `${t('export.fileName')}-${format(now, 'yyyyMMdd-HHmm')}.csv`,
    base64: Buffer.from(csv, 'utf8').toString('base64'),
    rows: rows.length,
  }
}
