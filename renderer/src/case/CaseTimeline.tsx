import { useTranslation } from 'react-i18next'
import { Card, Empty, Timeline } from 'antd'
import type { CaseDetail, TimelineEntry } from '@shared/schemas/case'
import { timelineText } from '@shared/i18n/timeline'
import { formatDateTime } from '../format'
import { TimelineChanges } from './TimelineChanges'

/** Entries that change the case's course stand out; the rest are plain. */
function colorOf(action: string): string {
  if (action.startsWith('escalation') || action === 'status.voided') return 'red'
  if (action.startsWith('status.') || action.startsWith('report.') || action === 'followUp.recorded') return 'green'
  if (action.startsWith('class.') || action.startsWith('edited')) return 'orange'
  return 'blue'
}

/**
 * 处理记录: every entry in words, newest first — what happened, what it said ("回访：满意 4/5",
 * not "4/5"), who and when, and a correction's fields before and after.
 */
export function CaseTimeline({ c }: { c: CaseDetail }) {
  const { t } = useTranslation()
  const entries = [...c.timeline].reverse()
  return (
    <aside aria-labelledby="timeline-title" className="case-timeline">
      <Card size="small" title={<h2 id="timeline-title">{t('detail.timeline')}</h2>}>
        {entries.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noTimeline')} />
        ) : (
          <Timeline items={entries.map((e, i) => ({ key: i, color: colorOf(e.action), content: <Entry e={e} /> }))} />
        )}
      </Card>
    </aside>
  )
}

function Entry({ e }: { e: TimelineEntry }) {
  const { t } = useTranslation()
  const { title, detail } = timelineText(t, e)
  return (
    <div className="timeline-entry">
      <strong>{title}</strong>
      {detail && <p className="timeline-detail">{detail}</p>}
      {e.changes && <TimelineChanges changes={e.changes} />}
      <span className="muted small">
        <time className="mono">{formatDateTime(e.at)}</time> · {e.by.name}
      </span>
    </div>
  )
}
