import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Col, DatePicker, Row, Statistic, Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { WEEKLY_COLUMNS, weeklyFigureTexts } from '@shared/rules/weekly'
import { DAY_RANGE_PRESETS, dayRangePresets, presetOf } from '@shared/rules/dayRanges'
import type { DayRange } from '@shared/schemas/common'
import type { WeeklyReport, WeeklyRow } from '@shared/schemas/weekly'
import { useApi } from '../apiContext'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { ClassChart } from '../components/ClassChart'
import { FileButton } from '../components/FileButton'
import { useLoad } from '../hooks/useLoad'
import { popupContainer } from '../ui/fields'

const DAY = 'YYYY-MM-DD'

/**
 * 每周部门投诉追踪 on screen: the same figures as the PDF (docs/domain.md §9.5), with a totals
 * row and charts. It opens on this week, so what came in today is in it.
 */
export function WeeklySection() {
  const { t } = useTranslation()
  const api = useApi()
  const [range, setRange] = useState<DayRange>(() => dayRangePresets(new Date()).thisWeek)
  const report = useLoad(() => api['reports:weekly'](range), [range.from, range.to], true)
  const preset = presetOf(range, new Date())
  const period = preset ? t(`list.presets.${preset}`) : t('weekly.selected')
  return (
    <section aria-labelledby="weekly-title" className="weekly">
      <Card
        title={<h2 id="weekly-title">{t('weekly.screenTitle')}</h2>}
        extra={<FileButton primary label={t('weekly.print')} make={() => api['reports:weeklyPdf'](range)} />}
      >
        <div className="weekly-toolbar">
          <label htmlFor="weekly-range" className="inline-label">
            {t('reports.range')}
          </label>
          <label htmlFor="weekly-range-end" className="sr-only">
            {t('reports.to')}
          </label>
          <DatePicker.RangePicker
            id={{ start: 'weekly-range', end: 'weekly-range-end' }}
            value={[dayjs(range.from), dayjs(range.to)]}
            allowClear={false}
            format={DAY}
            placeholder={[t('reports.from'), t('reports.to')]}
            getPopupContainer={popupContainer}
            presets={DAY_RANGE_PRESETS.map((p) => {
              const r = dayRangePresets(new Date())[p]
              return { label: t(`list.presets.${p}`), value: [dayjs(r.from), dayjs(r.to)] }
            })}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange({ from: v[0].format(DAY), to: v[1].format(DAY) })
            }}
          />
          <span className="weekly-quick" role="group" aria-label={t('weekly.quick')}>
            {DAY_RANGE_PRESETS.map((p) => (
              <Button
                key={p}
                size="small"
                // Selected as a tint, not solid: the card's one primary button is 打印周报.
                color={preset === p ? 'primary' : 'default'}
                variant={preset === p ? 'filled' : 'outlined'}
                aria-pressed={preset === p}
                onClick={() => setRange(dayRangePresets(new Date())[p])}
              >
                {t(`list.presets.${p}`)}
              </Button>
            ))}
          </span>
        </div>
        {report.state === 'loading' && (
          <Typography.Paragraph type="secondary" role="status">
            {t('app.loading')}
          </Typography.Paragraph>
        )}
        {report.state === 'error' && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('weekly.loadFailed', { message: report.error.message })}
            action={<Button onClick={report.reload}>{t('actions.retry')}</Button>}
          />
        )}
        {report.state === 'ready' && <Figures r={report.data} period={period} />}
      </Card>
    </section>
  )
}

