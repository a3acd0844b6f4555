import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { Handover } from '@shared/schemas/handover'
import { HANDOVER_WINDOW_HOURS } from '@shared/schemas/handover'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { Field } from '../components/Field'
import { PdfButton } from '../case/PdfButton'
import { useLoad } from '../hooks/useLoad'
import { ownerText } from '@shared/i18n/owner'
import { formatDateTime } from '../format'

/** 交接班: what the next shift takes over, notes, and the incoming clerk's sign-off with their PIN. */
export function HandoverPage({ signedIn, onOpen }: { signedIn: StaffPublic; onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [hours, setHours] = useState(HANDOVER_WINDOW_HOURS)
  const snapshot = useLoad(() => api['handover:prepare']({ hours }), [hours], true)
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const history = useLoad(() => api['handover:list'](), [])
  const [signed, setSigned] = useState<Handover | null>(null)
  const [error, setError] = useState<string | null>(null)
  const form = useForm({ defaultValues: { notes: '', staffId: '', pin: '' } })
  const submit = form.handleSubmit(async (v) => {
    setError(null)
    const result = await api['handover:submit']({ hours, notes: v.notes, incoming: { staffId: v.staffId, pin: v.pin } })
    form.resetField('pin')
    if (!result.ok)
      return setError(
        result.error.issues?.length
          ? `${result.error.message} ${result.error.issues.map((i) => i.message).join(' ')}`
          : result.error.message,
      )
    setSigned(result.data)
    form.reset()
    history.reload()
  })
  const link = (id: string, number: string) => (
    <button type="button" className="link" onClick={() => onOpen(id)}>
      {number}
    </button>
  )
  return (
    <section className="page" aria-labelledby="handover-title">
      <header className="page-header">
        <h1 id="handover-title">{t('handover.title')}</h1>
      </header>
      <p className="muted">{t('handover.intro')}</p>
      {signed && (
        <Notice kind="success">
          {t('handover.signed', { outgoing: signed.outgoing.name, incoming: signed.incoming.name })}{' '}
          <PdfButton label={t('handover.print')} make={() => api['reports:handoverSheet']({ id: signed.id })} />
        </Notice>
      )}
      <div className="card">
        <label className="inline">
          {t('handover.hours')}
          <input
            type="number"
            min={1}
            max={72}
            value={hours}
            onChange={(e) => setHours(Math.min(72, Math.max(1, Number(e.target.value) || 1)))}
          />
        </label>
      </div>
      {snapshot.state === 'error' && <Notice kind="error">{snapshot.error.message}</Notice>}
      {snapshot.state === 'ready' && (
        <>
          <section className="card card-urgent" aria-labelledby="ho-esc">
            <h2 id="ho-esc">{t('handover.escalations')}</h2>
            {snapshot.data.escalations.length === 0 ? (
              <p className="muted">{t('home.noEscalations')}</p>
            ) : (
              <ul className="home-list">
                {snapshot.data.escalations.map((c) => (
                  <li key={c.id}>
                    {link(c.id, c.number)} {c.customerName} · {t(`options.category.${c.category}`)}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="ho-due">
            <h2 id="ho-due">{t('handover.commitmentsDue', { hours })}</h2>
            {snapshot.data.commitmentsDue.length === 0 ? (
              <p className="muted">{t('handover.noCommitments')}</p>
            ) : (
              <ul className="home-list">
                {snapshot.data.commitmentsDue.map(({ case: c, commitment: m }) => (
                  <li key={m.id}>
                    {link(c.id, c.number)} <strong>{m.what}</strong>{' '}
                    <span className="muted">
                      {t('wf.commitmentLine', { owner: m.owner, due: formatDateTime(m.dueAt) })} · {c.customerName}{' '}
                      {c.phoneMasked}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="ho-open">
            <h2 id="ho-open">{t('handover.openCases', { count: snapshot.data.openCases.length })}</h2>
            {snapshot.data.openCases.length === 0 ? (
              <p className="muted">{t('handover.noOpenCases')}</p>
            ) : (
              <ul className="home-list">
                {snapshot.data.openCases.map((c) => (
                  <li key={c.id}>
                    {link(c.id, c.number)} <span className="badge">{t(`options.status.${c.status}`)}</span>{' '}
                    <span className={`badge class-${c.caseClass}`}>{t(`options.caseClass.${c.caseClass}`)}</span>{' '}
                    {c.customerName} {c.phoneMasked} · {t(`options.category.${c.category}`)} · {t('owner.owner')}
                    {t('corrections.colon')}
                    <strong>{ownerText(t, c)}</strong>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
      <form className="card" onSubmit={submit} aria-labelledby="ho-sign">
        <h2 id="ho-sign">{t('handover.signOff')}</h2>
        {error && <Notice kind="error">{error}</Notice>}
        <Field id="ho-notes" label={t('handover.notes')}>
          <textarea id="ho-notes" rows={3} maxLength={1000} {...form.register('notes')} />
        </Field>
        <Field id="ho-incoming" label={t('handover.incoming')} required>
          <select id="ho-incoming" {...form.register('staffId')}>
            <option value="">{t('intake.selectPlaceholder')}</option>
            {staff.state === 'ready' &&
              staff.data
                .filter((s) => s.id !== signedIn.id)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
          </select>
        </Field>
        <Field id="ho-pin" label={t('handover.incomingPin')} required>
          <input id="ho-pin" type="password" inputMode="numeric" autoComplete="off" {...form.register('pin')} />
        </Field>
        <div className="actions">
          <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
            {t('handover.signOff')}
          </button>
        </div>
      </form>
      <section className="card" aria-labelledby="ho-history">
        <h2 id="ho-history">{t('handover.history')}</h2>
        {history.state === 'ready' && history.data.length === 0 && <p className="muted">{t('handover.none')}</p>}
        {history.state === 'ready' && (
          <ul className="home-list">
            {history.data.map((h) => (
              <li key={h.id}>
                <span className="mono">{formatDateTime(h.at)}</span> {h.outgoing.name} → {h.incoming.name} ·{' '}
                {t('handover.openCases', { count: h.snapshot.openCases.length })}{' '}
                <PdfButton label={t('handover.print')} make={() => api['reports:handoverSheet']({ id: h.id })} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  )
}
