import { expect, test } from '@playwright/test'
import { managerDesk, linkHeadOffice, useHosts } from './helpers'

const hosts = useHosts()

// Without a head office database here the link is set against a port nothing listens on: the
// desk keeps working, and the top bar says it is offline with the saves still to send.
test('a manager sets the head office link; the password is not shown again; offline is said, the desk goes on', async ({
  page,
}) => {
  await managerDesk(page, hosts)
  const card = await linkHeadOffice(page, {
    region: '总部同步',
    loginLabel: '网点账号',
    login: 'branch_sh01',
    password: 'a-long-password-123',
    port: 1,
  })
  const form = card.getByRole('form', { name: '总部连接（主管 PIN）' })
  await expect(card).toContainText('密码已保存在数据文件夹中（仅本机账户可读），不再显示。')
  await expect(form.getByLabel('密码', { exact: true })).toHaveValue('')
  await expect(page.getByRole('banner').getByRole('status').filter({ hasText: /总部/ })).toContainText(
    /总部离线|待同步|总部已同步/,
  )
  await expect(page.getByRole('banner').getByRole('status').filter({ hasText: /总部/ })).toContainText('总部离线', {
    timeout: 20_000,
  })
  await expect(card.locator('.sync-status')).toContainText(/总部：离线（自 .+），待同步 \d+ 条/)
  // The card and the top bar are what this journey shows.
  await card.screenshot({ path: 'test-results/screens/44-headoffice-card.png' })
  await page.getByRole('banner').screenshot({ path: 'test-results/screens/44-headoffice-topbar.png' })
})
