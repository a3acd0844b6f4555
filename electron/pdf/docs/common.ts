import { format } from 'date-fns'
import type { CaseDetail } from '@shared/schemas/case'
import { formatFen } from '@shared/values/money'
import { maskPhone } from '@shared/values/phone'
import { lossText } from '@shared/i18n/amounts'
import { effectiveLoss } from '@shared/rules/amounts'
import type { Content, T } from './types'

export const when = (iso: string | null | undefined) => (iso ? format(new Date(iso), 'yyyy-MM-dd HH:mm') : '—')
export const yuan = (fen: number | null) => (fen === null ? '—' : `¥${formatFen(fen)}`)

export interface BranchInfo {
  name: string
  code: string
  serviceContact: string
}

/** The facts of a case as label/value rows; the phone masked unless `fullPhone`. */
export function caseFacts(c: CaseDetail, t: T, fullPhone: boolean): [string, string][] {
  return [
    [t('fields.number'), c.number],
    [t('fields.receivedAt'), when(c.receivedAt)],
    [t('fields.channel'), t(`options.channel.${c.channel}`)],
    [t('fields.customerName'), c.customerName],
    [t('fields.phone'), fullPhone ? c.phone : maskPhone(c.phone)],
    [t('fields.customerType'), t(`options.customerType.${c.customerType}`)],
    [t('fields.department'), c.departmentName],
    [t('fields.category'), t(`options.category.${c.category}`)],
    ...(c.cause ? [[t('fields.cause'), t(`options.cause.${c.cause}`)] as [string, string]] : []),
    [t('fields.product'), c.product],
    [t('fields.amount'), yuan(c.amountFen)],
    [t('fields.lossAmount'), lossText(t, effectiveLoss(c))],
    [t('fields.receiptNo'), c.receiptNo],
    [t('fields.demand'), [t(`options.demand.${c.demand}`), c.demandNote].filter(Boolean).join('：')],
  ]
}

export function commitmentsTable(c: CaseDetail, t: T): Content {
  if (c.workflow.commitments.length === 0) return { text: t('wf.noCommitments'), style: 'label' }
  return {
    table: {
      headerRows: 1,
      widths: ['*', 70, 95, 60],
      dontBreakRows: true,
      body: [
        [t('wf.what'), t('wf.owner'), t('wf.due'), t('fields.status')].map((text) => ({ text, style: 'th' })),
        ...c.workflow.commitments.map((m) => [
          m.what,
          m.owner,
          when(m.dueAt),
          t(`wf.commitmentState.${m.status === 'kept' ? 'kept' : 'open'}`),
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  }
}

/** Lines to sign by hand on the printout. */
export function signatureLines(labels: string[], t: T): Content {
  return {
    margin: [0, 24, 0, 0],
    unbreakable: true,
    columns: labels.map((label) => ({
      stack: [
        { text: `${label}：` },
        { text: '\n________________________' },
        { text: `${t('pdf.date')}：________`, margin: [0, 6, 0, 0] },
      ],
    })),
  }
}
