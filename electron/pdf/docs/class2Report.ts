import type { CaseDetail } from '@shared/schemas/case'
import { LASTR_STEPS } from '@shared/schemas/workflow'
import { describeChange } from '@shared/i18n/changes'
import { offerText } from '@shared/i18n/offers'
import { evidenceText } from '@shared/i18n/reasons'
import { followUpScore } from '@shared/i18n/timeline'
import { formatBytes } from '@shared/values/attachments'
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

/** Timeline actions that are milestones of the handling; the rest has its own section or stays inside. */
const MILESTONES = new Set([
  'created',
  'status.in_progress',
  'escalation.notified',
  'escalation.takenOver',
  'class.raised',
  'class.raised_sent_back',
  'class.lowered',
  'edited',
  'edited.raised',
  'edited.raised_sent_back',
  'edited.lower_proposed',
  'status.resolved',
  'status.reopened',
  'report.oral',
  'report.written_generated',
  'report.written_submitted',
  'followUp.recorded',
  'status.closed',
  'status.voided',
])

/**
 * 处理经过 as milestones: 受理, 开始处理, 紧急上报/接手, class changes, corrections (the changed
 * fields, one line), 解决, reports, 回访 (satisfaction in words), 结案 — never LASTR ticks,
 * notes or commitments (they have their own sections), never a raw "4/5".
 */
export function milestones(c: CaseDetail, t: T): [string, string, string][] {
  return c.timeline
    .filter((e) => MILESTONES.has(e.action))
    .map((e) => {
      const label = t(`timeline.${e.action}`)
      let text: string
      if (e.action === 'followUp.recorded') {
        const score = followUpScore(e.detail)?.score
        const level = score ? t(`wf.satisfactionLevels.${score}`) : ''
        const method = c.workflow.followUp ? t(`wf.methods.${c.workflow.followUp.method}`) : ''
        text =
          method && level ? t('pdf.class2.followUpLine', { method, level }) : [label, level].filter(Boolean).join('：')
      } else if (e.action.startsWith('edited')) {
        const fields = [...new Set((e.changes ?? []).map((ch) => describeChange(t, ch).label))].join('、')
        text =
          e.action === 'edited' && fields
            ? t('pdf.class2.corrected', { fields })
            : [label, fields].filter(Boolean).join('：')
      } else {
        text = [label, e.detail].filter(Boolean).join('：')
      }
      return [when(e.at), e.by.name, text]
    })
}

/** Thumbnails for the evidence list: data URLs (JPEG or PNG) by hash; what is not here is listed without one. */
export type EvidenceImages = Readonly<Record<string, string>>

/**
 * 证据附件 as a table: file name (and caption), type, size, when added, the first 12 hex of
 * its SHA-256 (so the file can be matched to the record), a small thumbnail for an image
 * given in `images`. Voided ones stay listed, marked with the reason.
 */
export function evidenceTable(c: CaseDetail, t: T, images: EvidenceImages = {}): Content {
  const list = c.workflow.attachments
  if (list.length === 0) return { text: t('attachments.pdfNone'), style: 'label' }
  const withThumbs = list.some((a) => images[a.hash] && !a.voided)
  const col = (k: string) => ({ text: t(`attachments.pdfColumns.${k}`), style: 'th' })
  const header = [
    ...(withThumbs ? [{ text: '', style: 'th' }] : []),
    ...['name', 'type', 'size', 'time', 'hash'].map(col),
  ]
  const rows = list.map((a) => {
    const name: Content[] = [{ text: a.fileName, ...(a.voided ? { decoration: 'lineThrough', color: '#777777' } : {}) }]
    if (a.caption) name.push({ text: a.caption, style: 'small' })
    if (a.voided) name.push({ text: t('attachments.pdfVoided', { reason: a.voided.reason }), style: 'small' })
    const thumb = images[a.hash] && !a.voided ? { image: images[a.hash], fit: [56, 42] } : ''
    return [
      ...(withThumbs ? [thumb] : []),
      { stack: name },
      t(`attachments.types.${a.type}`),
      formatBytes(a.size),
      when(a.at),
      { text: a.hash.slice(0, 12), fontSize: 8 },
    ]
  })
  return {
    stack: [
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: [...(withThumbs ? [60] : []), '*', 52, 48, 82, 62],
          body: [header, ...rows],
        },
        layout: 'lightHorizontalLines',
      },
      { text: t('attachments.pdfHashNote'), style: 'small', margin: [0, 2, 0, 0] },
    ],
  }
}

/**
 * 二类投诉书面报告 for the superior department: every section of docs/domain.md §9.2. The phone
 * is masked unless the branch's setting (workflow.reportFullPhone) says to print it in full.
 */
export function buildClass2Report(
  c: CaseDetail,
  branch: BranchInfo,
  generatedAt: string,
  t: T,
  fullPhone = false,
  images: EvidenceImages = {},
): DocDefinition {
  const w = c.workflow
  const section = (n: number, key: string) => ({ text: `${n}. ${t(`pdf.class2.${key}`)}`, style: 'h2' })
  const evidence = (r: (typeof w.reasons)[number]) => evidenceText(t, r.evidence)
  const approvers = [
    w.escalation?.takenOverBy?.by.name,
    w.classChange?.approvedBy?.name,
    w.voided?.approvedBy.name,
    ...w.offers.map((o) => o.approvedBy?.name),
  ]
  // 经办人: who handled the case. Apart from 被投诉员工 (the employee complained about), so a
  // staff-misconduct report does not read as if the handlers were accused.
  const handledBy = [
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
      fieldTable(caseFacts(c, t, fullPhone)),
      { text: c.description, margin: [0, 6, 0, 0] },
      // 客户原话 (docs/domain.md §6a): the customer's words as said, quoted, apart from the account.
      c.customerWords
        ? {
            text: [{ text: `${t('fields.customerWords')}：`, bold: true }, `“${c.customerWords}”`],
            margin: [0, 6, 0, 0],
          }
        : '',
      { text: t('attachments.pdfTitle'), style: 'h2' },
      evidenceTable(c, t, images),
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
      table([t('pdf.time'), t('pdf.who'), t('pdf.action')], milestones(c, t), [85, 60, '*']),
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
              offerText(t, o.items),
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
          fieldTable([
            [t('pdf.class2.handledBy'), handledBy.join('、')],
            [t('pdf.class2.complainedAbout'), c.staffComplainedAbout ?? ''],
          ]),
          signatureLines([t('pdf.class2.reporter'), t('pdf.class2.manager'), t('pdf.class2.receiver')], t),
        ],
      },
    ],
  }
}
