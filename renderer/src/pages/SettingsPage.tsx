import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Descriptions, Select, Space, Tabs } from 'antd'
import type { Locale, StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { useLoad } from '../hooks/useLoad'
import { popupContainer } from '../ui/fields'
import { optionMatches } from '../ui/pinyin'
import { PeopleTab } from './settings/PeopleTab'
import { ContactsForm } from './settings/ContactsForm'
import { PolicySectionForm } from './WorkflowSettingsForm'
import { ScriptsSettingsForm } from './ScriptsSettingsForm'
import { BackupsCard } from './BackupsCard'
import { BundleCard } from './BundleCard'
import { RetentionCard } from './RetentionCard'
import { HeadOfficeCard } from './HeadOfficeCard'

export const SETTINGS_TABS = [
  'people',
  'rules',
  'compensation',
  'keywords',
  'scripts',
  'data',
  'headOffice',
  'general',
] as const
export type SettingsTab = (typeof SETTINGS_TABS)[number]

const TAB_KEY = 'complaint-desk:settings-tab'

/** The tab last in view (per browser profile): coming back to 设置 opens it again. */
function rememberedTab(): SettingsTab {
  try {
    const saved = window.localStorage.getItem(TAB_KEY)
    return (SETTINGS_TABS as readonly string[]).includes(saved ?? '') ? (saved as SettingsTab) : 'people'
  } catch {
    return 'people'
  }
}

function remember(tab: SettingsTab): void {
  try {
    window.localStorage.setItem(TAB_KEY, tab)
  } catch {
    // Storage refused (private window): the tab is simply not remembered.
  }
}

/**
 * 设置 (issue 14): one tab per area instead of one page ten thousand pixels tall. Each form saves
 * its own part of the branch policy with a manager's approval; the tab in view is remembered.
 */
export function SettingsPage({
  initialTab,
  locale,
  onLocale,
  signedIn,
  onRestored,
}: {
  /** The tab to open on (首页's setup checklist); otherwise the one last in view. */
  initialTab?: SettingsTab
  locale: Locale
  onLocale: (l: Locale) => void
  signedIn: StaffPublic
  onRestored: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [tab, setTab] = useState<SettingsTab>(() => initialTab ?? rememberedTab())
  const show = (next: SettingsTab) => {
    setTab(next)
    remember(next)
  }
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const policy = useLoad(() => api['settings:get'](), [])
  const status = useLoad(() => api['app:status'](), [])
  const managers = staff.state === 'ready' ? staff.data.filter((s) => s.role === 'manager') : []
  const ready = policy.state === 'ready' && staff.state === 'ready'
  const failed = policy.state === 'error' ? policy.error : staff.state === 'error' ? staff.error : null
  // The policy is read again after every save, so each form merges its part onto what main has now.
  const section = (id: 'rules' | 'compensation' | 'keywords' | 'privacy' | 'backups') =>
    ready && <PolicySectionForm section={id} settings={policy.data} managers={managers} onSaved={policy.reload} />

  const items = [
    {
      key: 'people',
      label: t('settings.tabs.people'),
      children: <PeopleTab signedIn={signedIn} onChanged={staff.reload} />,
    },
    { key: 'rules', label: t('settings.tabs.rules'), children: section('rules') },
    { key: 'compensation', label: t('settings.tabs.compensation'), children: section('compensation') },
    { key: 'keywords', label: t('settings.tabs.keywords'), children: section('keywords') },
    {
      key: 'scripts',
      label: t('settings.tabs.scripts'),
      children: ready && <ScriptsSettingsForm settings={policy.data} managers={managers} onSaved={policy.reload} />,
    },
    {
      key: 'data',
      label: t('settings.tabs.data'),
      children: ready && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <BackupsCard managers={managers} onRestored={onRestored} />
          {section('backups')}
          <BundleCard managers={managers} />
        </Space>
      ),
    },
    {
      key: 'headOffice',
      label: t('settings.tabs.headOffice'),
      children: ready && <HeadOfficeCard managers={managers} />,
    },
    {
      key: 'general',
      label: t('settings.tabs.general'),
      children: ready && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card title={t('settings.generalTitle')} size="small">
            <Descriptions
              column={{ xs: 1, md: 3 }}
              items={[
                {
                  key: 'language',
                  label: <label htmlFor="settings-language">{t('settings.language')}</label>,
                  children: (
                    <Select
                      id="settings-language"
                      value={locale}
                      onChange={(l: Locale) => onLocale(l)}
                      options={[
                        { value: 'zh-CN', label: '简体中文' },
                        { value: 'en', label: 'English' },
                      ]}
                      showSearch={{
                        filterOption: (input, option) => optionMatches(String(option?.label ?? ''), input),
                      }}
                      style={{ minWidth: 140 }}
                      getPopupContainer={popupContainer}
                    />
                  ),
                },
                {
                  key: 'branch',
                  label: t('setup.branchName'),
                  children: status.state === 'ready' ? status.data.branch?.name : '',
                },
                {
                  key: 'code',
                  label: t('setup.branchCode'),
                  children: <span className="mono">{status.state === 'ready' ? status.data.branch?.code : ''}</span>,
                },
              ]}
            />
          </Card>
          <ContactsForm settings={policy.data} managers={managers} onSaved={policy.reload} />
          {section('privacy')}
          <RetentionCard managers={managers} reload={policy.data.retentionMonths ?? 0} />
        </Space>
      ),
    },
  ]

  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      {failed && <Alert type="error" showIcon message={failed.message} />}
      {/* A branch set up before the first run asked for them: say so on every tab until filled in. */}
      {policy.state === 'ready' &&
        (policy.data.managerContacts.length === 0 || policy.data.serviceContact.trim() === '') && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('settings.contactsMissing')}
            action={
              tab !== 'general' && (
                <Button size="small" onClick={() => show('general')}>
                  {t('settings.contactsGo')}
                </Button>
              )
            }
          />
        )}
      <Tabs activeKey={tab} onChange={(key) => show(key as SettingsTab)} items={items} />
    </section>
  )
}
