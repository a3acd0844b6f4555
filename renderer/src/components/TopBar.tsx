import { useTranslation } from 'react-i18next'
import { Button, Tag, Tooltip } from 'antd'
import { CloseOutlined } from '@ant-design/icons'
import type { AppStatus } from '@shared/ipc/contract'
import type { View } from '../App'
import { formatTime } from '../format'
import { SyncStatusLine } from './SyncStatusLine'

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
  const staff = status.session!.staff
  const elevation = status.session!.elevation
  const tab = (name: Tab, label: string) => (
    <Button
      type="text"
      className={`nav-item${view.name === name ? ' active' : ''}`}
      aria-current={view.name === name ? 'page' : undefined}
      onClick={() => onNavigate({ name } as View)}
    >
      {label}
    </Button>
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
      {/* One row at 1280 px in either language: nothing here wraps, the end of 主管授权 is an icon. */}
      <div className="user">
        <SyncStatusLine compact />
        {elevation && (
          <Tag color="gold" className="elevation-tag" role="status">
            {t('elevation.topBar', { name: elevation.by.name, until: formatTime(elevation.until) })}
            <Tooltip title={t('elevation.end')}>
              <Button
                size="small"
                type="text"
                className="elevation-end"
                aria-label={t('elevation.end')}
                icon={<CloseOutlined />}
                onClick={onEndElevation}
              />
            </Tooltip>
          </Tag>
        )}
        <span className="signed-in">{t('nav.signedInAs', { name: staff.name, role: t(`roles.${staff.role}`) })}</span>
        <Button ghost size="small" onClick={onSignOut}>
          {t('actions.signOut')}
        </Button>
      </div>
    </header>
  )
}
