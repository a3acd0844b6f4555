import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Space, Tag } from 'antd'
import type { AppStatus } from '@shared/ipc/contract'
import type { HqCaseRef } from '@shared/schemas/headquarters'
import type { Locale } from '@shared/schemas/staff'
import { SyncStatusLine } from '../components/SyncStatusLine'
import { formatTime } from '../format'
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
  const elevation = status.session!.elevation
  const tab = (name: Page) => (
    <Button
      type="text"
      className={`nav-item${page === name ? ' active' : ''}`}
      aria-current={page === name ? 'page' : undefined}
      onClick={() => setPage(name)}
    >
      {t(`hq.nav.${name}`)}
    </Button>
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
        <Space className="user" size="small" wrap>
          <SyncStatusLine compact />
          {elevation && (
            <Tag color="gold" className="elevation-tag" role="status">
              {t('elevation.topBar', { name: elevation.by.name, until: formatTime(elevation.until) })}{' '}
              <Button size="small" type="link" onClick={onEndElevation}>
                {t('elevation.end')}
              </Button>
            </Tag>
          )}
          <span>{t('nav.signedInAs', { name: staff.name, role: t(`roles.${staff.role}`) })}</span>
          <Button ghost onClick={onSignOut}>
            {t('actions.signOut')}
          </Button>
        </Space>
      </header>
      {warning}
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
