import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Result } from '@shared/ipc/result'
import { downloadPdf } from '../download'
import { Notice } from '../components/Notice'

/** A button that has main make a PDF, shows progress while it does, and downloads the result. */
export function PdfButton<T extends { fileName: string; base64: string }>({ label, make, onMade, primary }: { label: string; make: () => Promise<Result<T>>; onMade?: (file: T) => void; primary?: boolean }) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const click = async () => {
    setBusy(true)
    setError(null)
    const result = await make()
    setBusy(false)
    if (!result.ok) return setError(t('pdf.failed', { message: result.error.message }))
    downloadPdf(result.data)
    onMade?.(result.data)
  }
  return (
    <span className="pdf-button">
      <button type="button" className={primary ? 'primary' : undefined} onClick={click} disabled={busy} aria-busy={busy}>
        {busy ? t('pdf.generating') : label}
      </button>
      {error && <Notice kind="error">{error}</Notice>}
    </span>
  )
}
