import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ManagerApproval } from '@shared/schemas/common'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { Notice } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'
import { formatDateTime } from '../format'

/**
 * 到期匿名处理 (docs/domain.md §10): finished complaints past the branch's retention period,
 * anonymised by a manager (name and phone blanked, audited; nothing deleted).
 */
export function RetentionCard({
  managers,
  approver,
  reload,
}: {
  managers: StaffPublic[]
  approver: string
  reload: number
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [done, setDone] = useState<string | null>(null)
  const [again, setAgain] = useState(0)
  const due = useLoad(() => api['retention:due'](), [reload, again])
  return (
    <section className="card" aria-labelledby="retention-card-title">
      <h2 id="retention-card-title">{t('settings.retentionTitle')}</h2>
      {done && <Notice kind="success">{done}</Notice>}
      {due.state === 'error' && <Notice kind="error">{due.error.message}</Notice>}
      {due.state === 'ready' && due.data.months === null && <p className="muted">{t('settings.retentionNone')}</p>}
      {due.state === 'ready' && due.data.months !== null && due.data.items.length === 0 && (
        <p className="muted">{t('settings.retentionEmpty')}</p>
      )}
      {due.state === 'ready' && due.data.months !== null && due.data.items.length > 0 && (
        <>
          <p>{t('settings.retentionCount', { months: due.data.months, count: due.data.items.length })}</p>
          <ul className="retention-list">
            {due.data.items.slice(0, 50).map((r) => (
              <li key={r.id}>
                {r.number} · {formatDateTime(r.receivedAt)} · {t(`options.category.${r.category}`)} ·{' '}
                {t(`options.status.${r.status}`)}
              </li>
            ))}
          </ul>
          <MiniForm
            id="retention"
            title={t('settings.retentionAll')}
            schema={z.object({ approval: ManagerApproval })}
            defaults={{ approval: { managerId: approver, pin: '' } }}
            fields={[]}
            managers={managers}
            defaultApprover={approver}
            submitLabel={t('settings.retentionAll')}
            onSubmit={async ({ approval }) => {
              const result = await api['retention:anonymise']({ ids: due.data.items.map((r) => r.id), approval })
              if (result.ok) setDone(t('settings.retentionDone', { count: result.data.anonymised }))
              return result
            }}
            onDone={() => setAgain((n) => n + 1)}
          />
        </>
      )}
    </section>
  )
}
