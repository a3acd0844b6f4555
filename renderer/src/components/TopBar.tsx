import { useTranslation } from 'react-i18next'
import type { AppStatus } from '@shared/ipc/contract'
import type { View } from '../App'
import { NavItem, UserArea } from './UserArea'

type Tab = 'home' | 'list' | 'new' | 'handover' | 'suggestions' | 'reports' | 'settings'

export function TopBar({
  status,
  view,
  onNavigate,
  onSignOut,
  onEndElevation,
}: {
  status: AppStatus
  view: View
  onNavigate: (v: View) => void
  onSignOut: () => void
  onEndElevation: () => void
}) {
  const { t } = useTranslation()
  const tab = (name: Tab, label: string) => (
    <NavItem active={view.name === name} onClick={() => onNavigate({ name } as View)}>
      {label}
    </NavItem>
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
      <UserArea session={status.session!} onSignOut={onSignOut} onEndElevation={onEndElevation} />
    </header>
  )
}
