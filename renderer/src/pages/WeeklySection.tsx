import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { lastWeek, WEEKLY_COLUMNS } from '@shared/rules/weekly'
import { formatFen } from '@shared/values/money'
import type { WeeklyRow } from '@shared/schemas/weekly'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { PdfButton } from '../case/PdfButton'
import { DateRange } from '../components/DateRange'
import { useLoad } from '../hooks/useLoad'

/** 每周部门投诉追踪 on screen: the same figures as the PDF, with a chart. */
export function WeeklySection() {
  const { t } = useTranslation()
  const api = useApi()
  const [range, setRange] = useState(() => lastWeek(new Date()))
  const report = useLoad(() => api['reports:weekly'](range), [range.from, range.to], true)
  const table = (rows: WeeklyRow[], first: string) => (
    <table className="cases weekly">
      <thead>
        <tr>
          {[first, ...WEEKLY_COLUMNS.map((k) => t(`weekly.${k}`))].map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td>{r.total}</td>
            <td>{r.class1}</td>
            <td>{r.class2}</td>
            <td>{r.open}</td>
            <td>{r.overdue}</td>
            <td>{r.avgResolveHours ?? '—'}</td>
            <td className="mono">¥{formatFen(r.compensationFen)}</td>
            <td>{r.satisfaction ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
  return (
    <section className="card" aria-labelledby="weekly-title">
      <h2 id="weekly-title">{t('weekly.screenTitle')}</h2>
      <div className="filters">
        <DateRange value={range} onChange={setRange} />
        <PdfButton primary label={t('weekly.print')} make={() => api['reports:weeklyPdf'](range)} />
      </div>
      {report.state === 'loading' && (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {report.state === 'error' && <Notice kind="error">{report.error.message}</Notice>}
      {report.state === 'ready' && report.data.total.total === 0 && (
        <p className="empty">
          {t('weekly.none')}
          {report.data.suggestions > 0 && ` ${t('weekly.suggestionsLine', { count: report.data.suggestions })}`}
        </p>
      )}
      {report.state === 'ready' && report.data.total.total > 0 && (
        <>
          <p className="muted">
            {t('weekly.totalLine', { count: report.data.total.total })}
            {report.data.suggestions > 0 && ` · ${t('weekly.suggestionsLine', { count: report.data.suggestions })}`}
          </p>
          <h3>{t('weekly.byDepartment')}</h3>
          {table(report.data.byDepartment, t('fields.department'))}
          <div className="chart" role="img" aria-label={t('weekly.byDepartment')}>
            <ResponsiveContainer width="100%" height={60 + report.data.byDepartment.length * 34}>
              <BarChart data={report.data.byDepartment} layout="vertical" margin={{ left: 30, right: 20 }}>
                <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                <XAxis type="number" allowDecimals={false} />
                <YAxis type="category" dataKey="label" width={110} />
                <Tooltip />
                <Legend />
                <Bar dataKey="class1" name={t('weekly.class1')} stackId="c" fill="#4a7fc1" isAnimationActive={false} />
                <Bar dataKey="class2" name={t('weekly.class2')} stackId="c" fill="#e0883c" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <h3>{t('weekly.byCategory')}</h3>
          {table(report.data.byCategory, t('fields.category'))}
          <h3>{t('weekly.causes')}</h3>
          {report.data.causes.length === 0 ? (
            <p className="muted">{t('weekly.noCauses')}</p>
          ) : (
            <table className="cases weekly">
              <thead>
                <tr>
                  <th scope="col">{t('fields.category')}</th>
                  <th scope="col">{t('fields.cause')}</th>
                  <th scope="col" className="num">
                    {t('weekly.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.data.causes.map((c) => (
                  <tr key={`${c.category}-${c.cause ?? ''}`}>
                    <td>{t(`options.category.${c.category}`)}</td>
                    <td>{c.cause ? t(`options.cause.${c.cause}`) : t('weekly.causeNone')}</td>
                    <td className="num">{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('weekly.repeats')}</h3>
          {report.data.repeatCustomers.length + report.data.patterns.length === 0 ? (
            <p className="muted">{t('weekly.noRepeats')}</p>
          ) : (
            <ul>
              {report.data.repeatCustomers.map((c) => (
                <li key={c.phoneMasked}>
                  {t('weekly.repeatLine', { name: c.name, phone: c.phoneMasked, count: c.count })}
                </li>
              ))}
              {report.data.patterns.map((p) => (
                <li key={p.category}>
                  {t('weekly.patternLine', { category: t(`options.category.${p.category}`), count: p.count })}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  )
}
