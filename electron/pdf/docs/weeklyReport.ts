import type { WeeklyReport, WeeklyRow } from '@shared/schemas/weekly'
import { formatFen } from '@shared/values/money'
import { dailyLine, stackedBars } from './charts'
import type { BranchInfo } from './common'
import { STYLES, type Content, type DocDefinition, type T } from './types'

function figures(rows: WeeklyRow[], total: WeeklyRow, t: T, firstHeader: string): Content {
  const cells = (r: WeeklyRow) => [
    r.label,
    String(r.total),
    String(r.class1),
    String(r.class2),
    String(r.open),
    String(r.overdue),
    r.avgResolveHours === null ? '—' : String(r.avgResolveHours),
    `¥${formatFen(r.compensationFen)}`,
    r.satisfaction === null ? '—' : String(r.satisfaction),
  ]
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: ['*', 30, 34, 34, 30, 34, 48, 58, 42],
      body: [
        [
          firstHeader,
          t('weekly.total'),
          t('weekly.class1'),
          t('weekly.class2'),
          t('weekly.open'),
          t('weekly.overdue'),
          t('weekly.avgHours'),
          t('weekly.cost'),
          t('weekly.satisfaction'),
        ].map((text) => ({ text, style: 'th' })),
        ...rows.map(cells),
        cells({ ...total, label: t('weekly.sum') }).map((text) => ({ text, bold: true })),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  }
}

/** 每周部门投诉追踪: figures per department and category, with vector charts. */
export function buildWeeklyReport(r: WeeklyReport, branch: BranchInfo, t: T): DocDefinition {
  const legend: [string, string] = [t('options.caseClass.1'), t('options.caseClass.2')]
  return {
    info: { title: `${t('weekly.title')} ${r.from} — ${r.to}`, author: branch.name },
    styles: STYLES,
    content: [
      { text: t('weekly.title'), style: 'title' },
      {
        text: `${branch.name}（${branch.code}） · ${r.from} — ${r.to} · ${t('weekly.totalLine', { count: r.total.total })}`,
        style: 'subtitle',
      },
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
    ],
  }
}
