import type { CaseDetail } from '@shared/schemas/case'
import { maskPhone } from '@shared/values/phone'
import { commitmentsTable, signatureLines, when, type BranchInfo } from './common'
import { fieldTable, STYLES, type DocDefinition, type T } from './types'

/**
 * When the customer hears back: the earliest open commitment, else the case's resolve-by
 * deadline (null when neither is known).
 */
export function answerBy(c: CaseDetail): string | null {
  const open = c.workflow.commitments
    .filter((m) => m.status === 'open')
    .map((m) => m.dueAt)
    .sort((a, b) => new Date(a).getTime() - new Date(b).getTime())
  return open[0] ?? c.flags.deadlines.resolveBy ?? null
}

/**
 * 受理回执: what the customer takes home — the number, a customer-facing summary (category,
 * product, their demand; never the clerk's description or notes), when they hear back, whom
 * to call and where to turn if not satisfied. Phone masked.
 */
export function buildCaseReceipt(c: CaseDetail, branch: BranchInfo, retentionNote: string, t: T): DocDefinition {
  const by = answerBy(c)
  const phone = branch.serviceContact.trim()
  const hasCommitments = c.workflow.commitments.length > 0
  return {
    info: { title: `${t('pdf.receipt.title')} ${c.number}`, author: branch.name },
    styles: STYLES,
    content: [
      { text: t('pdf.receipt.title'), style: 'title' },
      { text: `${branch.name}（${branch.code}）`, style: 'subtitle' },
      { text: t('pdf.receipt.intro', { number: c.number }), margin: [0, 0, 0, 8] },
      fieldTable([
        [t('fields.number'), c.number],
        [t('fields.receivedAt'), when(c.receivedAt)],
        [t('fields.customerName'), c.customerName],
        [t('fields.phone'), maskPhone(c.phone)],
      ]),
      { text: t('pdf.receipt.summary'), style: 'h2' },
      fieldTable([
        [t('pdf.receipt.problem'), t(`options.category.${c.category}`)],
        [t('pdf.receipt.product'), c.product],
        [t('pdf.receipt.demand'), [t(`options.demand.${c.demand}`), c.demandNote].filter(Boolean).join('：')],
      ]),
      { text: t('pdf.receipt.promises'), style: 'h2' },
      hasCommitments
        ? commitmentsTable(c, t)
        : { text: by ? t('pdf.receipt.nextSteps', { time: when(by) }) : t('pdf.receipt.nextStepsSoon') },
      hasCommitments
        ? {
            text: by ? t('pdf.receipt.answerByLine', { time: when(by) }) : t('pdf.receipt.answerBySoon'),
            bold: true,
            margin: [0, 6, 0, 0],
          }
        : '',
      // Whom to call, where to turn, and the signatures stay on one page with each other.
      {
        unbreakable: true,
        stack: [
          { text: t('pdf.receipt.contact'), style: 'h2' },
          fieldTable([
            [t('pdf.receipt.answerBy'), when(by)],
            [t('pdf.serviceContact'), phone || t('pdf.receipt.fillIn')],
            [t('pdf.receipt.staff'), c.createdBy.name],
            [t('pdf.printedAt'), when(new Date().toISOString())],
          ]),
          {
            text: [
              { text: `${t('pdf.receipt.escalationTitle')}：`, bold: true },
              phone ? t('pdf.receipt.escalation', { phone }) : t('pdf.receipt.escalationNoPhone'),
            ],
            margin: [0, 8, 0, 0],
          },
          retentionNote ? { text: retentionNote, style: 'small', margin: [0, 10, 0, 0] } : '',
          signatureLines([t('pdf.customerSignature'), t('pdf.receipt.staff')], t),
        ],
      },
    ],
  }
}
