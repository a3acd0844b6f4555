import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Card, DatePicker, Tabs, Typography } from 'antd'
import dayjs from 'dayjs'
import { DAY_RANGE_PRESETS, dayRangePresets } from '@shared/rules/dayRanges'
import type { DayRange } from '@shared/schemas/common'
import { useApi } from '../apiContext'
import { FileButton } from '../components/FileButton'
import { popupContainer } from '../ui/fields'
import { WeeklySection } from './WeeklySection'

const DAY = 'YYYY-MM-DD'

/** 报表: the weekly department tracking on screen, and the printouts for a period. */
export function ReportsPage() {
  const { t } = useTranslation()
  return (
    <section className="page reports" aria-labelledby="reports-title">
      <header className="page-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
      </header>
      <Tabs
        defaultActiveKey="weekly"
        items={[
          { key: 'weekly', label: t('weekly.screenTitle'), children: <WeeklySection /> },
          { key: 'oral', label: t('reports.oralLog'), children: <OralLog /> },
        ]}
      />
    </section>
  )
}

/** 口头报告记录 for a day or a range (by the time of the report), printed as a PDF. */
function OralLog() {
  const { t } = useTranslation()
  const api = useApi()
  const presets = dayRangePresets(new Date())
  const [range, setRange] = useState<DayRange>(presets.today)
  return (
    <section aria-labelledby="oral-title">
      <Card title={<h2 id="oral-title">{t('reports.oralLog')}</h2>}>
        <Typography.Paragraph type="secondary">{t('reports.oralIntro')}</Typography.Paragraph>
        <div className="weekly-toolbar">
          <label htmlFor="oral-range" className="inline-label">
            {t('reports.range')}
          </label>
          <label htmlFor="oral-range-end" className="sr-only">
            {t('reports.to')}
          </label>
          <DatePicker.RangePicker
            id={{ start: 'oral-range', end: 'oral-range-end' }}
            value={[dayjs(range.from), dayjs(range.to)]}
            allowClear={false}
            format={DAY}
            placeholder={[t('reports.from'), t('reports.to')]}
            getPopupContainer={popupContainer}
            presets={DAY_RANGE_PRESETS.map((p) => ({
              label: t(`list.presets.${p}`),
              value: [dayjs(presets[p].from), dayjs(presets[p].to)],
            }))}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange({ from: v[0].format(DAY), to: v[1].format(DAY) })
            }}
          />
          <FileButton primary label={t('pdf.oralLog.print')} make={() => api['reports:oralLog'](range)} />
        </div>
      </Card>
    </section>
  )
}
