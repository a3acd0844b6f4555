import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import {
  chooseOption,
  completeSetup,
  MANAGER,
  newDataDir,
  openList,
  openSettings,
  shot,
  signIn,
  useHosts,
} from './helpers'

const hosts = useHosts()

test('first run → sign in → log a complaint in Chinese → find it in the list → open it; data survives a restart', async ({
  page,
}) => {
  const dataDir = await newDataDir()
  let host = await hosts.start(dataDir)
  await page.goto(host.url)
  await shot(page, '01-first-run')
  await completeSetup(page)
  await openList(page)
  await expect(page.getByText('还没有投诉记录')).toBeVisible()
  await shot(page, '02-empty-list')

  // Sign out and back in by name + PIN; a wrong PIN says so.
  await page.getByRole('button', { name: '退出' }).click()
  await page.getByLabel('员工姓名').selectOption({ label: `${MANAGER.name}（主管）` })
  await page.getByLabel('PIN 码').fill('0000')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByRole('alert')).toHaveText('PIN 码不正确，还可再试 4 次。')
  await signIn(page, MANAGER.name, MANAGER.pin)
  await expect(page.getByText(`当前用户：${MANAGER.name}（主管）`)).toBeVisible()

  // F2 opens a new case from anywhere.
  await page.keyboard.press('F2')
  await expect(page.getByRole('heading', { name: '受理登记' })).toBeVisible()
  await expect(page.getByLabel(/^客户姓名/)).toBeFocused()
  await page.getByLabel(/^客户姓名/).fill('欧阳娜娜')
  await page.getByLabel(/^联系电话/).fill('139 1234 5678')
  await chooseOption(page.getByLabel(/^客户类型/), '会员')
  await page.getByRole('radio', { name: '激动' }).check()
  await chooseOption(page.getByLabel(/^涉及部门/), '收银')
  await chooseOption(page.getByLabel(/^投诉类别/), '收银差错')
  await page.getByLabel(/^涉及商品\/服务/).fill('生鲜区水果')
  await page.getByLabel(/^商品\/服务金额/).fill('38.00')
  await page.getByLabel(/^损失金额/).fill('10.50')
  await page.getByLabel(/^投诉内容/).fill('结账时收银员少找了十元五角，顾客当场指出后收银员态度冷淡。')
  // The description points to a cause code: one click takes it.
  await page.getByRole('button', { name: /按描述建议：少找零/ }).click()
  await expect(page.getByLabel(/^原因/)).toHaveValue('short_change')
  await chooseOption(page.getByLabel(/^客户诉求/), '退款')
  await page.getByRole('radio', { name: '我方' }).check()
  await shot(page, '03-intake-filled')
  await page.getByRole('button', { name: '保存' }).click()

  // The detail opens with the new number and everything recorded.
  const saved = page.getByText(/已保存，投诉编号 KS-\d{8}-0001/)
  await expect(saved).toBeVisible()
  const number = /KS-\d{8}-0001/.exec((await saved.textContent())!)![0]
  // The facts show the full phone; the sticky header, always in view, only the masked one.
  await expect(page.getByRole('region', { name: '登记信息' }).getByText('13912345678')).toBeVisible()
  await expect(page.getByRole('region', { name: '登记信息' }).getByText('139****5678')).toHaveCount(0)
  await expect(page.locator('.case-header')).toContainText('139****5678')
  await expect(page.getByText('¥10.50')).toBeVisible()
  await expect(page.getByRole('complementary', { name: '处理记录' }).getByText('受理登记')).toBeVisible()
  await expect(page.getByTestId('case-class')).toHaveText('一类投诉')
  await shot(page, '04-detail')

  // The list shows it, masked, and finds it by Chinese text.
  await page.getByRole('button', { name: '返回列表' }).click()
  const row = page.getByRole('row', { name: new RegExp(number) })
  await expect(row).toContainText('139****5678')
  await expect(row).toContainText('欧阳娜娜')
  await page.getByRole('searchbox').fill('少找了')
  await expect(page.getByText('共 1 条')).toBeVisible()
  await page.getByRole('searchbox').fill('不存在的内容')
  await expect(page.getByText('没有符合条件的投诉。')).toBeVisible()
  await page.getByRole('button', { name: '清除筛选' }).click()
  await shot(page, '05-list')

  // Restart the host on the same data: the complaint is still there.
  await host.stop()
  host = await hosts.start(dataDir)
  await page.goto(host.url)
  await signIn(page, MANAGER.name, MANAGER.pin)
  await openList(page)
  await page.getByRole('button', { name: number }).click()
  await expect(page.getByRole('region', { name: '登记信息' }).getByText('结账时收银员少找了十元五角')).toBeVisible()
})

