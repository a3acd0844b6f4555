import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncStatusView } from '@shared/schemas/headOffice'
import { useApi } from '../apiContext'
import { useEvery } from '../hooks/useEvery'
import { formatDateTime } from '../format'

/** 总部：已同步 / 待同步 N 条 / 离线（自 …）, read every few seconds; nothing while no link is set. */
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
  if (!status || status.state === 'off') return compact ? null : <p className="muted">{t('headOffice.state.off')}</p>
  const text = t(`headOffice.${compact ? 'short' : 'state'}.${status.state}`, {
    count: status.pending,
    since: status.offlineSince ? formatDateTime(status.offlineSince) : '',
  })
  return (
    <span className={`sync-status sync-${status.state}`} role="status" title={status.lastError ?? undefined}>
      {text}
    </span>
  )
}
