import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, List } from 'antd'
import type { AppStatus } from '@shared/ipc/contract'
import { useApi } from '../apiContext'
import { useFeedback } from '../ui/feedback'
import { formatDateTime } from '../format'
import { StartAfresh } from './StartAfresh'

/**
 * No data file, but earlier data beside where it should be (issue 15, point 3): never a first-run
 * set-up. Says what was found and puts the newest usable backup back on request, after a red
 * question (what was found is set aside, not deleted).
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
  const { confirmDanger, success } = useFeedback()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const missing = status.store.missing
  const restore = async () => {
    if (!missing?.backup) return
    const at = formatDateTime(missing.backup.takenAt)
    const sure = await confirmDanger({
      title: t('store.missingRestoreConfirm', { at }),
      content: t('store.missingRestoreHint'),
      okText: t('store.missingRestore', { at }),
    })
    if (!sure) return
    setBusy(true)
    setError(null)
    const result = await api['backups:restoreMissing']()
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    success(t('store.missingRestored', { at }))
    onRestored()
  }
  return (
    <main className="centered-page">
      <Card className="narrow-card">
        <h1>{t('store.title')}</h1>
        {warning}
        {missing && (
          <>
            <p>{t('store.missingFound')}</p>
            <List
              size="small"
              bordered
              dataSource={missing.found}
              renderItem={(f) => (
                <List.Item className="mono">
                  {t('store.missingFoundItem', {
                    name: f.name,
                    files: f.files,
                    kb: Math.max(1, Math.round(f.bytes / 1024)),
                  })}
                </List.Item>
              )}
            />
            {missing.backup ? (
              <>
                <p className="hint">{t('store.missingRestoreHint')}</p>
                {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
                <Button type="primary" danger loading={busy} onClick={() => void restore()}>
                  {t('store.missingRestore', { at: formatDateTime(missing.backup.takenAt) })}
                </Button>
              </>
            ) : (
              <>
                <Alert type="error" showIcon message={t('store.missingNoBackup')} style={{ marginBottom: 12 }} />
                <StartAfresh dataFile={status.store.dataFile} onStarted={onRestored} />
              </>
            )}
          </>
        )}
      </Card>
    </main>
  )
}