function Figures({ r, period }: { r: WeeklyReport; period: string }) {
  const { t } = useTranslation()
  const suggestions = r.suggestions > 0 ? ` · ${t('weekly.suggestionsLine', { count: r.suggestions })}` : ''
  if (r.total.total === 0)
    return (
      <Typography.Paragraph className="empty" role="status">
        {t('weekly.noneIn', { period, from: r.from, to: r.to })}
        {suggestions}
      </Typography.Paragraph>
    )
  const [total, class1, class2, open, overdue, avgHours, cost, satisfaction] = weeklyFigureTexts(r.total)
  const stat = (label: string, value: string, alarm = false) => (
    <Col xs={12} md={6} xl={3}>
      <Statistic
        title={label}
        value={value}
        className={alarm ? 'stat-alarm' : undefined}
        data-tone={alarm ? 'alarm' : 'neutral'}
      />
    </Col>
  )
  return (
    <>
      <Typography.Paragraph type="secondary" role="status">
        {t('weekly.periodLine', { period, from: r.from, to: r.to, count: r.total.total })}
        {suggestions}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} className="weekly-stats">
        {stat(t('weekly.total'), total)}
        {stat(t('weekly.class1'), class1)}
        {stat(t('weekly.class2'), class2)}
        {stat(t('weekly.open'), open)}
        {stat(t('weekly.overdue'), overdue, r.total.overdue > 0)}
        {stat(t('weekly.avgHours'), avgHours)}
        {stat(t('weekly.cost'), cost)}
        {stat(t('weekly.satisfaction'), satisfaction)}
      </Row>
      <h3>{t('weekly.byDepartment')}</h3>
      <FigureTable rows={r.byDepartment} total={r.total} first={t('fields.department')} />
      <ClassChart rows={r.byDepartment} label={t('weekly.byDepartmentChart')} />
      <h3>{t('weekly.byCategory')}</h3>
      <FigureTable rows={r.byCategory} total={r.total} first={t('fields.category')} />
      <ClassChart rows={r.byCategory} label={t('weekly.byCategoryChart')} />
      <h3>{t('weekly.perDay')}</h3>
      <div className="chart" role="img" aria-label={t('weekly.perDayChart')}>
        <ResponsiveContainer width="100%" height={200}>
          <BarChart data={r.perDay.map((d) => ({ ...d, label: d.day.slice(5) }))} margin={{ left: 0, right: 20 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" />
            <YAxis allowDecimals={false} width={40} />
            <Tooltip />
            <Bar dataKey="count" name={t('weekly.count')} fill="#0958d9" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <h3>{t('weekly.causes')}</h3>
      <Table
        size="small"
        pagination={false}
        rowKey={(c) => `${c.category}-${c.cause ?? ''}`}
        dataSource={r.causes}
        locale={{ emptyText: t('weekly.noCausesIn') }}
        aria-label={t('weekly.causes')}
        columns={[
          { title: t('fields.category'), key: 'category', render: (_, c) => t(`options.category.${c.category}`) },
          {
            title: t('fields.cause'),
            key: 'cause',
            render: (_, c) => (c.cause ? t(`options.cause.${c.cause}`) : t('weekly.causeNone')),
          },
          { title: t('weekly.count'), dataIndex: 'count', align: 'right', width: 100 },
        ]}
      />
      <h3>{t('weekly.repeats')}</h3>
      {r.repeatCustomers.length + r.patterns.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('weekly.noRepeatsIn')}</Typography.Paragraph>
      ) : (
        <ul className="weekly-repeats">
          {r.repeatCustomers.map((c) => (
            <li key={c.phoneMasked}>
              {t('weekly.repeatLineIn', { name: c.name, phone: c.phoneMasked, count: c.count })}
            </li>
          ))}
          {r.patterns.map((p) => (
            <li key={p.category}>
              {t('weekly.patternLineIn', { category: t(`options.category.${p.category}`), count: p.count })}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}

/** Rows by department or category, the figures right-aligned as on the PDF, and a 合计 row. */
function FigureTable({ rows, total, first }: { rows: WeeklyRow[]; total: WeeklyRow; first: string }) {
  const { t } = useTranslation()
  const columns: ColumnsType<WeeklyRow> = [
    { title: first, dataIndex: 'label', key: 'label', fixed: 'left', width: 140 },
    ...WEEKLY_COLUMNS.map((k, i) => ({
      title: t(`weekly.${k}`),
      key: k,
      align: 'right' as const,
      render: (_: unknown, row: WeeklyRow) => weeklyFigureTexts(row)[i],
    })),
  ]
  return (
    <Table<WeeklyRow>
      size="small"
      className="weekly-table"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      columns={columns}
      scroll={{ x: 860 }}
      aria-label={first}
      summary={() => (
        <Table.Summary.Row className="weekly-total">
          <Table.Summary.Cell index={0}>
            <strong>{t('weekly.sum')}</strong>
          </Table.Summary.Cell>
          {weeklyFigureTexts(total).map((text, i) => (
            <Table.Summary.Cell key={WEEKLY_COLUMNS[i]} index={i + 1} align="right">
              <strong>{text}</strong>
            </Table.Summary.Cell>
          ))}
        </Table.Summary.Row>
      )}
    />
  )
}
