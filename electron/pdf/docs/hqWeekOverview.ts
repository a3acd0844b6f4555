import type { HqWeekOverview, HqWeekRow } from '@shared/schemas/headquarters'
import { busiestBranches, HQ_WEEK_FIGURES } from '@shared/rules/hqWeek'
import { clip, stackedBars } from './charts'
import { STYLES, type Content, type DocDefinition, type T } from './types'

/** Branches drawn in the chart: the busiest ones (the table lists them all); fits page 1 with the totals. */
const CHART_BRANCHES = 15
const CHART_LABEL_WIDTH = 150
/** A4's width less render.ts's 40 pt margins: the chart spans the page. */
const CONTENT_WIDTH = 515

const FIGURES = HQ_WEEK_FIGURES

/** The figure columns' headings, as the 周报 screen names them. */
const figureHeads = (t: T) => [
  t('weekly.total'),
  t('weekly.class1'),
  t('weekly.class2'),
  t('hq.weekly.urgent'),
  t('weekly.open'),
  t('weekly.overdue'),
]

const th = (text: string, right: boolean) => ({ text, style: 'th', alignment: right ? 'right' : 'left' })
const num = (n: number, extra: Record<string, unknown> = {}) => ({ text: String(n), alignment: 'right', ...extra })

/** Chain totals: how many branches, how many had complaints, and the six figures. */
function totals(w: HqWeekOverview, t: T): Content {
  const active = w.branches.filter((b) => b.total > 0).length
  return {
    unbreakable: true,
    stack: [
      { text: t('hq.pdf.overviewTotals'), style: 'h2' },
      {
        table: {
          widths: Array(8).fill('*'),
          body: [
            [t('hq.pdf.overviewBranches'), t('hq.pdf.overviewActive'), ...figureHeads(t)].map((h) => th(h, true)),
            [w.branches.length, active, ...FIGURES.map((k) => w.total[k])].map((n) => num(n, { bold: true })),
          ],
        },
        layout: 'lightHorizontalLines',
        fontSize: 9,
      },
      { text: t('hq.pdf.overviewNote'), style: 'small', margin: [0, 4, 0, 0] },
    ],
  }
}

/** A bar's label: the name, cut if it must be, then the code, which is never cut. */
const label = (b: HqWeekRow) =>
  b.branchName
    ? `${clip(b.branchName, CHART_LABEL_WIDTH - 8 - (b.branchCode.length + 1) * 6, 9)} ${b.branchCode}`
    : b.branchCode

/** The busiest branches as stacked Class 1 / Class 2 bars (the weekly report's chart). */
function chart(w: HqWeekOverview, t: T): Content {
  const top = busiestBranches(w.branches, CHART_BRANCHES)
  if (top.length === 0) return { text: t('hq.weekly.none'), style: 'label', margin: [0, 10, 0, 0] }
  const legend: [string, string] = [t('options.caseClass.1'), t('options.caseClass.2')]
  return {
    unbreakable: true,
    stack: [
      { text: t('hq.pdf.overviewChart', { count: top.length }), style: 'h2' },
      {
        svg: stackedBars(
          top.map((b) => ({ label: label(b), a: b.class1, b: b.class2 })),
          legend,
          CONTENT_WIDTH,
          CHART_LABEL_WIDTH,
        ),
      },
    ],
  }
}

/** Every branch, one row each; the heading row repeats on every page, every other row shaded to read across. */
function branchTable(w: HqWeekOverview, t: T): Content {
  const row = (b: HqWeekRow, i: number) => {
    const extra = i % 2 === 1 ? { fillColor: '#f2f4f7' } : {}
    return [{ text: b.branchCode, ...extra }, { text: b.branchName, ...extra }, ...FIGURES.map((k) => num(b[k], extra))]
  }
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      // 'auto': as wide as the longest code, figure or heading (in either language), the rest for names.
      widths: ['auto', '*', ...FIGURES.map(() => 'auto')],
      body: [
        [
          th(t('hq.pdf.overviewCode'), false),
          th(t('hq.pdf.overviewName'), false),
          // noWrap: 'auto' then sizes the column to the whole heading ("Class 1" on one line).
          ...figureHeads(t).map((h) => ({ ...th(h, true), noWrap: true })),
        ],
        ...w.branches.map(row),
        [{ text: t('weekly.sum'), bold: true, colSpan: 2 }, '', ...FIGURES.map((k) => num(w.total[k], { bold: true }))],
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  }
}

/**
 * 各门店每周投诉追踪（总部）: the chain's week on paper — totals, a chart of the busiest
 * branches, then every branch (a table that runs over as many pages as it needs).
 */
export function buildHqWeekOverview(w: HqWeekOverview, made: { headOffice: string; at: string }, t: T): DocDefinition {
  const title = t('hq.pdf.overviewTitle')
  return {
    info: { title: `${title} ${w.from} — ${w.to}`, author: made.headOffice },
    styles: STYLES,
    content: [
      { text: title, style: 'title' },
      { text: t('hq.pdf.overviewMeta', { ...made, from: w.from, to: w.to }), style: 'subtitle' },
      totals(w, t),
      chart(w, t),
      { text: t('hq.pdf.overviewTable', { count: w.branches.length }), style: 'h2' },
      branchTable(w, t),
    ],
  }
}
