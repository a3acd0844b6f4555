import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Tag, Tooltip } from 'antd'
import { CloseOutlined } from '@ant-design/icons'
import type { AppStatus } from '@shared/ipc/contract'
import { formatTime } from '../format'
import { SyncStatusLine } from './SyncStatusLine'

/** One item of a top bar's navigation: the page shown is marked for the eye and for screen readers. */
export function NavItem({ active, onClick, children }: { active: boolean; onClick: () => void; children: ReactNode }) {
  return (
    <Button
      type="text"
      className={`nav-item${active ? ' active' : ''}`}
      aria-current={active ? 'page' : undefined}
      onClick={onClick}
    >
      {children}
    </Button>
  )
}

/**
 * The right end of a top bar, the desk's and head office's alike: sync state, a manager's
 * approval in force (主管授权, ended by its icon), who is signed in, 退出. One row at 1280 px in
 * either language: nothing here wraps.
 */
export function UserArea({
  session,
  onSignOut,
  onEndElevation,
}: {
  session: NonNullable<AppStatus['session']>
  onSignOut: () => void
  onEndElevation: () => void
}) {
  const { t } = useTranslation()
  const { staff, elevation } = session
  return (
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
  )
}
