import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'antd'
import type { Result } from '@shared/ipc/result'
import { useApi } from '../apiContext'
import { useDeliverFile } from '../hooks/useDeliverFile'
import { Notice } from '../components/Notice'

import type { GeneratedFile } from '@shared/schemas/files'

/**
 * Has main make a PDF, with progress while it does. In a browser the PDF downloads; in the
 * desktop app it is saved where the user chooses, then can be opened or printed.
 */
export function PdfButton<T extends GeneratedFile>({
  label,
  make,
  onMade,
  primary,
}: {
  label: string
  make: () => Promise<Result<T>>
  onMade?: (file: T) => void
  primary?: boolean
}) {
  const { t } = useTranslation()
  const api = useApi()
  const deliver = useDeliverFile()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState<{ path: string; file: GeneratedFile } | null>(null)
  const click = async () => {
    setBusy(true)
    setError(null)
    const result = await make()
    if (!result.ok) {
      setBusy(false)
      return setError(t('pdf.failed', { message: result.error.message }))
    }
    onMade?.(result.data)
    const file = { fileName: result.data.fileName, base64: result.data.base64 }
    const delivered = await deliver(file)
    if (!delivered.ok) setError(t('pdf.failed', { message: delivered.error.message }))
    else if (delivered.data?.saved && delivered.data.path) setSaved({ path: delivered.data.path, file })
    setBusy(false)
  }
  const report = (r: Result<boolean>) => setError(r.ok ? (r.data ? null : t('pdf.openFailed')) : r.error.message)
  return (
    <span className="pdf-button">
      <Button type={primary ? 'primary' : 'default'} onClick={click} loading={busy} aria-busy={busy}>
        {busy ? t('pdf.generating') : label}
      </Button>
      {saved && (
        <span className="saved" role="status">
          {t('pdf.savedTo', { path: saved.path })}{' '}
          <Button size="small" onClick={async () => report(await api['files:openPdf']({ path: saved.path }))}>
            {t('pdf.open')}
          </Button>{' '}
          <Button size="small" onClick={async () => report(await api['files:printPdf'](saved.file))}>
            {t('pdf.print')}
          </Button>
        </span>
      )}
      {error && <Notice kind="error">{error}</Notice>}
    </span>
  )
}
