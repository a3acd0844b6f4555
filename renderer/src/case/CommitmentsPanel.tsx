import { useTranslation } from 'react-i18next'
import { AddCommitmentInput, ReagreeCommitmentInput, type Commitment } from '@shared/schemas/workflow'
import { toLocalDateTime } from '@shared/values/localTime'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { formatDateTime } from '../format'
import { caseActions, type CasePanelProps } from './caseActions'
import { ActionButton } from './ActionControl'

export function commitmentState(m: Commitment, now: Date, soonHours: number): 'kept' | 'overdue' | 'soon' | 'open' {
  if (m.status === 'kept') return 'kept'
  const due = new Date(m.dueAt).getTime()
  if (due < now.getTime()) return 'overdue'
  return due - now.getTime() <= soonHours * 3600_000 ? 'soon' : 'open'
}

/** Promises to the customer: kept, or re-agreed with a reason, never silently dropped. */
export function CommitmentsPanel({ c, act, settings, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const now = new Date()
  const actions = caseActions(c, viewer)
  const inTwoHours = toLocalDateTime(new Date(now.getTime() + 2 * 3600_000))
  return (
    <section className="card" aria-labelledby="commitments-title">
      <h2 id="commitments-title">{t('wf.commitments')}</h2>
      {c.workflow.commitments.length === 0 && <p className="muted">{t('wf.noCommitments')}</p>}
      <ul className="commitments">
        {c.workflow.commitments.map((m) => {
          const state = commitmentState(m, now, settings.deadlines.commitmentDueSoonHours)
          return (
            <li key={m.id} className={`commitment commitment-${state}`}>
              <div>
                <strong>{m.what}</strong>{' '}
                <span className={`badge state-${state}`}>{t(`wf.commitmentState.${state}`)}</span>
              </div>
              <div className="muted">{t('wf.commitmentLine', { owner: m.owner, due: formatDateTime(m.dueAt) })}</div>
              {m.reagreed.map((r, i) => (
                <div key={i} className="muted small">
                  {t('wf.reagreedLine', {
                    from: formatDateTime(r.fromDueAt),
                    to: formatDateTime(r.toDueAt),
                    reason: r.reason,
                    by: r.by.name,
                  })}
                </div>
              ))}
              {m.status === 'open' && (actions.keepCommitment.enabled || actions.reagreeCommitment.enabled) && (
                <div className="actions">
                  {actions.keepCommitment.enabled && (
                    <ActionButton
                      id={`keep-${m.id}`}
                      label={t('wf.keep')}
                      state={actions.keepCommitment}
                      act={act}
                      call={() => api['commitments:keep']({ id: c.id, commitmentId: m.id })}
                    />
                  )}
                  {actions.reagreeCommitment.enabled && (
                    <details>
                      <summary>{t('wf.reagree')}</summary>
                      <MiniForm
                        id={`reagree-${m.id}`}
                        title={t('wf.reagree')}
                        schema={ReagreeCommitmentInput.omit({ id: true, commitmentId: true })}
                        defaults={{ dueAt: toLocalDateTime(new Date(m.dueAt)), reason: '' }}
                        fields={[
                          { name: 'dueAt', label: t('wf.newDue'), kind: 'datetime' },
                          { name: 'reason', label: t('wf.reason'), kind: 'textarea' },
                        ]}
                        submitLabel={t('wf.reagree')}
                        onSubmit={(v) => act(api['commitments:reagree']({ id: c.id, commitmentId: m.id, ...v }))}
                      />
                    </details>
                  )}
                </div>
              )}
            </li>
          )
        })}
      </ul>
      {actions.addCommitment.enabled && (
        <MiniForm
          id="commitment"
          title={t('wf.addCommitment')}
          schema={AddCommitmentInput.omit({ id: true })}
          defaults={{ what: '', owner: '', dueAt: inTwoHours }}
          fields={[
            { name: 'what', label: t('wf.what'), hint: t('wf.whatHint') },
            { name: 'owner', label: t('wf.owner') },
            { name: 'dueAt', label: t('wf.due'), kind: 'datetime' },
          ]}
          submitLabel={t('wf.addCommitment')}
          onSubmit={(v) => act(api['commitments:add']({ id: c.id, ...v }))}
        />
      )}
    </section>
  )
}
