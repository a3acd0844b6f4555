import { useCallback, useEffect, useMemo, useState } from 'react'
import { App as AntdApp, Card } from 'antd'
import { useTranslation } from 'react-i18next'
import type { AppStatus } from '@shared/ipc/contract'
import type { Locale, Session } from '@shared/schemas/staff'
import type { CaseView } from '@shared/schemas/case'
import { ApiContext, HostContext, useApi } from './apiContext'
import { USE_ELEVATION } from '@shared/schemas/common'
import type { Api } from '@shared/ipc/contract'
import { Notice } from './components/Notice'
import { formatDateTime } from './format'
import { awaitsAcknowledgement } from '@shared/rules/dataNotice'
import { TopBar } from './components/TopBar'
import { CaseDetailPage } from './pages/CaseDetailPage'
import { CaseListPage, openingQuery } from './pages/CaseListPage'
import { prefetchCases } from './pages/listPrefetch'
import { ListWarmUp } from './pages/ListWarmUp'
import { HomePage } from './pages/HomePage'
import { HandoverPage } from './pages/HandoverPage'
import { SuggestionsPage } from './pages/SuggestionsPage'
import { ReportsPage } from './pages/ReportsPage'
import { IntakePage } from './pages/IntakePage'
import { SettingsPage, type SettingsTab } from './pages/SettingsPage'
import { SetupPage } from './pages/SetupPage'
import { MissingDataPage } from './pages/MissingDataPage'
import { StartAfresh } from './pages/StartAfresh'
import { SignInPage } from './pages/SignInPage'
import { SessionContext } from './ui/session'
import { HeadOfficeApp } from './hq/HeadOfficeApp'
import { createUnsavedRegistry, UnsavedContext } from './ui/unsaved'

/** Where a link into the list starts it (the home page's tiles): one of the list's saved views. */
export type ListFilter = { view: CaseView }

export type View =
  | { name: 'home' }
  | { name: 'handover' }
  | { name: 'reports' }
  | { name: 'list'; filter?: ListFilter }
  | { name: 'new' }
  | { name: 'detail'; id: string; saved?: string }
  | { name: 'settings'; tab?: SettingsTab }
  | { name: 'suggestions' }

