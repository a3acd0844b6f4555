import { useTranslation } from 'react-i18next'
import type { AppStatus } from '@shared/ipc/contract'
import type { View } from '../App'
import { SyncStatusLine } from './SyncStatusLine'

export function TopBar({
  status,
  view,
  onNavigate,
  onSignOut,
}: {
  status: AppStatus
  view: View
  onNavigate: (v: View) => void
  onSignOut: () => void
}) {
  const { t } = useTranslation()
  const staff = status.session!.staff
  const tab = (name: 'home' | 'list' | 'new' | 'handover' | 'suggestions' | 'reports' | 'settings', label: string) => (
    <button
      type="button"
      className={`nav-item${view.name === name ? ' active' : ''}`}
      aria-current={view.name === name ? 'page' : undefined}
      onClick={() => onNavigate({ name } as View)}
    >
      {label}
    </button>
  )
  return (
    <header className="topbar">
      <div className="brand">
        <strong>{t('app.title')}</strong>
        <span className="muted">{status.branch?.name}</span>
      </div>
      <nav aria-label={t('app.title')}>
        {tab('home', t('nav.home'))}
        {tab('list', t('nav.cases'))}
        {tab('new', `${t('nav.newCase')} (F2)`)}
        {tab('handover', t('nav.handover'))}
        {tab('suggestions', t('nav.suggestions'))}
        {tab('reports', t('nav.reports'))}
        {tab('settings', t('nav.settings'))}
      </nav>
      <div className="user">
        <SyncStatusLine compact />
        <span>{t('nav.signedInAs', { name: staff.name, role: t(`roles.${staff.role}`) })}</span>
        <button type="button" onClick={onSignOut}>
          {t('actions.signOut')}
        </button>
      </div>
    </header>
  )
}
