import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Space, Typography } from 'antd'
import type { Result } from '@shared/ipc/result'
import type { GeneratedFile } from '@shared/schemas/files'
import { useApi } from '../apiContext'
import { useDeliverFile } from '../hooks/useDeliverFile'
import { useFeedback } from '../ui/feedback'

/**
 * Has main make a file (a PDF, a CSV) and hands it to the user: a download in the browser, a
 * save dialog in the desktop app (then 打开 / 打印). Success is a toast naming the file
 * (`done`, by default "已生成 <file>"); a failure is a toast with main's words.
 */
export function FileButton<T extends GeneratedFile>({
  label,
  make,
  done,
  busyLabel,
  primary,
  size,
}: {
  label: string
  make: () => Promise<Result<T>>
  /** The success toast for the file made (default: "已生成 <file name>"). */
  done?: (file: T) => string
  /** What the button says while main works (default: 正在生成 PDF…). */
  busyLabel?: string
  primary?: boolean
  size?: 'small' | 'middle'
}) {
  const { t } = useTranslation()
  const api = useApi()
  const deliver = useDeliverFile()
  const feedback = useFeedback()
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<{ path: string; file: GeneratedFile } | null>(null)
  const click = async () => {
    setBusy(true)
    try {
      const result = await make()
      if (!result.ok) return feedback.failure(t('pdf.failed', { message: result.error.message }))
      const file = { fileName: result.data.fileName, base64: result.data.base64 }
      const delivered = await deliver(file)
      if (!delivered.ok) return feedback.failure(t('pdf.failed', { message: delivered.error.message }))
      // The desktop save dialog cancelled: nothing was made for the user, nothing to say.
      if (delivered.data && !delivered.data.saved) return
      feedback.success(done ? done(result.data) : t('reports.made', { file: file.fileName }))
      if (delivered.data?.path) setSaved({ path: delivered.data.path, file })
    } finally {
      setBusy(false)
    }
  }
  const report = (r: Result<boolean>) => {
    if (!r.ok) feedback.failure(r.error.message)
    else if (!r.data) feedback.failure(t('pdf.openFailed'))
  }
  return (
    <Space size="small" wrap className="file-action">
      <Button type={primary ? 'primary' : 'default'} size={size} onClick={click} loading={busy} aria-busy={busy}>
        {busy ? (busyLabel ?? t('pdf.generating')) : label}
      </Button>
      {saved && (
        <Typography.Text type="secondary" role="status">
          {t('pdf.savedTo', { path: saved.path })}{' '}
          <Button size="small" onClick={async () => report(await api['files:openPdf']({ path: saved.path }))}>
            {t('pdf.open')}
          </Button>{' '}
          <Button size="small" onClick={async () => report(await api['files:printPdf'](saved.file))}>
            {t('pdf.print')}
          </Button>
        </Typography.Text>
      )}
    </Space>
  )
}