export function App() {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [status, setStatus] = useState<AppStatus | null>(null)
  const [failure, setFailure] = useState<string | null>(null)
  const [view, setViewNow] = useState<View>({ name: 'home' })
  const { modal } = AntdApp.useApp()
  const unsaved = useMemo(createUnsavedRegistry, [])
  // Leaving a page that holds unsaved input asks first (a half-typed intake is not lost by a click).
  const go = useCallback(
    (next: View) => {
      if (next.name === 'list') prefetchCases(api, openingQuery(next.filter?.view))
      setViewNow(next)
    },
    [api],
  )
  const setView = useCallback(
    (next: View) => {
      if (!unsaved.anyDirty()) return go(next)
      modal.confirm({
        title: t('unsaved.title'),
        content: t('unsaved.content'),
        okText: t('unsaved.leave'),
        okButtonProps: { danger: true },
        cancelText: t('actions.cancel'),
        autoFocusButton: 'cancel',
        onOk: () => go(next),
      })
    },
    [unsaved, modal, t, go],
  )

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

  // A manager's PIN just proved stands for a few minutes: whichever form sent it, the top bar
  // learns of it from main.
  const watchedApi = useMemo(
    () =>
      new Proxy(api, {
        get: (target, channel: keyof Api) => async (input: unknown) => {
          const result = await (target[channel] as (i: unknown) => ReturnType<Api[keyof Api]>)(input)
          const pin = (input as { approval?: { pin?: string } } | undefined)?.approval?.pin
          if (result.ok && pin && pin !== USE_ELEVATION) void refresh()
          return result
        },
      }),
    [api, refresh],
  )
  // The top bar's 主管授权 goes when it runs out.
  const elevatedUntil = status?.session?.elevation?.until
  useEffect(() => {
    if (!elevatedUntil) return
    const timer = setTimeout(() => void refresh(), Math.max(0, Date.parse(elevatedUntil) - Date.now()) + 500)
    return () => clearTimeout(timer)
  }, [elevatedUntil, refresh])

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
  }, [signedIn, setView])

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
      {status.store.setAside && (
        <Notice kind="warning">
          {t('store.setAside', {
            at: formatDateTime(status.store.setAside.at),
            reason: status.store.setAside.reason,
            folder: status.store.setAside.folder,
          })}
        </Notice>
      )}
      {awaitsAcknowledgement(status.store) && <p className="hint">{t('store.acknowledgeHint')}</p>}
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
  // A damaged one (no backup usable, or it would have been put back) can be set aside for a fresh start.
  if (status.store.state === 'corrupt' || status.store.state === 'locked') {
    return (
      <main className="centered-page">
        <Card className="narrow-card">
          <h1>{t('store.title')}</h1>
          {storeWarning}
          {status.store.state === 'corrupt' && (
            <StartAfresh dataFile={status.store.dataFile} onStarted={() => void refresh()} />
          )}
        </Card>
      </main>
    )
  }
  if (status.setupNeeded) return <SetupPage onDone={onSession} />
  if (!status.session) {
    return (
      <>
        {storeWarning}
        <SignInPage branchName={status.branch?.name ?? ''} onDone={onSession} />
        {status.mode !== 'headoffice' && <ListWarmUp />}
      </>
    )
  }
  const signOut = async () => {
    await api['auth:signOut']()
    await refresh()
  }
  const endElevation = async () => {
    await api['auth:endElevation']()
    await refresh()
  }
  return (
    <ApiContext.Provider value={watchedApi}>
      <HostContext.Provider value={status.host}>
        <SessionContext.Provider value={{ session: status.session, refresh }}>
          <UnsavedContext.Provider value={unsaved}>
            {status.mode === 'headoffice' ? (
              // Head office (总部) reads every branch: its own pages, no desk.
              <HeadOfficeApp
                status={status}
                warning={storeWarning}
                onSignOut={signOut}
                onEndElevation={endElevation}
                onLocale={changeLocale}
                onRestored={() => void refresh()}
              />
            ) : (
              <div className="shell">
                <TopBar
                  status={status}
                  view={view}
                  onNavigate={setView}
                  onSignOut={signOut}
                  onEndElevation={endElevation}
                />
                <div className="store-warnings">{storeWarning}</div>
                <main>
                  {view.name === 'home' && (
                    <HomePage
                      onOpen={(id) => setView({ name: 'detail', id })}
                      onList={(filter) => setView({ name: 'list', filter })}
                      onHandover={() => setView({ name: 'handover' })}
                      onSettings={(tab) => setView({ name: 'settings', tab })}
                    />
                  )}
                  {view.name === 'home' && <ListWarmUp />}
                  {view.name === 'handover' && (
                    <HandoverPage signedIn={status.session.staff} onOpen={(id) => setView({ name: 'detail', id })} />
                  )}
                  {view.name === 'reports' && <ReportsPage />}
                  {view.name === 'suggestions' && <SuggestionsPage />}
                  {view.name === 'list' && (
                    <CaseListPage
                      key={view.filter?.view ?? 'all'}
                      initialView={view.filter?.view}
                      onOpen={(id) => setView({ name: 'detail', id })}
                      onNew={() => setView({ name: 'new' })}
                    />
                  )}
                  {view.name === 'new' && (
                    <IntakePage
                      onSaved={(c) =>
                        setView({ name: 'detail', id: c.id, saved: t('intake.saved', { number: c.number }) })
                      }
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
                      initialTab={view.tab}
                      locale={status.locale}
                      onLocale={changeLocale}
                      signedIn={status.session.staff}
                      onRestored={() => void refresh()}
                    />
                  )}
                </main>
              </div>
            )}
          </UnsavedContext.Provider>
        </SessionContext.Provider>
      </HostContext.Provider>
    </ApiContext.Provider>
  )
}
