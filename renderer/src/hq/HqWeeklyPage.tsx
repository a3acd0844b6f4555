import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Spin, Table } from 'antd'
import { ClassChart } from '../components/ClassChart'
import { dayRangePresets } from '@shared/rules/dayRanges'
import { busiestBranches, HQ_WEEK_FIGURES } from '@shared/rules/hqWeek'
import type { HqWeekRow } from '@shared/schemas/headquarters'
import { useApi } from '../apiContext'
import { PdfButton } from '../case/PdfButton'
import { DateRange } from '../components/DateRange'
import { HqBranchWeek } from './HqBranchWeek'
import { useQueryLoad } from './useQueryLoad'
import { HqFailed, HqLoading } from './HqStatus'

/** Branches drawn in the chart: the busiest ones (the table has them all). */
const CHART_BRANCHES = 20

/** 周报 at head office: every branch's week at a glance, then one branch by department with its PDF. */
export function HqWeeklyPage() {
  const { t } = useTranslation()
  const api = useApi()
  // This week, as the branch's weekly screen: today's complaints are in it (上周 is a preset away).
  const [range, setRange] = useState(() => dayRangePresets(new Date()).thisWeek)
  const [branch, setBranch] = useState<string | null>(null)
  // The figures shown stay while another range loads, under a spinner.
  const week = useQueryLoad(range, () => api['hq:weekly'](range))
  const data = week.data
  const charted = data ? busiestBranches(data.branches, CHART_BRANCHES) : []
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
      {branch ? (
        <HqBranchWeek code={branch} range={range} onBack={() => setBranch(null)} />
      ) : (
        <>
          {week.error && <HqFailed message={week.error.message} onRetry={week.reload} />}
          {week.loading && !data && <HqLoading label={t('app.loading')} />}
          {data && (
            <Spin spinning={week.loading}>
              <div className="card">
                <header className="page-header">
                  <h2>{t('hq.weekly.branches')}</h2>
                  <PdfButton label={t('hq.pdf.overviewButton')} make={() => api['hq:weeklyOverviewPdf'](range)} />
                </header>
                <p className="muted">
                  {t('weekly.totalLine', { count: data.total.total })} · {t('hq.weekly.overdueHint')}{' '}
                  {t('hq.weekly.pick')}
                </p>
                {data.total.total === 0 ? (
                  <p className="empty">{t('hq.weekly.none')}</p>
                ) : (
                  <>
                    <ClassChart
                      rows={charted.map((b) => ({
                        label: b.branchName || b.branchCode,
                        class1: b.class1,
                        class2: b.class2,
                      }))}
                      label={t('hq.weekly.chart')}
                      rowHeight={26}
                    />
                    {data.branches.length > CHART_BRANCHES && (
                      <p className="muted">
                        {t('hq.weekly.chartTop', { shown: charted.length, count: data.branches.length })}
                      </p>
                    )}
                  </>
                )}
                <Table<HqWeekRow>
                  size="small"
                  rowKey="branchCode"
                  dataSource={data.branches}
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
                      {HQ_WEEK_FIGURES.map((k, i) => (
                        <Table.Summary.Cell key={k} index={i + 1} align="right">
                          <strong>{data.total[k]}</strong>
                        </Table.Summary.Cell>
                      ))}
                    </Table.Summary.Row>
                  )}
                />
              </div>
            </Spin>
          )}
        </>
      )}
    </section>
  )
}
