import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from 'antd'
import type { SyncStatusView } from '@shared/schemas/headOffice'
import { useApi } from '../apiContext'
import { useEvery } from '../hooks/useEvery'
import { formatDateTime, formatTime } from '../format'

/**
 * 总部：已同步 / 待同步 N 条 / 离线（自 …）, read every few seconds; nothing while no link is set.
 * Compact (the top bar): the state, and how many cases head office refused. In full (settings):
 * the state, why head office could not be used, and each refused case with the database's reason.
 */
export function SyncStatusLine({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation()
  const api = useApi()
  const [status, setStatus] = useState<SyncStatusView | null>(null)
  const read = () =>
    void api['headoffice:status']().then((r) => {
      if (r.ok) setStatus(r.data)
    })
  useEffect(read, [api])
  useEvery(read, 5_000)
  // Not read yet: nothing (never 未设置 for a moment before the answer).
  if (!status) return null
  if (status.state === 'off') return compact ? null : <p className="muted">{t('headOffice.state.off')}</p>
  const since = status.offlineSince ? sinceText(status.offlineSince, compact) : ''
  const text = t(`headOffice.${compact ? 'short' : 'state'}.${status.state}`, { count: status.pending, since })
  const problem = status.problem && t(`headOffice.problem.${status.problem}`)
  const line = (
    <span className={`sync-status sync-${status.state}`} role="status" title={problem ?? undefined}>
      {text}
    </span>
  )
  if (compact)
    return (
      <>
        {line}
        {status.refused.length > 0 && (
          <span className="sync-status sync-refused" role="status">
            {t('headOffice.short.refused', { count: status.refused.length })}
          </span>
        )}
      </>
    )
  return (
    <div className="sync-detail">
      {line}
      {problem && (
        <p className="small" role="note">
          {problem}
          {status.lastError && <span className="muted"> ({status.lastError})</span>}
        </p>
      )}
      {status.refused.length > 0 && (
        <Alert
          type="warning"
          showIcon
          message={t('headOffice.refusedList')}
          description={
            <ul className="sync-refused-list">
              {status.refused.map((r) => (
                <li key={r.number}>{t('headOffice.refusedItem', { number: r.number, reason: r.reason })}</li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  )
}

/** When head office was first missed: the time alone in the top bar if it was today. */
function sinceText(iso: string, compact: boolean): string {
  const today = new Date(iso).toDateString() === new Date().toDateString()
  return compact && today ? formatTime(iso) : formatDateTime(iso)
}
