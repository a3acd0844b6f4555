import { useTranslation } from 'react-i18next'
import { Button, Table } from 'antd'
import { ClassChart } from '../components/ClassChart'
import { WEEKLY_COLUMNS } from '@shared/rules/weekly'
import type { WeeklyRow } from '@shared/schemas/weekly'
import { formatFen } from '@shared/values/money'
import { useApi } from '../apiContext'
import { PdfButton } from '../case/PdfButton'
import { useLoad } from '../hooks/useLoad'
import { HqFailed, HqLoading } from './HqStatus'

/** One branch's week, by department and category, as the branch's own report counts it. */
export function HqBranchWeek({
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
      {week.state === 'loading' && <HqLoading label={t('app.loading')} />}
      {week.state === 'error' && <HqFailed message={week.error.message} onRetry={week.reload} />}
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
              <ClassChart rows={week.data.report.byDepartment} label={t('weekly.byDepartment')} labelWidth={110} />
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
