import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Typography } from 'antd'
import { useApi } from '../apiContext'
import { useFeedback } from '../ui/feedback'

/**
 * Damaged or missing data with no backup to put back: what the desk can still do. The file's
 * path can be copied for whoever repairs it; or everything unreadable is set aside whole (never
 * deleted) and the desk starts as a new installation, after a red question.
 */
export function StartAfresh({ dataFile, onStarted }: { dataFile: string; onStarted: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const { confirmDanger, success } = useFeedback()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const start = async () => {
    const sure = await confirmDanger({
      title: t('store.freshStart.confirmTitle'),
      content: t('store.freshStart.confirmContent'),
      okText: t('store.freshStart.ok'),
    })
    if (!sure) return
    setBusy(true)
    setError(null)
    const result = await api['data:startAfresh']({ confirmed: true })
    setBusy(false)
    if (!result.ok) return setError(result.error.message)
    success(t('store.freshStart.done', { folder: result.data.folder }))
    onStarted()
  }
  return (
    <>
      <h2 className="card-title">{t('store.freshStart.repairTitle')}</h2>
      <p className="hint">{t('store.freshStart.repairHint')}</p>
      <Typography.Paragraph className="mono" copyable={{ text: dataFile }}>
        {dataFile}
      </Typography.Paragraph>
      <h2 className="card-title">{t('store.freshStart.title')}</h2>
      <p className="hint">{t('store.freshStart.hint')}</p>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Button danger loading={busy} onClick={() => void start()}>
        {t('store.freshStart.button')}
      </Button>
    </>
  )
}
