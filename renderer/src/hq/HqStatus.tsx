import { useTranslation } from 'react-i18next'
import { Button, Spin } from 'antd'
import { Notice } from '../components/Notice'

/** A small spinner and what is being read, announced to screen readers. */
export function HqLoading({ label }: { label: string }) {
  return (
    <div className="muted" role="status">
      <Spin size="small" /> {label}
    </div>
  )
}

/** Main's refusal in words (its message, already in the clerk's language), with 重试. */
export function HqFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <Notice kind="error">
      {message}{' '}
      <Button size="small" onClick={onRetry}>
        {t('actions.retry')}
      </Button>
    </Notice>
  )
}
