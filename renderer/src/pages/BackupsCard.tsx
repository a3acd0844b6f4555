import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Spin, Tag } from 'antd'
import { AcknowledgeRecoveryInput, CreateBackupInput, type BackupRow } from '@shared/schemas/backups'
import type { StaffPublic } from '@shared/schemas/staff'
import { awaitsAcknowledgement } from '@shared/rules/dataNotice'
import { useApi } from '../apiContext'
import { useLoad } from '../hooks/useLoad'
import { useFeedback } from '../ui/feedback'
import { formatDateTime } from '../format'
import { ApprovalForm } from './settings/ApprovalForm'
import { PlainTable } from './settings/PlainTable'
import { useApprovedAction } from './settings/approvalPrompt'

const KNOWN_LABELS = ['daily', 'manual', 'pre-restore']

/** 备份 / 恢复: the backups on disk, a manual backup and a restore (red, asked first), with a manager's approval. */
export function BackupsCard({ managers, onRestored }: { managers: StaffPublic[]; onRestored: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const { success, confirmDanger } = useFeedback()
  const backups = useLoad(() => api['backups:list'](), [])
  const { run, holder } = useApprovedAction(managers)
  /** A restore replaces today's data (a 'pre-restore' backup is taken first): asked in red, then approved. */
  const restore = async (b: BackupRow) => {
    const at = formatDateTime(b.takenAt)
    const title = t('backups.restoreTitle', { at })
    const sure = await confirmDanger({
      title,
      content: t('backups.restoreWarning', { at }),
      okText: t('backups.restore'),
    })
    if (!sure) return
    const result = await run({ title, okText: t('backups.restore'), danger: true }, (approval) =>
      api['backups:restore']({ name: b.name, approval }),
    )
    if (!result?.ok) return
    success(t('backups.restored', { at }))
    onRestored()
  }
  // What the start recovered or set aside stays on screen until a manager acknowledges it here.
  const status = useLoad(() => api['app:status'](), [])
  const toAcknowledge = status.state === 'ready' && awaitsAcknowledgement(status.data.store)
  const label = (l: string) => (KNOWN_LABELS.includes(l) ? t(`backups.labels.${l}`) : t('backups.labels.migration'))
  const rows = backups.state === 'ready' ? backups.data : []
  return (
    <section aria-labelledby="backups-title">
      <Card
        title={
          <h2 id="backups-title" className="card-title">
            {t('backups.title')}
          </h2>
        }
        size="small"
      >
        <p className="hint">{t('backups.hint')}</p>
        {toAcknowledge && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('backups.acknowledgeHint')}
            description={
              <ApprovalForm
                id="acknowledge-recovery"
                title={t('backups.recoveryTitle')}
                schema={AcknowledgeRecoveryInput}
                defaults={{}}
                submitLabel={t('backups.acknowledge')}
                managers={managers}
                onSubmit={(v) => api['backups:acknowledgeRecovery'](v)}
                onDone={() => {
                  success(t('backups.acknowledged'))
                  status.reload()
                  onRestored()
                }}
              />
            }
          />
        )}
        {backups.state === 'error' ? (
          <Alert
            type="error"
            showIcon
            message={backups.error.message}
            action={
              <Button size="small" onClick={backups.reload}>
                {t('actions.retry')}
              </Button>
            }
          />
        ) : (
          <Spin spinning={backups.state === 'loading'}>
            <PlainTable<BackupRow>
              label={t('backups.title')}
              rows={rows}
              rowKey={(b) => b.name}
              empty={backups.state === 'ready' ? t('backups.none') : ''}
              columns={[
                {
                  title: t('backups.takenAt'),
                  key: 'takenAt',
                  render: (b) => <span className="mono">{formatDateTime(b.takenAt)}</span>,
                },
                { title: t('backups.kind'), key: 'kind', render: (b) => label(b.label) },
                {
                  title: t('backups.cases'),
                  key: 'cases',
                  render: (b) =>
                    b.usable ? (
                      <>
                        {b.cases}
                        {b.liveCases !== undefined && (
                          <div className="muted">
                            {t('backups.contents', {
                              live: b.liveCases,
                              archived: b.archivedCases ?? 0,
                              months: b.months?.length ?? 0,
                            })}
                          </div>
                        )}
                      </>
                    ) : (
                      <Tag color="error">{t('backups.unusable')}</Tag>
                    ),
                },
                {
                  title: t('backups.size'),
                  key: 'size',
                  render: (b) => <span className="mono">{Math.max(1, Math.round(b.size / 1024))} KB</span>,
                },
                {
                  title: t('backups.restore'),
                  key: 'restore',
                  render: (b) =>
                    b.usable && (
                      <Button
                        size="small"
                        danger
                        aria-label={t('backups.restoreAt', { at: formatDateTime(b.takenAt) })}
                        onClick={() => void restore(b)}
                      >
                        {t('backups.restore')}
                      </Button>
                    ),
                },
              ]}
            />
          </Spin>
        )}
        <ApprovalForm
          id="backup-now"
          title={t('backups.create')}
          schema={CreateBackupInput}
          defaults={{}}
          submitLabel={t('backups.create')}
          managers={managers}
          onSubmit={(v) => api['backups:create'](v)}
          onDone={(b) => {
            success(t('backups.created', { at: formatDateTime(b.takenAt), cases: b.cases }))
            backups.reload()
          }}
        />
      </Card>
      {holder}
    </section>
  )
}
