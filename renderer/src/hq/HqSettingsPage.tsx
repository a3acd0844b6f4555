import { useTranslation } from 'react-i18next'
import { Alert, Card, Select, Tabs } from 'antd'
import type { Locale, StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { useLoad } from '../hooks/useLoad'
import { popupContainer } from '../ui/fields'
import { optionMatches } from '../ui/pinyin'
import { BackupsCard } from '../pages/BackupsCard'
import { HeadOfficeCard } from '../pages/HeadOfficeCard'
import { PeopleTab } from '../pages/settings/PeopleTab'

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
  const ready = staff.state === 'ready'
  const items = [
    {
      key: 'headOffice',
      label: t('hq.settings.link'),
      children: ready && <HeadOfficeCard headquarters managers={managers} />,
    },
    {
      key: 'people',
      label: t('settings.staff'),
      children: <PeopleTab signedIn={signedIn} onChanged={staff.reload} departmentsShown={false} />,
    },
    {
      key: 'data',
      label: t('settings.tabs.data'),
      children: ready && <BackupsCard managers={managers} onRestored={onRestored} />,
    },
    {
      key: 'general',
      label: t('settings.tabs.general'),
      children: (
        <Card title={t('settings.generalTitle')} size="small">
          <label htmlFor="hq-settings-language">{t('settings.language')}</label>{' '}
          <Select<Locale>
            id="hq-settings-language"
            value={locale}
            onChange={onLocale}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
            showSearch={{ filterOption: (input, option) => optionMatches(String(option?.label ?? ''), input) }}
            style={{ minWidth: 140 }}
            getPopupContainer={popupContainer}
          />
        </Card>
      ),
    },
  ]
  return (
    <section className="page" aria-labelledby="hq-settings-title">
      <header className="page-header">
        <h1 id="hq-settings-title">{t('settings.title')}</h1>
      </header>
      {staff.state === 'error' && <Alert type="error" showIcon message={staff.error.message} />}
      <Tabs defaultActiveKey="headOffice" items={items} />
    </section>
  )
}
