import { useTranslation } from 'react-i18next'
import { AddNoteInput, CONTACT_METHODS, CustomerUpdateInput } from '@shared/schemas/workflow'
import { toLocalDateTime } from '@shared/values/localTime'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { formatDateTime } from '../format'
import { caseActions, type CasePanelProps } from './caseActions'

/**
 * Internal notes (staff only: never printed for the customer) and the record of each time
 * the customer was told how things stand — when, how, what was said.
 */
export function NotesPanel({ c, act, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const actions = caseActions(c, viewer)
  const { notes, customerUpdates } = c.workflow
  return (
    <section className="card" aria-labelledby="notes-title">
      <h2 id="notes-title">{t('notes.title')}</h2>
      <p className="muted small">{t('notes.internalOnly')}</p>
      {notes.length === 0 ? (
        <p className="muted">{t('notes.none')}</p>
      ) : (
        <ul className="record-list" aria-label={t('notes.title')}>
          {notes.map((n) => (
            <li key={n.id}>
              <p className="record-text">{n.text}</p>
              <span className="muted small">
                {n.by.name} · {formatDateTime(n.at)}
              </span>
            </li>
          ))}
        </ul>
      )}
      {actions.addNote.enabled && (
        <MiniForm
          id="note"
          title={t('notes.add')}
          schema={AddNoteInput.omit({ id: true })}
          defaults={{ text: '' }}
          fields={[{ name: 'text', label: t('notes.text'), kind: 'textarea', hint: t('notes.textHint') }]}
          submitLabel={t('notes.add')}
          onSubmit={(v) => act(api['cases:addNote']({ id: c.id, ...v }))}
        />
      )}

      <h2 id="updates-title" className="section-gap">
        {t('notes.updatesTitle')}
      </h2>
      {customerUpdates.length === 0 ? (
        <p className="muted">{t('notes.noUpdates')}</p>
      ) : (
        <ul className="record-list" aria-labelledby="updates-title">
          {customerUpdates.map((u) => (
            <li key={u.id}>
              <strong>
                {formatDateTime(u.informedAt)} · {t(`wf.methods.${u.method}`)}
              </strong>
              <p className="record-text">{u.said}</p>
              <span className="muted small">
                {t('notes.recordedBy', { name: u.by.name, at: formatDateTime(u.at) })}
              </span>
            </li>
          ))}
        </ul>
      )}
      {actions.recordCustomerUpdate.enabled && (
        <MiniForm
          id="customer-update"
          title={t('notes.recordUpdate')}
          schema={CustomerUpdateInput.omit({ id: true })}
          defaults={{ at: toLocalDateTime(new Date()), method: 'phone', said: '' }}
          fields={[
            { name: 'at', label: t('notes.when'), kind: 'datetime' },
            {
              name: 'method',
              label: t('notes.how'),
              kind: 'select',
              options: CONTACT_METHODS.map((m) => ({ value: m, label: t(`wf.methods.${m}`) })),
            },
            { name: 'said', label: t('notes.said'), kind: 'textarea', hint: t('notes.saidHint') },
          ]}
          submitLabel={t('notes.recordUpdate')}
          onSubmit={(v) => act(api['cases:recordCustomerUpdate']({ id: c.id, ...v }))}
        />
      )}
    </section>
  )
}
