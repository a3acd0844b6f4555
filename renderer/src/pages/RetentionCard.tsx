import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card } from 'antd'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { useLoad } from '../hooks/useLoad'
import { useFeedback } from '../ui/feedback'
import { formatDateTime } from '../format'
import { PlainTable } from './settings/PlainTable'
import { useApprovedAction } from './settings/approvalPrompt'

/**
 * 到期匿名处理 (docs/domain.md §10): finished complaints past the branch's retention period,
 * anonymised by a manager (name and phone blanked, audited; nothing deleted): a red button, a red
 * question, then the standing approval (主管授权) or the PIN dialog.
 */
export function RetentionCard({ managers, reload }: { managers: StaffPublic[]; reload: number }) {
  const { t } = useTranslation()
  const api = useApi()
  const { success, confirmDanger } = useFeedback()
  const { run, holder } = useApprovedAction(managers)
  const [again, setAgain] = useState(0)
  const [busy, setBusy] = useState(false)
  const due = useLoad(() => api['retention:due'](), [reload, again])
  const items = due.state === 'ready' ? due.data.items : []
  // main takes at most 500 at once; what is left is listed again afterwards.
  const batch = items.slice(0, 500)
  const anonymise = async () => {
    const ids = batch.map((r) => r.id)
    const title = t('settings.retentionConfirmTitle', { count: ids.length })
    const okText = t('settings.retentionAll')
    if (!(await confirmDanger({ title, content: t('settings.retentionConfirmBody'), okText }))) return
    setBusy(true)
    try {
      const result = await run({ title, okText, danger: true }, (approval) =>
        api['retention:anonymise']({ ids, approval }),
      )
      if (!result?.ok) return
      success(t('settings.retentionDone', { count: result.data.anonymised }))
      setAgain((n) => n + 1)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="retention-card-title">
      <Card
        title={
          <h2 id="retention-card-title" className="card-title">
            {t('settings.retentionTitle')}
          </h2>
        }
        size="small"
      >
        {due.state === 'error' && (
          <Alert
            type="error"
            showIcon
            message={due.error.message}
            action={
              <Button size="small" onClick={due.reload}>
                {t('actions.retry')}
              </Button>
            }
          />
        )}
        {due.state === 'ready' && due.data.months === null && <p className="muted">{t('settings.retentionNone')}</p>}
        {due.state === 'ready' && due.data.months !== null && (
          <>
            {items.length > 0 && (
              <p>{t('settings.retentionCount', { months: due.data.months, count: items.length })}</p>
            )}
            <PlainTable
              label={t('settings.retentionTitle')}
              rows={items.slice(0, 100)}
              rowKey={(r) => r.id}
              empty={t('settings.retentionEmpty')}
              columns={[
                { title: t('fields.number'), key: 'number', render: (r) => <span className="mono">{r.number}</span> },
                {
                  title: t('fields.receivedAt'),
                  key: 'receivedAt',
                  render: (r) => <span className="mono">{formatDateTime(r.receivedAt)}</span>,
                },
                { title: t('fields.category'), key: 'category', render: (r) => t(`options.category.${r.category}`) },
                { title: t('fields.status'), key: 'status', render: (r) => t(`options.status.${r.status}`) },
              ]}
            />
            {items.length > 0 && (
              <Button type="primary" danger loading={busy} onClick={() => void anonymise()}>
                {t('settings.retentionAll')}
              </Button>
            )}
          </>
        )}
      </Card>
      {holder}
    </section>
  )
}
