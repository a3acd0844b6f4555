import { useTranslation } from 'react-i18next'
import { Select } from 'antd'
import type { Locale, StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'
import { BackupsCard } from '../pages/BackupsCard'
import { HeadOfficeCard } from '../pages/HeadOfficeCard'
import { AddStaffForm } from '../pages/SettingsPage'

/** Head office's settings: its database link (a head office login), its staff, backups, the language. */
export function HqSettingsPage({
  locale,
  onLocale,
  signedIn,
  onRestored,
}: {
  locale: Locale
  onLocale: (l: Locale) => void
  signedIn: StaffPublic
  onRestored: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const managers = staff.state === 'ready' ? staff.data.filter((s) => s.role === 'manager') : []
  const approver = signedIn.role === 'manager' ? signedIn.id : ''
  return (
    <section className="page" aria-labelledby="hq-settings-title">
      <header className="page-header">
        <h1 id="hq-settings-title">{t('settings.title')}</h1>
      </header>
      <div className="card">
        <label className="inline">
          {t('settings.language')}{' '}
          <Select<Locale>
            aria-label={t('settings.language')}
            value={locale}
            onChange={onLocale}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </label>
      </div>
      {staff.state === 'error' && <Notice kind="error">{staff.error.message}</Notice>}
      {staff.state === 'ready' && <HeadOfficeCard headquarters managers={managers} approver={approver} />}
      {staff.state === 'ready' && (
        <div className="card">
          <h2>{t('settings.staff')}</h2>
          <ul className="plain-list">
            {staff.data.map((s) => (
              <li key={s.id}>
                {s.name} <span className="badge">{t(`roles.${s.role}`)}</span>
              </li>
            ))}
          </ul>
          <AddStaffForm managers={managers} approver={approver} onAdded={staff.reload} />
        </div>
      )}
      {staff.state === 'ready' && <BackupsCard managers={managers} approver={approver} onRestored={onRestored} />}
    </section>
  )
}
