import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  CLERK,
  approve,
  chooseOption,
  managerDesk,
  confirmAndApprove,
  escalationCard,
  MANAGER,
  openSettings,
  SERVICE_PHONE,
  SETUP_CONTACT,
  signIn,
  useHosts,
  fillFirstManager,
} from './helpers'

const hosts = useHosts()
// Long journeys with screenshots at two sizes: more than the default minute on a busy machine.
test.describe.configure({ timeout: 240_000 })
const SIZES = [
  [1366, 768],
  [1920, 1080],
] as const

const shotAt = async (page: Page, name: string) => {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: `test-results/screens/settings-${name}-${width}.png` })
  }
  await page.setViewportSize({ width: 1366, height: 768 })
}

/** The options a department select offers (a native select, or an antd one opened and closed). */
async function optionsOf(control: Locator): Promise<string[]> {
  if (await control.evaluate((el) => el.tagName === 'SELECT')) return control.locator('option').allTextContents()
  await control.click()
  const list = control.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
  await expect(list.first()).toBeVisible()
  const texts = await list.allTextContents()
  await control.press('Escape')
  return texts
}

test('first run asks for the contacts and the service phone; they are on the settings page and the escalation card', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const host = await hosts.start()
  await page.goto(host.url)
  const next = page.getByRole('button', { name: '下一步' })
  await shotAt(page, 'setup-1-branch')
  await next.click()
  await expect(page.getByText('此项必填').first()).toBeVisible() // nothing typed: the step stays
  await page.getByLabel('网点名称').fill('静安寺店')
  await page.getByLabel('网点编号').fill('SH01')
  await next.click()
  await fillFirstManager(page)
  await next.click()

  // The contacts step: the phone the desk calls and the service phone are checked before going on.
  const contact = page.getByRole('group', { name: '联系人 1' })
  await expect(contact.getByLabel('姓名')).toHaveValue(MANAGER.name)
  await contact.getByLabel('电话').fill('8888')
  await page.getByLabel('服务电话', { exact: true }).fill('前台')
  await next.click()
  await expect(contact.getByText('请输入正确的手机号（11 位）或座机号（区号-号码）')).toBeVisible()
  await expect(page.getByText(/请输入正确的服务电话/)).toBeVisible()
  await shotAt(page, 'setup-3-contacts-errors')
  await contact.getByLabel('职务').fill(SETUP_CONTACT.role)
  await contact.getByLabel('电话').fill(SETUP_CONTACT.phone)
  await expect(contact.getByText('请输入正确的手机号（11 位）或座机号（区号-号码）')).toHaveCount(0) // gone as fixed
  await page.getByLabel('服务电话', { exact: true }).fill(SERVICE_PHONE)
  await next.click()

  // The departments: the defaults, editable.
  await expect(page.getByLabel('部门 4', { exact: true })).toHaveValue('商品部')
  await page.getByLabel('部门 4', { exact: true }).fill('生鲜部')
  await shotAt(page, 'setup-4-departments')
  await page.getByRole('button', { name: '完成设置并登录' }).click()
  await expect(page.getByRole('heading', { name: '首页', level: 1 })).toBeVisible()

  // 首页 says what is left to set up; each item opens its settings tab.
  const checklist = page.getByRole('region', { name: '开始使用前' })
  await expect(checklist).toContainText('已完成 1/4')
  await expect(checklist.getByRole('listitem').filter({ hasText: '紧急联系人' })).toContainText('已完成')
  await shotAt(page, 'home-setup-checklist')
  await checklist
    .getByRole('listitem')
    .filter({ hasText: '添加前台员工' })
    .getByRole('button', { name: '去设置' })
    .click()
  await expect(page.getByRole('tab', { name: '员工与部门', selected: true })).toBeVisible()

  // 设置 → 通用 shows what the first run asked for.
  await openSettings(page, '通用')
  const contacts = page.getByRole('form', { name: '紧急联系人与服务电话' })
  await expect(contacts.getByRole('group', { name: '联系人 1' }).getByLabel('电话')).toHaveValue(SETUP_CONTACT.phone)
  await expect(contacts.getByLabel('服务电话', { exact: true })).toHaveValue(SERVICE_PHONE)
  await expect(contacts.getByRole('button', { name: '删除联系人 1' })).toBeDisabled() // never none
  await shotAt(page, 'tab-general')

  // The first urgent case lists whom to call.
  await page.keyboard.press('F2')
  await page.getByLabel(/^客户姓名/).fill('刘女士')
  await page.getByLabel(/^投诉内容/).fill('顾客在门口滑倒摔伤了腿。')
  await chooseOption(page.getByLabel(/^涉及部门/), '生鲜部')
  await chooseOption(page.getByLabel(/^投诉类别/), '环境/设施')
  await chooseOption(page.getByLabel(/^客户诉求/), '赔偿')
  await page.getByRole('radio', { name: '激动' }).check()
  await page.getByRole('button', { name: '保存' }).click()
  const card = escalationCard(page)
  await expect(card).toContainText(SETUP_CONTACT.phone)
  await expect(card).not.toContainText('尚未设置主管联系人')
})

