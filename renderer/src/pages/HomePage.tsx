import { useTranslation } from 'react-i18next'
import type { CaseSummary } from '@shared/schemas/case'
import type { Commitment } from '@shared/schemas/workflow'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'
import { formatDateTime } from '../format'
import { OverdueBadges } from '../components/OverdueBadges'

/** 首页: what needs attention now — escalations, broken and due promises, overdue cases. */
export function HomePage({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const home = useLoad(() => api['home:summary'](), [])
  if (home.state === 'loading')
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    )
  if (home.state === 'error') return <Notice kind="error">{home.error.message}</Notice>
  const h = home.data
  const caseLink = (c: CaseSummary) => (
    <button type="button" className="link" onClick={() => onOpen(c.id)}>
      {c.number}
    </button>
  )
  const promiseRows = (rows: { case: CaseSummary; commitment: Commitment }[], empty: string) =>
    rows.length === 0 ? (
      <p className="muted">{empty}</p>
    ) : (
      <ul className="home-list">
        {rows.map(({ case: c, commitment: m }) => (
          <li key={m.id}>
            {caseLink(c)} <strong>{m.what}</strong>
            <span className="muted">
              {' '}
              {t('wf.commitmentLine', { owner: m.owner, due: formatDateTime(m.dueAt) })} · {c.customerName}
            </span>
          </li>
        ))}
      </ul>
    )
  return (
    <section className="page" aria-labelledby="home-title">
      <header className="page-header">
        <h1 id="home-title">{t('nav.home')}</h1>
      </header>
      <div className="home-stats">
        <div className="stat">
          <span className="stat-n">{h.openByClass.class1}</span> {t('home.openClass1')}
        </div>
        <div className="stat stat-2">
          <span className="stat-n">{h.openByClass.class2}</span> {t('home.openClass2')}
        </div>
        <div className="stat stat-urgent">
          <span className="stat-n">{h.escalated.length}</span> {t('home.escalated')}
        </div>
        <div className="stat stat-overdue">
          <span className="stat-n">{h.overdueCommitments.length}</span> {t('home.overdueCommitments')}
        </div>
      </div>
      <div className="home-grid">
        <section className="card card-urgent" aria-labelledby="home-esc">
          <h2 id="home-esc">{t('home.escalated')}</h2>
          {h.escalated.length === 0 ? (
            <p className="muted">{t('home.noEscalations')}</p>
          ) : (
            <ul className="home-list">
              {h.escalated.map((c) => (
                <li key={c.id}>
                  {caseLink(c)} <span className="badge badge-urgent">{t('list.urgent')}</span> {c.customerName} ·{' '}
                  {t(`options.category.${c.category}`)} <span className="muted">{formatDateTime(c.receivedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="home-overdue">
          <h2 id="home-overdue">{t('home.overdueCommitments')}</h2>
          {promiseRows(h.overdueCommitments, t('home.noOverdue'))}
        </section>
        <section className="card" aria-labelledby="home-today">
          <h2 id="home-today">{t('home.dueToday')}</h2>
          {promiseRows(h.commitmentsDueToday, t('home.noneToday'))}
        </section>
        <section className="card" aria-labelledby="home-late">
          <h2 id="home-late">{t('home.overdueCases')}</h2>
          {h.overdueCases.length === 0 ? (
            <p className="muted">{t('home.noOverdueCases')}</p>
          ) : (
            <ul className="home-list">
              {h.overdueCases.map((c) => (
                <li key={c.id}>
                  {caseLink(c)} {c.customerName} <OverdueBadges flags={c.flags} />
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </section>
  )
}
