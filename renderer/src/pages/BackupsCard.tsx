import { useTranslation } from 'react-i18next'
import { AcknowledgeRecoveryInput, CreateBackupInput, RestoreBackupInput } from '@shared/schemas/backups'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { Notice } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'
import { formatDateTime } from '../format'

const KNOWN_LABELS = ['daily', 'manual', 'pre-restore']

/** 备份 / 恢复: the backups on disk, a manual backup and a restore, both with a manager's PIN. */
export function BackupsCard({
  managers,
  approver,
  onRestored,
}: {
  managers: StaffPublic[]
  approver: string
  onRestored: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const backups = useLoad(() => api['backups:list'](), [])
  // What the start recovered or set aside stays on screen until a manager acknowledges it here.
  const status = useLoad(() => api['app:status'](), [])
  const toAcknowledge =
    status.state === 'ready' && (status.data.store.recovery !== null || status.data.store.unreadSaves.length > 0)
  const label = (l: string) => (KNOWN_LABELS.includes(l) ? t(`backups.labels.${l}`) : t('backups.labels.migration'))
  return (
    <section className="card" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p className="hint">{t('backups.hint')}</p>
      {toAcknowledge && (
        <>
          <p className="hint">{t('backups.acknowledgeHint')}</p>
          <MiniForm
            id="acknowledge-recovery"
            title={t('backups.recoveryTitle')}
            schema={AcknowledgeRecoveryInput}
            defaults={{} as never}
            fields={[]}
            submitLabel={t('backups.acknowledge')}
            managers={managers}
            defaultApprover={approver}
            onSubmit={(v) => api['backups:acknowledgeRecovery'](v)}
            onDone={() => {
              status.reload()
              onRestored()
            }}
          />
        </>
      )}
      {backups.state === 'error' && <Notice kind="error">{backups.error.message}</Notice>}
      {backups.state === 'ready' && backups.data.length === 0 && <p className="muted">{t('backups.none')}</p>}
      {backups.state === 'ready' && backups.data.length > 0 && (
        <table className="cases">
          <thead>
            <tr>
              <th scope="col">{t('backups.takenAt')}</th>
              <th scope="col">{t('backups.kind')}</th>
              <th scope="col">{t('backups.cases')}</th>
              <th scope="col">{t('backups.size')}</th>
              <th scope="col">{t('backups.restore')}</th>
            </tr>
          </thead>
          <tbody>
            {backups.data.map((b) => (
              <tr key={b.name}>
                <td className="mono">{formatDateTime(b.takenAt)}</td>
                <td>{label(b.label)}</td>
                <td>
                  {b.usable ? b.cases : <span className="badge badge-overdue">{t('backups.unusable')}</span>}
                  {b.usable && b.liveCases !== undefined && (
                    <div className="muted">
                      {t('backups.contents', {
                        live: b.liveCases,
                        archived: b.archivedCases ?? 0,
                        months: b.months?.length ?? 0,
                      })}
                    </div>
                  )}
                </td>
                <td className="mono">{Math.max(1, Math.round(b.size / 1024))} KB</td>
                <td>
                  {b.usable && (
                    <details>
                      <summary>{t('backups.restoreThis')}</summary>
                      <p className="urgent-line">{t('backups.restoreWarning', { at: formatDateTime(b.takenAt) })}</p>
                      <MiniForm
                        id={`restore-${b.takenAt}`}
                        title={t('backups.restoreThis')}
                        schema={RestoreBackupInput}
                        defaults={{ name: b.name } as never}
                        fields={[]}
                        submitLabel={t('backups.restore')}
                        managers={managers}
                        defaultApprover={approver}
                        onSubmit={(v) => api['backups:restore'](v)}
                        onDone={onRestored}
                      />
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MiniForm
        id="backup-now"
        title={t('backups.create')}
        schema={CreateBackupInput}
        defaults={{} as never}
        fields={[]}
        submitLabel={t('backups.create')}
        managers={managers}
        defaultApprover={approver}
        onSubmit={(v) => api['backups:create'](v)}
        onDone={backups.reload}
      />
    </section>
  )
}
