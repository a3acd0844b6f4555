import { ownerText } from '@shared/i18n/owner'
import type { Handover } from '@shared/schemas/handover'
import { signatureLines, when, type BranchInfo } from './common'
import { STYLES, type Content, type DocDefinition, type T } from './types'

const table = (header: string[], rows: Content[][], widths: (string | number)[], empty: string): Content =>
  rows.length === 0
    ? { text: empty, style: 'label' }
    : {
        table: {
          headerRows: 1,
          widths,
          dontBreakRows: true,
          body: [header.map((text) => ({ text, style: 'th' })), ...rows],
        },
        layout: 'lightHorizontalLines',
      }

/** 交接班表: open cases with their owners, commitments due in the next shift, escalations, notes, both signatures. Phones masked. */
export function buildHandoverSheet(h: Handover, branch: BranchInfo, t: T): DocDefinition {
  const s = h.snapshot
  const signedAt = new Date(h.at).getTime()
  /** Open and past its due time when the incoming clerk signed: flagged, never just listed by time. */
  const overdueAtSignOff = (m: (typeof s.commitmentsDue)[number]['commitment']) =>
    m.status === 'open' && new Date(m.dueAt).getTime() < signedAt
  const overdueCount = s.commitmentsDue.filter((x) => overdueAtSignOff(x.commitment)).length
  return {
    info: { title: `${t('handover.sheetTitle')} ${when(h.at)}`, author: branch.name },
    styles: STYLES,
    content: [
      { text: t('handover.sheetTitle'), style: 'title' },
      {
        text: `${branch.name}（${branch.code}） · ${when(h.at)} · ${t('handover.outgoing')} ${h.outgoing.name} → ${t('handover.incoming')} ${h.incoming.name}`,
        style: 'subtitle',
      },
      { text: t('handover.escalations'), style: 'h2' },
      table(
        [t('fields.number'), t('fields.customerName'), t('fields.category'), t('fields.receivedAt')],
        s.escalations.map((c) => [c.number, c.customerName, t(`options.category.${c.category}`), when(c.receivedAt)]),
        [100, 80, '*', 90],
        t('home.noEscalations'),
      ),
      { text: t('handover.commitmentsDue', { hours: s.windowHours }), style: 'h2' },
      overdueCount
        ? { text: `${t('pdf.handover.overdue')}：${overdueCount}`, bold: true, color: '#b3261e', margin: [0, 0, 0, 4] }
        : '',
      table(
        [t('fields.status'), t('wf.due'), t('fields.number'), t('wf.what'), t('wf.owner'), t('fields.phone')],
        s.commitmentsDue.map(({ case: c, commitment: m }) => [
          overdueAtSignOff(m)
            ? { text: t('pdf.handover.overdue'), bold: true, color: '#b3261e' }
            : t('pdf.handover.due'),
          when(m.dueAt),
          c.number,
          m.what,
          m.owner,
          c.phoneMasked,
        ]),
        [52, 80, 95, '*', 42, 68],
        t('handover.noCommitments'),
      ),
      { text: t('handover.openCases', { count: s.openCases.length }), style: 'h2' },
      table(
        [
          t('fields.number'),
          t('fields.status'),
          t('fields.caseClass'),
          t('fields.customerName'),
          t('fields.phone'),
          t('fields.category'),
          t('owner.owner'),
        ],
        s.openCases.map((c) => [
          c.number,
          t(`options.status.${c.status}`),
          t(`options.caseClass.${c.caseClass}`),
          c.customerName,
          c.phoneMasked,
          t(`options.category.${c.category}`),
          ownerText(t, c),
        ]),
        [95, 42, 48, 55, 68, 60, '*'],
        t('handover.noOpenCases'),
      ),
      { text: t('handover.notes'), style: 'h2' },
      { text: h.notes || '—' },
      {
        unbreakable: true,
        stack: [
          { text: t('pdf.handover.signOff'), style: 'h2' },
          {
            text: t('pdf.handover.signOffLine', {
              outgoing: h.outgoing.name,
              incoming: h.incoming.name,
              time: when(h.at),
            }),
          },
          signatureLines(
            [`${t('handover.outgoing')}（${h.outgoing.name}）`, `${t('handover.incoming')}（${h.incoming.name}）`],
            t,
          ),
        ],
      },
    ],
  }
}