test('bad input shows messages next to the fields and saves nothing', async ({ page }) => {
  const host = await hosts.start()
  await page.goto(host.url)
  await completeSetup(page)
  await page
    .getByRole('button', { name: /新建投诉/ })
    .first()
    .click()
  await page.getByLabel(/^联系电话/).fill('12345')
  await page.getByLabel(/^商品\/服务金额/).fill('-5')
  await page.getByLabel(/^投诉内容/).fill('   ')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/还有 \d+ 项需要修改/)).toBeVisible()
  await expect(page.getByText('请输入正确的手机号（11 位）或座机号（区号-号码）')).toBeVisible()
  await expect(page.getByText('请输入不小于 0 的金额，最多两位小数')).toBeVisible()
  await expect(page.getByText('此项必填')).toHaveCount(2)
  await shot(page, '06-intake-errors')
  await page.getByRole('button', { name: '取消' }).click()
  await openList(page)
  await expect(page.getByText('还没有投诉记录')).toBeVisible()
})

test('switches the whole UI to English and back', async ({ page }) => {
  const host = await hosts.start()
  await page.goto(host.url)
  await completeSetup(page)
  await openSettings(page, '通用')
  await chooseOption(page.getByLabel('界面语言'), 'English')
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await page.getByRole('navigation').getByRole('button', { name: 'Complaints' }).click()
  await expect(page.getByText('No complaints yet.', { exact: false })).toBeVisible()
  await shot(page, '07-english-list')
  // Settings opens on the tab last in view.
  await page.getByRole('button', { name: 'Settings' }).click()
  await expect(page.getByRole('tab', { name: 'General', selected: true })).toBeVisible()
  await chooseOption(page.getByLabel('Language'), '简体中文')
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible()
})

test('a manager adds a clerk with their PIN; the clerk signs in and is recorded on the case', async ({ page }) => {
  const host = await hosts.start()
  await page.goto(host.url)
  await completeSetup(page)
  // The PIN typed at set-up stands for five minutes: the manager is not asked again (主管授权).
  const standing = page.getByRole('banner').getByRole('status').filter({ hasText: '主管授权：陈主管' })
  await expect(standing).toBeVisible()
  await openSettings(page, '员工与部门')
  const form = page.getByRole('form', { name: '添加员工' })
  await expect(form.getByText(/^由 陈主管 授权（\d\d:\d\d 前免输 PIN 码）$/)).toBeVisible()
  await expect(form.getByLabel('主管 PIN 码')).toHaveCount(0)
  // 结束授权: the next manager-only action asks for the PIN again, and a wrong one is refused.
  await standing.getByRole('button', { name: '结束授权' }).click()
  await expect(standing).toHaveCount(0)
  await form.getByLabel('姓名').fill('李娜')
  await form.getByLabel('PIN 码（4–8 位数字）').fill('1357')
  await form.getByLabel('再次输入 PIN 码').fill('1357')
  await chooseOption(form.getByLabel('审批主管'), MANAGER.name)
  await form.getByLabel('主管 PIN 码').fill('1111')
  await form.getByRole('button', { name: '添加员工' }).click()
  await expect(form.getByText(/PIN 码不正确/)).toBeVisible()
  await form.getByLabel('主管 PIN 码').fill(MANAGER.pin)
  await form.getByRole('button', { name: '添加员工' }).click()
  await expect(page.getByText('已添加：李娜')).toBeVisible()
  // …and that PIN stands again for the next few minutes.
  await expect(standing).toBeVisible()
  await shot(page, '08-settings')

  await page.getByRole('button', { name: '退出' }).click()
  await chooseOption(page.getByLabel('员工姓名'), '李娜（员工）')
  await page.getByLabel('PIN 码').fill('1357')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByText('当前用户：李娜（员工）')).toBeVisible()
  await page.keyboard.press('F2')
  await page.getByLabel(/^客户姓名/).fill('匿名')
  await page.getByRole('radio', { name: '平静' }).check()
  await page.getByLabel(/^涉及部门/).selectOption({ index: 1 })
  await chooseOption(page.getByLabel(/^投诉类别/), '环境/设施')
  await page.getByLabel(/^投诉内容/).fill('洗手间没有纸巾')
  await chooseOption(page.getByLabel(/^客户诉求/), '解释')
  await page.getByLabel(/^投诉内容/).press('Control+Enter')
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()
  await expect(page.getByRole('complementary', { name: '处理记录' })).toContainText('李娜')
})

test('a damaged data file is reported and never overwritten', async ({ page }) => {
  const dataDir = await newDataDir()
  const damaged = '{"schemaVersion":1,"cases":[{"id":'
  await writeFile(join(dataDir, 'complaint-desk.json'), damaged)
  const host = await hosts.start(dataDir)
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: '无法使用数据文件' })).toBeVisible()
  await expect(page.getByRole('alert')).toContainText('数据文件已损坏')
  await expect(page.getByRole('button', { name: '登录' })).toHaveCount(0)
  await shot(page, '09-damaged-store')
  expect(await readFile(join(dataDir, 'complaint-desk.json'), 'utf8')).toBe(damaged)
})