test('staff and departments are renamed and deactivated, never deleted; the settings tabs at both sizes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await managerDesk(page, hosts, { clerks: [CLERK] })

  await openSettings(page) // opens on the tab last in view: 员工与部门
  await expect(page.getByRole('tab', { name: '员工与部门', selected: true })).toBeVisible()
  // The last active manager cannot be deactivated (nor can the one signed in): the button says why.
  await expect(page.getByRole('button', { name: `停用：${MANAGER.name}` })).toBeDisabled()

  // Renamed: a dialog with the name, approved under the standing approval.
  await page.getByRole('row', { name: /李娜/ }).getByRole('button', { name: '改名' }).click()
  const rename = page.getByRole('dialog').filter({ has: page.getByLabel('新名称') })
  await rename.getByLabel('新名称').fill('李娜娜')
  await approve(rename)
  await rename.getByRole('button', { name: '改名' }).click()
  await expect(page.getByText('已改名：李娜 → 李娜娜')).toBeVisible()

  // Deactivated: asked in red first; the row stays, marked 已停用.
  await page.getByRole('button', { name: '停用：李娜娜' }).click()
  await expect(page.getByRole('dialog')).toContainText('停用后不能登录')
  await shotAt(page, 'deactivate-confirm')
  await confirmAndApprove(page, '停用', page.getByText('已停用：李娜娜'))
  const row = page.getByRole('row', { name: /李娜娜/ })
  await expect(row).toContainText('已停用')
  await expect(row.getByRole('button', { name: '启用：李娜娜' })).toBeVisible()

  // A department deactivated is not offered for new complaints.
  await page.getByRole('button', { name: '停用：商品部' }).click()
  await confirmAndApprove(page, '停用', page.getByText('已停用：商品部'))
  await shotAt(page, 'tab-people')
  await page.keyboard.press('F2')
  expect(await optionsOf(page.getByLabel(/^涉及部门/))).not.toContain('商品部')
  await page.getByRole('navigation').getByRole('button', { name: '首页' }).click()
  const leave = page.getByRole('dialog').filter({ hasText: '有未保存的内容' })
  if (await leave.isVisible()) await leave.getByRole('button', { name: '离开' }).click()

  // The deactivated clerk is not on the sign-in list.
  await page.getByRole('button', { name: '退出' }).click()
  expect(await optionsOf(page.getByLabel('员工姓名'))).not.toContain('李娜娜（员工）')
  await signIn(page, MANAGER.name, MANAGER.pin)

  // Every tab, looked at; and how tall each is (the page was ~10,000 px in one).
  const heights: string[] = []
  for (const tab of ['员工与部门', '处理规则', '补偿', '关键词', '话术', '数据与备份', '总部同步', '通用']) {
    await openSettings(page, tab)
    await expect(page.getByRole('tab', { name: tab, selected: true })).toBeVisible()
    await page.waitForTimeout(300)
    heights.push(`${tab} ${await page.evaluate(() => document.documentElement.scrollHeight)}px`)
    await shotAt(page, `tab-${heights.length}`)
  }
  console.log(`settings tab heights at 1366×768: ${heights.join(', ')}`)
})
