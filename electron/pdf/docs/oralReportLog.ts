import type { CaseDetail } from '@shared/schemas/case'
import { maskPhone } from '@shared/values/phone'
import { when, type BranchInfo } from './common'
import { STYLES, type DocDefinition, type T } from './types'

/** 口头报告记录: the Class 1 oral reports of a day or a range, oldest first. Phones masked. */
export function buildOralReportLog(
  cases: CaseDetail[],
  range: { from: string; to: string },
  branch: BranchInfo,
  t: T,
): DocDefinition {
  const rows = cases
    .filter((c) => c.workflow.oralReport)
    .sort((a, b) => a.workflow.oralReport!.at.localeCompare(b.workflow.oralReport!.at))
    .map((c) => {
      const r = c.workflow.oralReport!
      return [
        when(r.at),
        c.number,
        `${c.customerName} ${maskPhone(c.phone)}`.trim(),
        t(`options.category.${c.category}`),
        r.to,
        r.summary,
        r.by.name,
      ]
    })
  const period = range.from === range.to ? range.from : `${range.from} — ${range.to}`
  return {
    info: { title: `${t('pdf.oralLog.title')} ${period}`, author: branch.name },
    pageMargins: [30, 40, 30, 40],
    styles: STYLES,
    content: [
      { text: t('pdf.oralLog.title'), style: 'title' },
      {
        text: `${branch.name}（${branch.code}） · ${period} · ${t('pdf.oralLog.count', { count: rows.length })}`,
        style: 'subtitle',
      },
      rows.length === 0
        ? { text: t('pdf.oralLog.none'), style: 'label' }
        : {
            table: {
              headerRows: 1,
              dontBreakRows: true,
              widths: [72, 84, 68, 50, 45, '*', 36],
              body: [
                [
                  t('pdf.time'),
                  t('fields.number'),
                  t('fields.customerName'),
                  t('fields.category'),
                  t('wf.reportedTo'),
                  t('wf.summary'),
                  t('pdf.who'),
                ].map((text) => ({ text, style: 'th' })),
                ...rows,
              ],
            },
            layout: 'lightHorizontalLines',
            fontSize: 9,
          },
    ],
  }
}
