import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Tag } from 'antd'
import type { AppStatus } from '@shared/ipc/contract'
import type { HqCaseRef } from '@shared/schemas/headquarters'
import type { Locale } from '@shared/schemas/staff'
import { NavItem, UserArea } from '../components/UserArea'
import { HqCaseDrawer } from './HqCaseDrawer'
import { HqCasesPage } from './HqCasesPage'
import { HqPatternsPage } from './HqPatternsPage'
import { HqReportsPage } from './HqReportsPage'
import { HqSettingsPage } from './HqSettingsPage'
import { HqWeeklyPage } from './HqWeeklyPage'

type Page = 'cases' | 'weekly' | 'reports' | 'patterns' | 'settings'

/**
 * The app as head office (总部) sees it once signed in (docs/architecture.md, "Head office
 * mode"): every branch's complaints, the weekly tracking per branch, the Class 2 reports inbox
 * and cross-branch patterns. A case opens read-only beside the page it was opened from.
 */
export function HeadOfficeApp({
  status,
  warning,
  onSignOut,
  onEndElevation,
  onLocale,
  onRestored,
}: {
  status: AppStatus
  warning: React.ReactNode
  onSignOut: () => void
  onEndElevation: () => void
  onLocale: (l: Locale) => void
  onRestored: () => void
}) {
  const { t } = useTranslation()
  const [page, setPage] = useState<Page>('cases')
  const [open, setOpen] = useState<HqCaseRef | null>(null)
  const staff = status.session!.staff
  const tab = (name: Page) => (
    <NavItem active={page === name} onClick={() => setPage(name)}>
      {t(`hq.nav.${name}`)}
    </NavItem>
  )
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <strong>{t('app.title')}</strong>
          <Tag color="blue">{t('hq.title')}</Tag>
          <span className="muted">{status.branch?.name}</span>
        </div>
        <nav aria-label={t('hq.title')}>
          {tab('cases')}
          {tab('weekly')}
          {tab('reports')}
          {tab('patterns')}
          {tab('settings')}
        </nav>
        <UserArea session={status.session!} onSignOut={onSignOut} onEndElevation={onEndElevation} />
      </header>
      <div className="store-warnings">{warning}</div>
      <main>
        {page === 'cases' && <HqCasesPage onOpen={setOpen} />}
        {page === 'weekly' && <HqWeeklyPage />}
        {page === 'reports' && <HqReportsPage signedIn={staff} onOpen={setOpen} />}
        {page === 'patterns' && <HqPatternsPage onOpen={setOpen} />}
        {page === 'settings' && (
          <HqSettingsPage locale={status.locale} onLocale={onLocale} signedIn={staff} onRestored={onRestored} />
        )}
      </main>
      <HqCaseDrawer target={open} onClose={() => setOpen(null)} />
    </div>
  )
}
