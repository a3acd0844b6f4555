import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Table } from 'antd'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { WEEKLY_COLUMNS } from '@shared/rules/weekly'
import { dayRangePresets } from '@shared/rules/dayRanges'
import type { HqWeekRow } from '@shared/schemas/headquarters'
import type { WeeklyRow } from '@shared/schemas/weekly'
import { formatFen } from '@shared/values/money'
import { useApi } from '../apiContext'
import { PdfButton } from '../case/PdfButton'
import { DateRange } from '../components/DateRange'
import { Notice } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'

/** Branches drawn in the chart: the busiest ones (the table has them all). */
const CHART_BRANCHES = 20

/** 周报 at head office: every branch's week at a glance, then one branch by department with its PDF. */
export function HqWeeklyPage() {
  const { t } = useTranslation()
  const api = useApi()
  // This week, as the branch's weekly screen: today's complaints are in it (上周 is a preset away).
  const [range, setRange] = useState(() => dayRangePresets(new Date()).thisWeek)
  const [branch, setBranch] = useState<string | null>(null)
  const week = useLoad(() => api['hq:weekly'](range), [range.from, range.to], true)
  const num = (key: keyof HqWeekRow, title: string) => ({
    title,
    key,
    dataIndex: key,
    align: 'right' as const,
    sorter: (a: HqWeekRow, b: HqWeekRow) => (a[key] as number) - (b[key] as number),
  })
  return (
    <section className="page" aria-labelledby="hq-weekly-title">
      <header className="page-header">
        <h1 id="hq-weekly-title">{t('hq.weekly.title')}</h1>
      </header>
      <div className="card filters">
        <DateRange value={range} onChange={setRange} />
      </div>
      {week.state === 'error' && <Notice kind="error">{week.error.message}</Notice>}
      {branch ? (
        <BranchWeek code={branch} range={range} onBack={() => setBranch(null)} />
      ) : (
        week.state === 'ready' && (
          <div className="card">
            <h2>{t('hq.weekly.branches')}</h2>
            <p className="muted">
              {t('weekly.totalLine', { count: week.data.total.total })} · {t('hq.weekly.overdueHint')}{' '}
              {t('hq.weekly.pick')}
            </p>
            {week.data.total.total === 0 ? (
              <p className="empty">{t('hq.weekly.none')}</p>
            ) : (
              <div className="chart" role="img" aria-label={t('hq.weekly.chart')}>
                <ResponsiveContainer
                  width="100%"
                  height={60 + Math.min(CHART_BRANCHES, week.data.branches.length) * 26}
                >
                  <BarChart
                    data={[...week.data.branches]
                      .sort((a, b) => b.total - a.total)
                      .slice(0, CHART_BRANCHES)
                      .map((b) => ({ label: b.branchName || b.branchCode, class1: b.class1, class2: b.class2 }))}
                    layout="vertical"
                    margin={{ left: 30, right: 20 }}
                  >
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="label" width={120} />
                    <Tooltip />
                    <Legend />
                    <Bar dataKey="class1" stackId="c" name={t('options.caseClass.1')} fill="#3b6ea5" />
                    <Bar dataKey="class2" stackId="c" name={t('options.caseClass.2')} fill="#d9822b" />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            )}
            <Table<HqWeekRow>
              size="small"
              rowKey="branchCode"
              dataSource={week.data.branches}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              onRow={(r) => ({ onClick: () => setBranch(r.branchCode), style: { cursor: 'pointer' } })}
              columns={[
                {
                  title: t('hq.weekly.branch'),
                  key: 'branch',
                  render: (r: HqWeekRow) => (
                    <Button type="link" size="small" onClick={() => setBranch(r.branchCode)}>
                      {r.branchName || r.branchCode} <span className="muted">{r.branchCode}</span>
                    </Button>
                  ),
                },
                num('total', t('weekly.total')),
                num('class1', t('weekly.class1')),
                num('class2', t('weekly.class2')),
                num('urgent', t('hq.weekly.urgent')),
                num('open', t('weekly.open')),
                num('overdue', t('weekly.overdue')),
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>{t('weekly.sum')}</Table.Summary.Cell>
                  {(['total', 'class1', 'class2', 'urgent', 'open', 'overdue'] as const).map((k, i) => (
                    <Table.Summary.Cell key={k} index={i + 1} align="right">
                      <strong>{week.data.total[k]}</strong>
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              )}
            />
          </div>
        )
      )}
    </section>
  )
}

/** One branch's week, by department and category, as the branch's own report counts it. */
function BranchWeek({
  code,
  range,
  onBack,
}: {
  code: string
  range: { from: string; to: string }
  onBack: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const week = useLoad(() => api['hq:branchWeekly']({ branchCode: code, range }), [code, range.from, range.to])
  const rows = (list: WeeklyRow[], first: string) => (
    <Table<WeeklyRow>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={list}
      columns={[
        { title: first, dataIndex: 'label', key: 'label' },
        ...WEEKLY_COLUMNS.map((k) => ({
          title: t(`weekly.${k}`),
          key: k,
          align: 'right' as const,
          render: (r: WeeklyRow) =>
            k === 'avgHours'
              ? (r.avgResolveHours ?? '—')
              : k === 'cost'
                ? `¥${formatFen(r.compensationFen)}`
                : k === 'satisfaction'
                  ? (r.satisfaction ?? '—')
                  : r[k],
        })),
      ]}
    />
  )
  return (
    <div className="card">
      <Button onClick={onBack}>{t('hq.weekly.back')}</Button>
      {week.state === 'error' && <Notice kind="error">{week.error.message}</Notice>}
      {week.state === 'ready' && (
        <>
          <header className="page-header">
            <h2>{t('hq.weekly.branchTitle', { name: week.data.branchName, code: week.data.branchCode })}</h2>
            <PdfButton
              primary
              label={t('hq.weekly.pdf')}
              make={() => api['hq:weeklyPdf']({ branchCode: code, range })}
            />
          </header>
          <p className="muted">
            {t('weekly.totalLine', { count: week.data.report.total.total })} ·{' '}
            {t('pdf.weekly.previous', { from: week.data.previous.from, to: week.data.previous.to })}{' '}
            {t('weekly.totalLine', { count: week.data.previous.total.total })}
          </p>
          {week.data.report.total.total === 0 ? (
            <p className="empty">{t('hq.weekly.none')}</p>
          ) : (
            <>
              <h3>{t('weekly.byDepartment')}</h3>
              {rows(week.data.report.byDepartment, t('fields.department'))}
              <div className="chart" role="img" aria-label={t('weekly.byDepartment')}>
                <ResponsiveContainer width="100%" height={60 + week.data.report.byDepartment.length * 34}>
                  <BarChart data={week.data.report.byDepartment} layout="vertical" margin={{ left: 30, right: 20 }}>
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" allowDecimals={false} />
                    <YAxis type="category" dataKey="label" width={110} />
                    <Tooltip />
                    <Legend />
                    <Bar dataKey="class1" stackId="c" name={t('options.caseClass.1')} fill="#3b6ea5" />
                    <Bar dataKey="class2" stackId="c" name={t('options.caseClass.2')} fill="#d9822b" />
                  </BarChart>
                </ResponsiveContainer>
              </div>
              <h3>{t('weekly.byCategory')}</h3>
              {rows(week.data.report.byCategory, t('fields.category'))}
              <h3>{t('weekly.causes')}</h3>
              {week.data.report.causes.length === 0 ? (
                <p className="muted">{t('weekly.noCauses')}</p>
              ) : (
                <ul className="plain-list">
                  {week.data.report.causes.map((c) => (
                    <li key={`${c.category}-${c.cause}`}>
                      {t(`options.category.${c.category}`)} ·{' '}
                      {c.cause ? t(`options.cause.${c.cause}`) : t('weekly.causeNone')}: {c.count}
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </div>
  )
}
