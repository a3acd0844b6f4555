import { useTranslation } from 'react-i18next'
import { Button, Card, List, Tag, Typography } from 'antd'
import type { HomeSummary } from '@shared/schemas/home'
import type { SetupTask } from '@shared/values/options'
import type { SettingsTab } from './SettingsPage'

/** Where each item is done under 设置. */
const TAB: Record<SetupTask, SettingsTab> = {
  contacts: 'general',
  staff: 'people',
  policy: 'compensation',
  backup: 'data',
}

/** 开始使用前 on 首页: what the branch still has to set up, each a way to its settings tab. */
export function SetupChecklist({
  items,
  onSettings,
}: {
  items: NonNullable<HomeSummary['setup']>
  onSettings: (tab: SettingsTab) => void
}) {
  const { t } = useTranslation()
  const done = items.filter((i) => i.done).length
  return (
    <section aria-labelledby="home-setup">
      <Card
        className="home-setup"
        title={<h2 id="home-setup">{t('home.setup.title')}</h2>}
        extra={
          <Typography.Text type="secondary">{t('home.setup.progress', { done, total: items.length })}</Typography.Text>
        }
      >
        <Typography.Paragraph type="secondary">{t('home.setup.hint')}</Typography.Paragraph>
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item>
              <span>
                <Tag color={item.done ? 'success' : 'default'}>
                  {item.done ? t('home.setup.done') : t('home.setup.todo')}
                </Tag>
                {t(`home.setup.tasks.${item.task}`)}
              </span>
              {!item.done && (
                <Button type="link" onClick={() => onSettings(TAB[item.task])}>
                  {t('home.setup.go')}
                </Button>
              )}
            </List.Item>
          )}
        />
      </Card>
    </section>
  )
}
