import type { CaseDetail } from '@shared/schemas/case'
import { caseFacts, commitmentsTable, signatureLines, when, type BranchInfo } from './common'
import { fieldTable, STYLES, type DocDefinition, type T } from './types'

/** 受理回执: what the customer takes home — the number, what was recorded and promised, whom to call. Phone masked. */
export function buildCaseReceipt(c: CaseDetail, branch: BranchInfo, retentionNote: string, t: T): DocDefinition {
  return {
    info: { title: `${t('pdf.receipt.title')} ${c.number}`, author: branch.name },
    styles: STYLES,
    content: [
      { text: t('pdf.receipt.title'), style: 'title' },
      { text: `${branch.name}（${branch.code}）`, style: 'subtitle' },
      { text: t('pdf.receipt.intro', { number: c.number }), margin: [0, 0, 0, 8] },
      fieldTable(caseFacts(c, t, false)),
      { text: t('fields.description'), style: 'h2' },
      { text: c.description },
      { text: t('pdf.receipt.promises'), style: 'h2' },
      commitmentsTable(c, t),
      { text: t('pdf.receipt.contact'), style: 'h2' },
      fieldTable([
        [t('fields.staff'), c.createdBy.name],
        [t('pdf.serviceContact'), branch.serviceContact],
        [t('pdf.printedAt'), when(new Date().toISOString())],
      ]),
      retentionNote ? { text: retentionNote, style: 'small', margin: [0, 10, 0, 0] } : '',
      signatureLines([t('pdf.customerSignature'), t('fields.staff')], t),
    ],
  }
}
