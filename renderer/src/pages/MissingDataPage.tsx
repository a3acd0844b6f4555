import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '@shared/ipc/contract'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { formatDateTime } from '../format'

/**
 * No data file, but earlier data beside where it should be (issue 15, point 3): never a first-run
 * set-up. Says what was found and puts the newest usable backup back on request.
 */
export function MissingDataPage({
  status,
  warning,
  onRestored,
}: {
  status: AppStatus
  warning: ReactNode
  onRestored: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const missing = status.store.missing
  const restore = async () => {
    setBusy(true)
    setError(null)
    const result = await api['backups:restoreMissing']()
    setBusy(false)
    if (result.ok) onRestored()
    else setError(result.error.message)
  }
  return (
    <main className="centered-page">
      <div className="card narrow">
        <h1>{t('store.title')}</h1>
        {warning}
        {missing && (
          <>
            <p>{t('store.missingFound')}</p>
            <ul>
              {missing.found.map((f) => (
                <li key={f.name} className="mono">
                  {t('store.missingFoundItem', {
                    name: f.name,
                    files: f.files,
                    kb: Math.max(1, Math.round(f.bytes / 1024)),
                  })}
                </li>
              ))}
            </ul>
            {missing.backup ? (
              <>
                <p className="hint">{t('store.missingRestoreHint')}</p>
                {error && <Notice kind="error">{error}</Notice>}
                <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
                  {t('store.missingRestore', { at: formatDateTime(missing.backup.takenAt) })}
                </button>
              </>
            ) : (
              <Notice kind="error">{t('store.missingNoBackup')}</Notice>
            )}
          </>
        )}
      </div>
    </main>
  )
}
