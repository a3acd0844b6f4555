import { useTranslation } from 'react-i18next'
import { RecordEscalationInput, TakeOverInput } from '@shared/schemas/workflow'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { formatDateTime } from '../format'
import { ReasonList } from './ReasonList'
import { caseActions, type CasePanelProps } from './caseActions'

const PRINCIPLES = ['first', 'voice', 'command'] as const

/** The full-width interruption of docs/domain.md §5 for an urgent case not yet taken over. */
export function EscalationCard({ c, act, managers, defaultApprover, settings, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const actions = caseActions(c, viewer)
  const notified = c.workflow.escalation?.notified ?? []
  return (
    <section className="escalation" role="alert" aria-labelledby="escalation-title">
      <h2 id="escalation-title">{t('wf.escalationTitle')}</h2>
      <ReasonList reasons={c.workflow.reasons.filter((r) => r.kind === 'urgent')} />
      <div className="escalation-grid">
        <div>
          <h3>{t('wf.contacts')}</h3>
          {settings.managerContacts.length === 0 ? (
            <p>{t('wf.noContacts')}</p>
          ) : (
            <ul className="contacts">
              {settings.managerContacts.map((m) => (
                <li key={`${m.name}-${m.phone}`}>
                  <strong>{m.name}</strong> {m.role && <span>{m.role}</span>}{' '}
                  <span className="mono phone">{m.phone}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('wf.principles')}</h3>
          <ol className="principles">
            {PRINCIPLES.map((p) => (
              <li key={p}>
                <strong>{t(`wf.principle.${p}`)}</strong> {t(`wf.principleText.${p}`)}
              </li>
            ))}
          </ol>
        </div>
      </div>
      {notified.length > 0 && (
        <ul className="plain-list">
          {notified.map((n, i) => (
            <li key={i}>{t('wf.notifiedLine', { who: n.who, at: formatDateTime(n.at), by: n.by.name })}</li>
          ))}
        </ul>
      )}
      <div className="escalation-grid">
        {actions.recordEscalation.enabled && (
          <MiniForm
            id="notify"
            title={t('wf.recordNotified')}
            schema={RecordEscalationInput.omit({ id: true })}
            defaults={{ who: '' }}
            fields={[{ name: 'who', label: t('wf.who'), hint: t('wf.whoHint') }]}
            submitLabel={t('wf.escalate')}
            onSubmit={(v) => act(api['cases:recordEscalation']({ id: c.id, ...v }))}
          />
        )}
        {actions.takeOver.enabled && (
          <MiniForm
            id="takeover"
            title={t('wf.takeOver')}
            schema={TakeOverInput.omit({ id: true })}
            defaults={{} as never}
            fields={[]}
            submitLabel={t('wf.takeOver')}
            managers={managers}
            defaultApprover={defaultApprover}
            onSubmit={(v) => act(api['cases:takeOver']({ id: c.id, ...v }))}
          />
        )}
      </div>
    </section>
  )
}
