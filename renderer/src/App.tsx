import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '@shared/ipc/contract'
import type { Locale, Session } from '@shared/schemas/staff'
import { HostContext, useApi } from './apiContext'
import { Notice } from './components/Notice'
import { formatDateTime } from './format'
import { TopBar } from './components/TopBar'
import { CaseDetailPage } from './pages/CaseDetailPage'
import { CaseListPage } from './pages/CaseListPage'
import { HomePage } from './pages/HomePage'
import { HandoverPage } from './pages/HandoverPage'
import { SuggestionsPage } from './pages/SuggestionsPage'
import { ReportsPage } from './pages/ReportsPage'
import { IntakePage } from './pages/IntakePage'
import { SettingsPage } from './pages/SettingsPage'
import { SetupPage } from './pages/SetupPage'
import { MissingDataPage } from './pages/MissingDataPage'
import { SignInPage } from './pages/SignInPage'

export type View =
  | { name: 'home' }
  | { name: 'handover' }
  | { name: 'reports' }
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'detail'; id: string; saved?: string }
  | { name: 'settings' }
  | { name: 'suggestions' }

export function App() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [status, setStatus] = useState<AppStatus | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [view, setView] = useState<View>({ name: 'home' })

  const refresh = useCallback(async () => {
    const result = await api['app:status']()
    if (!result.ok) return setFailure(result.error.message)
    setFailure(null)
    setStatus(result.data)
    if (i18n.language !== result.data.locale) await i18n.changeLanguage(result.data.locale)
  }, [api, i18n])

  useEffect(() => {
    void refresh()
  }, [refresh])

  // A long audit trail is checked in the background after start: ask again until it is done.
  const checking = Boolean(status?.audit.checking)
  useEffect(() => {
    if (!checking) return
    const timer = setTimeout(() => void refresh(), 1000)
    return () => clearTimeout(timer)
  }, [checking, status, refresh])

  const signedIn = Boolean(status?.session)
  // F2 opens a new case from anywhere once signed in (Ctrl+N belongs to the browser).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' && signedIn) {
        e.preventDefault()
        setView({ name: 'new' })
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [signedIn])

  useEffect(() => {
    document.documentElement.lang = i18n.language
    document.title = t('app.title')
  }, [i18n.language, t])

  if (failure) return <Notice kind="error">{t('errors.NETWORK', { detail: failure })}</Notice>
  if (!status)
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    )

  const storeWarning = (
    <>
      {status.store.state !== 'ok' && (
        <Notice kind="warning">{t(`store.${status.store.state}`, { file: status.store.dataFile })}</Notice>
      )}
      {status.store.recovery && (
        <Notice kind="warning">
          {status.store.recovery.damagedFile === null
            ? t('store.recoveredMissing', {
                backup: status.store.recovery.backup,
                at: formatDateTime(status.store.recovery.backupTakenAt),
              })
            : t('store.recovered', {
                reason: status.store.recovery.reason,
                damaged: status.store.recovery.damagedFile,
                at: formatDateTime(status.store.recovery.backupTakenAt),
              })}
        </Notice>
      )}
      {status.store.unreadSaves.map((u) => (
        <Notice key={u.file || u.at} kind="warning">
          {t(u.missing ? 'store.missingSaves' : 'store.unreadSaves', {
            first: u.missing?.first,
            last: u.missing?.last,
            line: u.line,
            saves: u.saves,
            from: u.fromByte,
            to: u.toByte,
            reason: u.reason,
            file: u.file,
          })}
        </Notice>
      ))}
      {(status.store.recovery || status.store.unreadSaves.length > 0) && (
        <p className="hint">{t('store.acknowledgeHint')}</p>
      )}
      {status.store.archiveProblems.length > 0 && (
        <Notice kind="warning">
          {t('store.archiveProblems', { months: status.store.archiveProblems.join(', ') })}
        </Notice>
      )}
      {status.store.notices.map((n) => (
        <Notice key={n.key} kind="warning">
          {t(`store.notices.${n.key}`, n.params)}
        </Notice>
      ))}
      {!status.audit.ok && (
        <Notice kind="error">
          {status.audit.expected !== undefined
            ? t('store.auditShort', {
                at: status.audit.brokenAt,
                entries: status.audit.entries,
                expected: status.audit.expected,
              })
            : t('store.auditBroken', { at: status.audit.brokenAt, entries: status.audit.entries })}
        </Notice>
      )}
    </>
  )
  const onSession = (_s: Session) => {
    setView({ name: 'home' })
    void refresh()
  }
  const changeLocale = async (locale: Locale) => {
    const result = await api['app:setLocale']({ locale })
    if (result.ok) await refresh()
  }

  // No data file beside earlier data: never a first-run set-up; the newest backup is offered.
  if (status.store.state === 'missing') {
    return <MissingDataPage status={status} warning={storeWarning} onRestored={() => void refresh()} />
  }
  // Nothing can be read from a damaged or busy data file: say so instead of offering a sign-in.
  if (status.store.state === 'corrupt' || status.store.state === 'locked') {
    return (
      <main className="centered-page">
        <div className="card narrow">
          <h1>{t('store.title')}</h1>
          {storeWarning}
        </div>
      </main>
    )
  }
  if (status.setupNeeded) return <SetupPage onDone={onSession} />
  if (!status.session) {
    return (
      <>
        {storeWarning}
        <SignInPage branchName={status.branch?.name ?? ''} onDone={onSession} />
      </>
    )
  }
  const signOut = async () => {
    await api['auth:signOut']()
    await refresh()
  }
  return (
    <HostContext.Provider value={status.host}>
      <div className="shell">
        <TopBar status={status} view={view} onNavigate={setView} onSignOut={signOut} />
        {storeWarning}
        <main>
          {view.name === 'home' && <HomePage onOpen={(id) => setView({ name: 'detail', id })} />}
          {view.name === 'handover' && (
            <HandoverPage signedIn={status.session.staff} onOpen={(id) => setView({ name: 'detail', id })} />
          )}
          {view.name === 'reports' && <ReportsPage />}
          {view.name === 'suggestions' && <SuggestionsPage />}
          {view.name === 'list' && (
            <CaseListPage onOpen={(id) => setView({ name: 'detail', id })} onNew={() => setView({ name: 'new' })} />
          )}
          {view.name === 'new' && (
            <IntakePage
              onSaved={(c) => setView({ name: 'detail', id: c.id, saved: t('intake.saved', { number: c.number }) })}
              onCancel={() => setView({ name: 'list' })}
            />
          )}
          {view.name === 'detail' && (
            <CaseDetailPage
              id={view.id}
              savedNotice={view.saved}
              onBack={() => setView({ name: 'list' })}
              signedIn={status.session.staff}
            />
          )}
          {view.name === 'settings' && (
            <SettingsPage
              locale={status.locale}
              onLocale={changeLocale}
              signedIn={status.session.staff}
              onRestored={() => void refresh()}
            />
          )}
        </main>
      </div>
    </HostContext.Provider>
  )
}
