import { useTranslation } from 'react-i18next'
import { Button, Empty } from 'antd'
import type { CaseAction } from '@shared/rules/lifecycle'
import { formatDateTime } from '../format'
import { caseActions, type CasePanelProps } from './caseActions'

/**
 * Internal notes (staff only: never printed for the customer) and the record of each time
 * the customer was told how things stand — when, how, what was said. Each adds in the drawer.
 */
export function NotesPanel({ onOpen, ...props }: CasePanelProps & { onOpen: (a: CaseAction) => void }) {
  const { c, viewer } = props
  const { t } = useTranslation()
  const actions = caseActions(c, viewer)
  const { notes, customerUpdates } = c.workflow
  return (
    <section className="tab-panel" aria-labelledby="notes-title">
      <div className="tab-panel-head">
        <h2 id="notes-title">{t('notes.title')}</h2>
        {actions.addNote.enabled && (
          <Button type="primary" ghost onClick={() => onOpen('addNote')}>
            {t('notes.add')}
          </Button>
        )}
      </div>
      <p className="muted small">{t('notes.internalOnly')}</p>
      {notes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notes.none')} />
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
      <div className="tab-panel-head section-gap">
        <h2 id="updates-title">{t('notes.updatesTitle')}</h2>
        {actions.recordCustomerUpdate.enabled && (
          <Button type="primary" ghost onClick={() => onOpen('recordCustomerUpdate')}>
            {t('notes.recordUpdate')}
          </Button>
        )}
      </div>
      {customerUpdates.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notes.noUpdates')} />
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
    </section>
  )
}
