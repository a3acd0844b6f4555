import type { WeeklyReport, WeeklyRow } from '@shared/schemas/weekly'
import { dailyLine, stackedBars } from './charts'
import type { BranchInfo } from './common'
import { STYLES, type Content, type DocDefinition, type T } from './types'
import { WEEKLY_COLUMNS, weeklyFigureTexts } from '@shared/rules/weekly'

/** A figure cell: numbers line up on the right. */
const num = (text: string, extra: Record<string, unknown> = {}) => ({ text, alignment: 'right', ...extra })

function figures(rows: WeeklyRow[], total: WeeklyRow, t: T, firstHeader: string): Content {
  const cells = (r: WeeklyRow, extra: Record<string, unknown> = {}) => [
    { text: r.label, ...extra },
    ...weeklyFigureTexts(r).map((text) => num(text, extra)),
  ]
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 30, 34, 34, 30, 34, 48, 58, 40],
      body: [
        [firstHeader, ...WEEKLY_COLUMNS.map((k) => t(`weekly.${k}`))].map((text, i) => ({
          text,
          style: 'th',
          alignment: i === 0 ? 'left' : 'right',
        })),
        ...rows.map((r) => cells(r)),
        cells({ ...total, label: t('weekly.sum') }, { bold: true }),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  }
}

/** This week against the previous one, per department (complaints received): 本周 / 上周 / 变化. */
function comparison(r: WeeklyReport, previous: WeeklyReport, t: T): Content {
  const keys = [...new Set([...r.byDepartment.map((d) => d.key), ...previous.byDepartment.map((d) => d.key)])]
  const change = (now: number, before: number) =>
    now === before ? '0' : now > before ? `+${now - before}` : `−${before - now}`
  const line = (label: string, now: number, before: number, extra: Record<string, unknown> = {}) => [
    { text: label, ...extra },
    num(String(now), extra),
    num(String(before), extra),
    num(change(now, before), extra),
  ]
  const label = (key: string) =>
    r.byDepartment.find((d) => d.key === key)?.label ?? previous.byDepartment.find((d) => d.key === key)?.label ?? key
  const total = (rep: WeeklyReport, key: string) => rep.byDepartment.find((d) => d.key === key)?.total ?? 0
  return {
    unbreakable: true,
    stack: [
      { text: t('pdf.weekly.compare'), style: 'h2' },
      {
        text: t('pdf.weekly.previous', { from: previous.from, to: previous.to }),
        style: 'small',
        margin: [0, 0, 0, 4],
      },
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: ['*', 60, 60, 60],
          body: [
            [t('fields.department'), t('pdf.weekly.thisWeek'), t('pdf.weekly.lastWeek'), t('pdf.weekly.change')].map(
              (text, i) => ({ text, style: 'th', alignment: i === 0 ? 'left' : 'right' }),
            ),
            ...keys.map((k) => line(label(k), total(r, k), total(previous, k))),
            line(t('weekly.sum'), r.total.total, previous.total.total, { bold: true }),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
    ],
  }
}

/** 部门负责人意见 with lines to write on, the signature and the date. */
function commentAndSignOff(t: T): Content {
  return {
    unbreakable: true,
    stack: [
      { text: t('pdf.weekly.comment'), style: 'h2' },
      { table: { widths: ['*'], heights: [90], body: [['']] } },
      {
        margin: [0, 20, 0, 0],
        columns: [
          { text: `${t('pdf.weekly.sign')}：________________________` },
          { text: `${t('pdf.date')}：________________` },
        ],
      },
    ],
  }
}

/** 投诉原因 (docs/domain.md §3a): the cause codes counted, category by category. */
function causesTable(r: WeeklyReport, t: T): Content {
  if (r.causes.length === 0) return { text: t('weekly.noCauses'), style: 'label' }
  return {
    table: {
      headerRows: 1,
      widths: [110, '*', 60],
      body: [
        [t('fields.category'), t('fields.cause'), t('weekly.count')].map((text, i) => ({
          text,
          style: 'th',
          alignment: i === 2 ? 'right' : 'left',
        })),
        ...r.causes.map((c) => [
          t(`options.category.${c.category}`),
          c.cause ? t(`options.cause.${c.cause}`) : t('weekly.causeNone'),
          { text: String(c.count), alignment: 'right' },
        ]),
      ],
    },
    layout: 'lightHorizontalLines',
  }
}

/**
 * 每周部门投诉追踪: figures per department and category, with vector charts; compared with
 * `previous` (the same figures over the week before) when given; a comment and sign-off area.
 * `note`: a line under the title saying where the figures come from (head office's copy).
 */
export function buildWeeklyReport(
  r: WeeklyReport,
  branch: BranchInfo,
  t: T,
  previous: WeeklyReport | null = null,
  options: { note?: string } = {},
): DocDefinition {
  const legend: [string, string] = [t('options.caseClass.1'), t('options.caseClass.2')]
  return {
    info: { title: `${t('weekly.title')} ${r.from} — ${r.to}`, author: branch.name },
    styles: STYLES,
    content: [
      { text: t('weekly.title'), style: 'title' },
      {
        text: `${branch.name}（${branch.code}） · ${r.from} — ${r.to} · ${t('weekly.totalLine', { count: r.total.total })}${r.suggestions > 0 ? ` · ${t('weekly.suggestionsLine', { count: r.suggestions })}` : ''}`,
        style: 'subtitle',
        ...(options.note ? { margin: [0, 0, 0, 2] } : {}),
      },
      options.note ? { text: options.note, style: 'small', alignment: 'center', margin: [0, 0, 0, 10] } : '',
      { text: t('weekly.byDepartment'), style: 'h2' },
      r.byDepartment.length
        ? figures(r.byDepartment, r.total, t, t('fields.department'))
        : { text: t('weekly.none'), style: 'label' },
      r.byDepartment.length
        ? {
            svg: stackedBars(
              r.byDepartment.map((d) => ({ label: d.label, a: d.class1, b: d.class2 })),
              legend,
            ),
            margin: [0, 8, 0, 0],
          }
        : '',
      previous ? comparison(r, previous, t) : '',
      { text: t('weekly.byCategory'), style: 'h2', pageBreak: r.byDepartment.length > 8 ? 'before' : undefined },
      r.byCategory.length
        ? figures(r.byCategory, r.total, t, t('fields.category'))
        : { text: t('weekly.none'), style: 'label' },
      r.byCategory.length
        ? {
            svg: stackedBars(
              r.byCategory.map((c) => ({ label: c.label, a: c.class1, b: c.class2 })),
              legend,
            ),
            margin: [0, 8, 0, 0],
          }
        : '',
      {
        unbreakable: true,
        stack: [
          { text: t('weekly.perDay'), style: 'h2' },
          { svg: dailyLine(r.perDay.map((d) => ({ label: d.day.slice(5), value: d.count }))) },
        ],
      },
      { text: t('weekly.causes'), style: 'h2' },
      causesTable(r, t),
      { text: t('weekly.repeats'), style: 'h2' },
      r.repeatCustomers.length || r.patterns.length
        ? {
            ul: [
              ...r.repeatCustomers.map((c) =>
                t('weekly.repeatLine', { name: c.name, phone: c.phoneMasked, count: c.count }),
              ),
              ...r.patterns.map((p) =>
                t('weekly.patternLine', { category: t(`options.category.${p.category}`), count: p.count }),
              ),
            ],
          }
        : { text: t('weekly.noRepeats'), style: 'label' },
      commentAndSignOff(t),
    ],
  }
}
