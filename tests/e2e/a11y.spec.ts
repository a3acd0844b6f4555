import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './a11y'
import {
  chooseOption,
  fillIntake,
  intakeForm,
  openCaseAction,
  openSettings,
  saveIntake,
  useHosts,
  fillFirstManager,
} from './helpers'

// Every page and dialog through axe, in the states a clerk sees: errors shown, a select open, a
// picker open, a red question, the PIN dialog — not only the first paint.
const hosts = useHosts()

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('button', { name, exact: true })

test('axe finds nothing serious on any page or dialog, in zh-CN and English', async ({ page }) => {
  test.slow() // some thirty states, each scanned
  const host = await hosts.start()
  await page.goto(host.url)

  // First run: empty, then with its errors shown.
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible()
  await expectAccessible(page, 'setup')
  await page.getByRole('button', { name: '下一步' }).click()
  await expect(page.getByText('此项必填').first()).toBeVisible()
  await expectAccessible(page, 'setup with errors')
  await page.getByLabel('网点名称').fill('静安寺店')
  await page.getByLabel('网点编号').fill('SH01')
  await page.getByRole('button', { name: '下一步' }).click()
  await fillFirstManager(page)
  await page.getByRole('button', { name: '下一步' }).click()
  await expectAccessible(page, 'setup: contacts')
  const contact = page.getByRole('group', { name: '联系人 1' })
  await contact.getByLabel('电话').fill('13800001111')
  await page.getByLabel('服务电话', { exact: true }).fill('021-62345678')
  await page.getByRole('button', { name: '下一步' }).click()
  await expectAccessible(page, 'setup: departments')
  await page.getByRole('button', { name: '完成设置并登录' }).click()
  await expect(page.getByRole('heading', { name: '首页', level: 1 })).toBeVisible({ timeout: 30_000 })
  await expectAccessible(page, 'home, empty')

  // Intake: empty, refused, a select open, the date picker open, then saved.
  await page.keyboard.press('F2')
  const form = intakeForm(page)
  await expect(form.getByLabel(/^客户姓名/)).toBeVisible({ timeout: 30_000 })
  await expectAccessible(page, 'intake')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.getByText('此项必填').first()).toBeVisible()
  await expectAccessible(page, 'intake with errors')
  await form.getByLabel(/^投诉类别/).click()
  await expect(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')).toBeVisible()
  await expectAccessible(page, 'intake: a select open')
  await page.keyboard.press('Escape')
  await form.getByLabel(/^受理时间/).click()
  await expect(page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)')).toBeVisible()
  await expectAccessible(page, 'intake: the date-time picker open')
  await page.keyboard.press('Escape')
  await form.getByLabel(/^客户姓名/).fill('张先生') // something typed: leaving asks first
  await form.getByRole('button', { name: '取消' }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectAccessible(page, 'intake: leave without saving?')
  await page.getByRole('dialog').getByRole('button', { name: '放弃登记' }).click()
  await expect(page.getByText('已放弃这条登记')).toBeVisible()

  await fillIntake(page, {
    name: '王女士',
    category: '收银差错',
    description: '找零少了二十元。',
    demand: '退款',
    mood: '不满',
  })
  await saveIntake(page)
  await expectAccessible(page, 'case workspace')
  for (const tab of ['处理步骤', '补偿方案', '承诺', '证据附件', '备注与告知']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click()
    await expectAccessible(page, `case workspace: ${tab}`)
  }
  const voidIt = await openCaseAction(page, '作废')
  await expectAccessible(page, 'case: the void drawer')
  await voidIt.getByLabel('原因').fill('重复登记')
  await voidIt.getByRole('button', { name: '作废', exact: true }).click()
  const ask = page.getByRole('dialog', { name: /确定作废 KS-/ })
  await expect(ask).toBeVisible()
  await expectAccessible(page, 'case: the red question before voiding')
  await ask.getByRole('button', { name: '取消' }).click()
  await expect(ask).toBeHidden()
  await voidIt
    .getByRole('button', { name: /关闭|Close/ })
    .first()
    .click()

  // The other pages as they first show.
  for (const [name, heading] of [
    ['投诉列表', '投诉列表'],
    ['交接班', '交接班'],
    ['建议/意见', '建议/意见'],
    ['报表', null],
    ['首页', '首页'],
  ] as const) {
    await nav(page, name).click()
    if (heading) await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible()
    else await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expectAccessible(page, name)
  }
  await nav(page, '投诉列表').click()
  await page.getByRole('row', { name: /王女士/ }).waitFor()
  await expectAccessible(page, 'the list with a case')

  // Settings, every tab; the manager's PIN dialog once the standing approval is ended.
  await openSettings(page)
  for (const tab of ['员工与部门', '处理规则', '补偿', '关键词', '话术', '数据与备份', '总部同步', '通用']) {
    await page.getByRole('tab', { name: tab, exact: true }).click()
    await expectAccessible(page, `设置 → ${tab}`)
  }
  await page.getByRole('button', { name: '结束授权' }).click()
  await page.getByRole('tab', { name: '员工与部门', exact: true }).click()
  await page
    .getByRole('button', { name: /^停用：/ })
    .last()
    .click()
  await expect(page.getByRole('dialog')).toBeVisible()
  await expectAccessible(page, 'the red question before 停用')
  await page.getByRole('dialog').getByRole('button', { name: '停用', exact: true }).click()
  const pin = page.getByRole('dialog').filter({ has: page.getByLabel('主管 PIN 码') })
  await expect(pin).toBeVisible()
  await expectAccessible(page, 'the manager PIN dialog')
  await pin.getByRole('button', { name: '取消' }).click()

  // English: the same pages in the second language.
  await openSettings(page, '通用')
  await chooseOption(page.getByLabel('界面语言'), 'English')
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expectAccessible(page, 'Settings in English')
  for (const name of ['Home', 'Complaints']) {
    await nav(page, name).click()
    await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible()
    await expectAccessible(page, `${name} in English`)
  }
  await page.keyboard.press('F2')
  await expect(page.getByRole('form', { name: 'Intake' })).toBeVisible()
  await expectAccessible(page, 'Intake in English')

  // Signed out: the sign-in page.
  await page.getByRole('button', { name: /^(Sign out|退出)$/ }).click()
  await expect(page.getByRole('button', { name: /^(Sign in|登录)$/ })).toBeVisible()
  await expectAccessible(page, 'sign in')
})
