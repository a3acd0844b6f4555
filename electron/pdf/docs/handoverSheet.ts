import { ownerText } from '@shared/i18n/owner'
import type { Handover } from '@shared/schemas/handover'
import { signatureLines, when, type BranchInfo } from './common'
import { STYLES, type Content, type DocDefinition, type T } from './types'

const table = (header: string[], rows: string[][], widths: (string | number)[], empty: string): Content =>
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
      table(
        [t('wf.due'), t('fields.number'), t('wf.what'), t('wf.owner'), t('fields.phone')],
        s.commitmentsDue.map(({ case: c, commitment: m }) => [when(m.dueAt), c.number, m.what, m.owner, c.phoneMasked]),
        [80, 95, '*', 50, 75],
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
          signatureLines(
            [`${t('handover.outgoing')}（${h.outgoing.name}）`, `${t('handover.incoming')}（${h.incoming.name}）`],
            t,
          ),
        ],
      },
    ],
  }
}
