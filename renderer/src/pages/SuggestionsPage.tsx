import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CHANNELS } from '@shared/values/options'
import {
  ReplySuggestionInput,
  SUGGESTION_KINDS,
  SuggestionDraft,
  VoidSuggestionInput,
  type SuggestionView,
} from '@shared/schemas/suggestion'
import { toLocalDateTime } from '@shared/values/localTime'
import { maskPhone } from '@shared/values/phone'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { Notice } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'
import { formatDateTime } from '../format'

/**
 * 建议/意见 (docs/domain.md §3a): a customer's suggestion or opinion, recorded and thanked for,
 * answered, never counted as a complaint.
 */
export function SuggestionsPage() {
  const { t } = useTranslation()
  const api = useApi()
  const [reload, setReload] = useState(0)
  const [saved, setSaved] = useState<string | null>(null)
  const list = useLoad(() => api['suggestions:list'](), [reload])
  const departments = useLoad(() => api['departments:list'](), [])
  const options = (values: readonly string[], key: string) =>
    values.map((value) => ({ value, label: t(`${key}.${value}`) }))
  return (
    <div className="page suggestions">
      <header className="page-header">
        <h1>{t('suggestions.title')}</h1>
      </header>
      <p className="muted">{t('suggestions.intro')}</p>
      {saved && <Notice kind="success">{saved}</Notice>}
      <section className="card">
        <MiniForm
          key={reload}
          id="suggestion"
          title={t('suggestions.new')}
          schema={SuggestionDraft}
          defaults={{
            receivedAt: toLocalDateTime(new Date()),
            kind: 'suggestion',
            channel: 'counter',
            customerName: '',
            phone: '',
            departmentId: '',
            text: '',
          }}
          fields={[
            {
              name: 'kind',
              label: t('suggestions.kind'),
              kind: 'select',
              options: options(SUGGESTION_KINDS, 'suggestions.kinds'),
            },
            { name: 'receivedAt', label: t('fields.receivedAt'), kind: 'datetime' },
            {
              name: 'channel',
              label: t('fields.channel'),
              kind: 'select',
              options: options(CHANNELS, 'options.channel'),
            },
            { name: 'customerName', label: t('fields.customerName'), optional: true, hint: t('suggestions.anonymous') },
            { name: 'phone', label: t('fields.phone'), optional: true, hint: t('hints.phone') },
            {
              name: 'departmentId',
              label: t('fields.department'),
              kind: 'select',
              optional: true,
              hint: t('suggestions.wholeBranch'),
              options:
                departments.state === 'ready' ? departments.data.map((d) => ({ value: d.id, label: d.name })) : [],
            },
            { name: 'text', label: t('suggestions.text'), kind: 'textarea' },
          ]}
          submitLabel={t('suggestions.save')}
          onSubmit={async (values) => {
            const result = await api['suggestions:create'](values)
            if (result.ok) setSaved(t('suggestions.saved', { number: result.data.number }))
            return result
          }}
          onDone={() => setReload((n) => n + 1)}
        />
      </section>
      <section className="card" aria-labelledby="suggestions-list-title">
        <h2 id="suggestions-list-title">{t('suggestions.list')}</h2>
        {list.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {list.state === 'error' && <Notice kind="error">{list.error.message}</Notice>}
        {list.state === 'ready' && list.data.length === 0 && <p className="empty">{t('suggestions.none')}</p>}
        {list.state === 'ready' && list.data.length > 0 && (
          <ul className="suggestion-list">
            {list.data.map((s) => (
              <SuggestionItem key={s.id} s={s} onChanged={() => setReload((n) => n + 1)} />
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}

function SuggestionItem({ s, onChanged }: { s: SuggestionView; onChanged: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [open, setOpen] = useState<'reply' | 'void' | null>(null)
  const who = [s.customerName || t('suggestions.anonymousName'), s.phone ? maskPhone(s.phone) : ''].filter(Boolean)
  return (
    <li className={s.voided ? 'voided' : undefined} aria-label={s.number}>
      <header>
        <strong>{s.number}</strong> <span className="badge">{t(`suggestions.kinds.${s.kind}`)}</span>{' '}
        <span className="muted small">
          {formatDateTime(s.receivedAt)} · {t(`options.channel.${s.channel}`)} · {who.join(' ')}
          {s.departmentName ? ` · ${s.departmentName}` : ''}
        </span>
      </header>
      <p className="suggestion-text">{s.text}</p>
      {s.reply && (
        <p className="muted">
          {t('suggestions.replyLine', { by: s.reply.by.name, at: formatDateTime(s.reply.at), text: s.reply.text })}
        </p>
      )}
      {s.voided && (
        <p className="muted">
          {t('suggestions.voidedLine', {
            by: s.voided.by.name,
            at: formatDateTime(s.voided.at),
            reason: s.voided.reason,
          })}
        </p>
      )}
      {!s.voided && (
        <div className="action">
          <button type="button" onClick={() => setOpen(open === 'reply' ? null : 'reply')}>
            {s.reply ? t('suggestions.replyAgain') : t('suggestions.reply')}
          </button>
          <button type="button" onClick={() => setOpen(open === 'void' ? null : 'void')}>
            {t('suggestions.void')}
          </button>
        </div>
      )}
      {open === 'reply' && (
        <MiniForm
          id={`reply-${s.id}`}
          title={t('suggestions.reply')}
          schema={ReplySuggestionInput}
          defaults={{ id: s.id, text: s.reply?.text ?? '' }}
          fields={[
            { name: 'text', label: t('suggestions.replyText'), kind: 'textarea', hint: t('suggestions.replyHint') },
          ]}
          submitLabel={t('actions.save')}
          onSubmit={(values) => api['suggestions:reply'](values)}
          onDone={onChanged}
          onCancel={() => setOpen(null)}
        />
      )}
      {open === 'void' && (
        <MiniForm
          id={`void-${s.id}`}
          title={t('suggestions.void')}
          schema={VoidSuggestionInput}
          defaults={{ id: s.id, reason: '' }}
          fields={[{ name: 'reason', label: t('suggestions.voidReason') }]}
          submitLabel={t('suggestions.void')}
          onSubmit={(values) => api['suggestions:void'](values)}
          onDone={onChanged}
          onCancel={() => setOpen(null)}
        />
      )}
    </li>
  )
}
