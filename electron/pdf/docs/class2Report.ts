import type { CaseDetail } from '@shared/schemas/case'
import { LASTR_STEPS } from '@shared/schemas/workflow'
import { formatFen } from '@shared/values/money'
import { changeLine } from '@shared/i18n/changes'
import { caseFacts, commitmentsTable, signatureLines, when, yuan, type BranchInfo } from './common'
import { fieldTable, STYLES, type Content, type DocDefinition, type T } from './types'

const table = (header: string[], rows: string[][], widths: (string | number)[]): Content => ({
  table: { headerRows: 1, widths, dontBreakRows: true, body: [header.map((text) => ({ text, style: 'th' })), ...rows] },
  layout: 'lightHorizontalLines',
})

/** The report number on the printout: the case number and the generation date. */
export function reportNumber(c: CaseDetail, generatedAt: string): string {
  return `${c.number}-R${generatedAt.slice(0, 10).replaceAll('-', '')}`
}

/** 二类投诉书面报告 for the superior department: every section of docs/domain.md §9.2. Full phone allowed. */
export function buildClass2Report(c: CaseDetail, branch: BranchInfo, generatedAt: string, t: T): DocDefinition {
  const w = c.workflow
  const section = (n: number, key: string) => ({ text: `${n}. ${t(`pdf.class2.${key}`)}`, style: 'h2' })
  const evidence = (r: (typeof w.reasons)[number]) =>
    [
      r.evidence.keyword && t('evidence.keyword', { keyword: r.evidence.keyword }),
      r.evidence.amount && `¥${r.evidence.amount}`,
      r.evidence.ticked && t('evidence.ticked'),
    ]
      .filter(Boolean)
      .join('，')
  const approvers = [
    w.escalation?.takenOverBy?.by.name,
    w.classChange?.approvedBy?.name,
    w.voided?.approvedBy.name,
    ...w.offers.map((o) => o.approvedBy?.name),
  ]
  const staffInvolved = [
    ...new Set(
      [c.createdBy.name, ...c.timeline.map((e) => e.by.name), ...approvers].filter((n): n is string => Boolean(n)),
    ),
  ]
  return {
    info: { title: `${t('pdf.class2.title')} ${c.number}`, author: branch.name },
    styles: STYLES,
    content: [
      { text: t('pdf.class2.title'), style: 'title' },
      {
        text: `${branch.name}（${branch.code}） · ${t('pdf.class2.reportNo')} ${reportNumber(c, generatedAt)} · ${when(generatedAt)}`,
        style: 'subtitle',
      },
      section(1, 'facts'),
      fieldTable(caseFacts(c, t, true)),
      { text: c.description, margin: [0, 6, 0, 0] },
      section(2, 'reasons'),
      w.reasons.length === 0
        ? { text: w.classChange ? `${t('wf.raise')}：${w.classChange.reason}` : t('wf.noReasons') }
        : {
            ul: w.reasons.map(
              (r) =>
                `${t(`rules.${r.rule}`, { count: r.evidence.count, days: r.evidence.days })}${evidence(r) ? `（${evidence(r)}）` : ''}`,
            ),
          },
      w.classChange
        ? {
            text: t(w.classChange.to === 2 ? 'wf.raisedBy' : 'wf.loweredBy', {
              name: w.classChange.by.name,
              approver: w.classChange.approvedBy?.name ?? '',
              reason: w.classChange.reason,
            }),
            style: 'label',
          }
        : '',
      section(3, 'timeline'),
      table(
        [t('pdf.time'), t('pdf.who'), t('pdf.action')],
        c.timeline.map((e) => [
          when(e.at),
          e.by.name,
          [
            t(`timeline.${e.action}`),
            [e.detail, ...(e.changes ?? []).map((ch) => changeLine(t, ch))].filter(Boolean).join('；'),
          ]
            .filter(Boolean)
            .join('：'),
        ]),
        [85, 60, '*'],
      ),
      section(4, 'lastr'),
      table(
        [t('pdf.step'), t('pdf.doneAt'), t('pdf.who')],
        LASTR_STEPS.map((s) => [t(`wf.step.${s}`), when(w.steps[s]?.at), w.steps[s]?.by.name ?? '—']),
        [80, 100, '*'],
      ),
      section(5, 'agreement'),
      fieldTable([
        [t('wf.resolution'), w.resolution],
        [t('pdf.resolvedAt'), when(w.resolvedAt)],
      ]),
      w.offers.length === 0
        ? { text: t('comp.none'), style: 'label', margin: [0, 4, 0, 0] }
        : table(
            [t('comp.title'), t('pdf.restore'), t('pdf.goodwill'), t('fields.status'), t('settings.approval')],
            w.offers.map((o) => [
              o.items
                .map((i) => `${t(`comp.forms.${i.form}`)}${i.valueFen ? ` ¥${formatFen(i.valueFen)}` : ''}`)
                .join(' + '),
              yuan(o.restoreFen),
              yuan(o.goodwillFen),
              t(`comp.status.${o.status}`),
              o.approvedBy?.name ?? '—',
            ]),
            ['*', 55, 55, 50, 55],
          ),
      { text: t('pdf.class2.commitments'), style: 'h2' },
      commitmentsTable(c, t),
      section(6, 'satisfaction'),
      w.followUp
        ? fieldTable([
            [t('wf.method'), t(`wf.methods.${w.followUp.method}`)],
            [t('wf.satisfaction'), t(`wf.satisfactionLevels.${w.followUp.satisfaction}`)],
            [t('wf.remarks'), w.followUp.remarks],
            [t('pdf.time'), when(w.followUp.at)],
          ])
        : { text: t('pdf.notYet'), style: 'label' },
      section(7, 'review'),
      w.review
        ? fieldTable(
            (['rootCause', 'improve', 'preventive', 'wentWell', 'owner'] as const).map((k) => [
              t(`wf.reviewFields.${k}`),
              w.review![k],
            ]),
          )
        : { text: t('pdf.notYet'), style: 'label' },
      // The last section and the signatures stay together: a signature page on its own is easy to swap.
      {
        unbreakable: true,
        stack: [
          section(8, 'staff'),
          { text: staffInvolved.join('、') },
          signatureLines([t('pdf.class2.reporter'), t('pdf.class2.manager'), t('pdf.class2.receiver')], t),
        ],
      },
    ],
  }
}
