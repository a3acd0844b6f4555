import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { format } from 'date-fns'
import { useApi } from '../apiContext'
import { PdfButton } from '../case/PdfButton'
import { DateRange } from '../components/DateRange'
import { WeeklySection } from './WeeklySection'

/** 报表: printouts for a period — the oral report log and the weekly department tracking. */
export function ReportsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const today = format(new Date(), 'yyyy-MM-dd')
  const [range, setRange] = useState({ from: today, to: today })
  return (
    <section className="page" aria-labelledby="reports-title">
      <header className="page-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
      </header>
      <section className="card" aria-labelledby="oral-title">
        <h2 id="oral-title">{t('reports.oralLog')}</h2>
        <div className="filters">
          <DateRange value={range} onChange={setRange} />
          <PdfButton primary label={t('pdf.oralLog.print')} make={() => api['reports:oralLog'](range)} />
        </div>
      </section>
      <WeeklySection />
    </section>
  )
}
