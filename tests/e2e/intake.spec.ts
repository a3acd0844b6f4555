import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import {
  signedInClerk,
  chooseOption,
  completeSetup,
  fillIntake,
  intakeForm,
  MANAGER,
  newDataDir,
  openIntake,
  openList,
  saveIntake,
  openSettings,
  shot,
  signIn,
  useHosts,
  managerDesk,
} from './helpers'
import { expectAccessible } from './a11y'

const hosts = useHosts()

/** A time `minutes` from now as the 受理时间 picker shows it (YYYY-MM-DD HH:mm, local). */
function typedNow(minutes: number): string {
  const d = new Date(Date.now() + minutes * 60_000)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16).replace('T', ' ')
}

test('first run → sign in → log a complaint in Chinese → find it in the list → open it; data survives a restart', async ({
  page,
}) => {
  test.slow() // two host starts and a whole keyboard journey
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

  // F2 opens a new case from anywhere; until 投诉类别, 情绪 and 投诉内容 are filled the proposal is 待判定.
  const form = await openIntake(page)
  const preview = page.getByRole('region', { name: /系统建议/ })
  await expect(form.getByLabel(/^客户姓名/)).toBeFocused()
  await expect(preview).toContainText('待判定')
  await expect(preview).not.toContainText('一类')
  // The keyboard alone: Enter moves on, a select is searched by pinyin initials (syc → 收银差错).
  await page.keyboard.type('欧阳娜娜')
  await page.keyboard.press('Enter')
  await expect(form.getByLabel(/^联系电话/)).toBeFocused()
  await page.keyboard.type('139 1234 5678')
  await page.keyboard.press('Enter')
  await page.keyboard.press('ArrowRight') // 情绪: 平静 → 不满
  await page.keyboard.press('ArrowRight') // → 激动
  await expect(form.getByRole('radio', { name: '激动' })).toBeChecked()
  await page.keyboard.press('Enter')
  await expect(form.getByLabel(/^客户类型/)).toBeFocused()
  await page.keyboard.type('hy') // 会员
  await page.keyboard.press('Enter')
  await page.keyboard.press('Enter') // 客户性格: left blank
  await expect(form.getByLabel(/^涉及部门/)).toBeFocused()
  await page.keyboard.type('sy')
  await page.keyboard.press('Enter')
  await page.keyboard.type('syc')
  await page.keyboard.press('Enter')
  await expect(form.getByLabel(/^投诉内容/)).toBeFocused()
  await expect(preview).toContainText('待判定')
  await page.keyboard.type('结账时收银员少找了十元五角，')
  await page.keyboard.press('Enter') // a new line in the description, not a save
  await page.keyboard.type('顾客当场指出后收银员态度冷淡。')
  await expect(form.getByLabel(/^投诉内容/)).toHaveValue('结账时收银员少找了十元五角，\n顾客当场指出后收银员态度冷淡。')
  await expect(preview).toContainText('一类投诉')
  await page.keyboard.press('Tab')
  await page.keyboard.type('tk') // 退款
  await page.keyboard.press('Enter')
  await expect(form.getByLabel(/^损失金额/)).toBeFocused()
  await page.keyboard.type('10.5元')
  await form.getByLabel(/^涉及商品\/服务/).fill('生鲜区水果')
  await form.getByLabel(/^商品\/服务金额/).fill('¥38')
  // The description points to a cause code: one click takes it.
  await form.getByRole('button', { name: /按描述建议：少找零/ }).click()
  await expect(form.getByLabel(/^原因/).locator('xpath=ancestor::*[contains(@class,"ant-select")][1]')).toContainText(
    '少找零',
  )
  await form.getByRole('radio', { name: '我方', exact: true }).check()
  // Enter in 受理时间 takes the time typed and moves on; with every field filled it still saves nothing.
  const receivedAt = form.getByLabel(/^受理时间/)
  await receivedAt.click()
  await receivedAt.fill(typedNow(-5))
  await page.keyboard.press('Enter')
  await expect(form.getByLabel(/^受理渠道/)).toBeFocused()
  await expect(receivedAt).toHaveValue(typedNow(-5))
  await expect(page.getByRole('heading', { name: '受理登记' })).toBeVisible()
  await shot(page, '03-intake-filled')
  await form.getByLabel(/^损失金额/).focus()
  await page.keyboard.press('Control+Enter')

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

test('bad input: each message next to its field, the clerk brought to the first; nothing saved; 取消 asks in red', async ({
  page,
}) => {
  await managerDesk(page, hosts)
  await page
    .getByRole('button', { name: /新建投诉/ })
    .first()
    .click()
  const form = intakeForm(page)
  await form.getByLabel(/^联系电话/).fill('12345')
  await form.getByLabel(/^商品\/服务金额/).fill('-5')
  await form.getByLabel(/^损失金额/).fill('20元5')
  await form.getByLabel(/^索赔金额/).fill('￥20')
  await form.getByLabel(/^投诉内容/).fill('   ')
  await form.getByRole('button', { name: '保存' }).click()
  await expect(form.getByText(/还有 \d+ 项需要修改/)).toBeVisible()
  await expect(form.getByText('请输入正确的手机号（11 位）或座机号（区号-号码）')).toBeVisible()
  await expect(form.getByText('金额不能为负数')).toBeVisible()
  await expect(form.getByText('请填写数字金额，如 20、20.5、20元 或 ¥20')).toBeVisible()
  await expect(form.getByText('此项必填')).toHaveCount(2)
  // The first field in error has the focus (the page scrolled to it), not a banner at the top.
  await expect(form.getByLabel(/^客户姓名/)).toBeFocused()
  await shot(page, '06-intake-errors')
  // Fixed, its message goes at once.
  await form.getByLabel(/^损失金额/).fill('20.5')
  await expect(form.getByText('请填写数字金额，如 20、20.5、20元 或 ¥20')).toHaveCount(0)
  await form.getByRole('button', { name: '取消' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('放弃这条登记？')
  await expect(dialog.getByRole('button', { name: '放弃登记' })).toHaveClass(/ant-btn-dangerous/)
  await shot(page, '06b-intake-give-up')
  await dialog.getByRole('button', { name: '放弃登记' }).click()
  await expect(page.getByText('已放弃这条登记')).toBeVisible()
  await openList(page)
  await expect(page.getByText('还没有投诉记录')).toBeVisible()
})

test('a half-typed complaint is kept per clerk: across a menu click and a restart, never shown to another clerk, gone once saved', async ({
  page,
}) => {
  test.slow() // two host starts, two tabs
  const dataDir = await newDataDir()
  let host = await signedInClerk(page, hosts, dataDir)
  const form = await openIntake(page)
  await form.getByLabel(/^客户姓名/).fill('欧阳娜娜')
  await chooseOption(form.getByLabel(/^投诉类别/), '收银差错')
  await form.getByLabel(/^投诉内容/).fill('少找了十元')
  await form.getByLabel(/^损失金额/).fill('10元')
  await expect(form.getByRole('status')).toContainText('草稿已自动保存')
  // A menu click leaves nothing behind: the draft holds it.
  await page.getByRole('navigation').getByRole('button', { name: '首页' }).click()
  await expect(page.getByRole('heading', { name: '首页', level: 1 })).toBeVisible()
  await page.keyboard.press('F2')
  await expect(form.getByLabel(/^客户姓名/)).toHaveValue('欧阳娜娜', { timeout: 15_000 })
  await expect(form.getByLabel(/^损失金额/)).toHaveValue('10元')
  await expect(form).toContainText(/已恢复 .+ 自动保存的草稿/)

  // A restart of the host: still there for 李娜.
  await host.stop()
  host = await hosts.start(dataDir)
  await page.goto(host.url)
  await page.getByLabel('员工姓名').selectOption({ label: '李娜（员工）' })
  await page.getByLabel('PIN 码').fill('1357')
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByText('当前用户：李娜（员工）')).toBeVisible()
  await page.keyboard.press('F2')
  // A host just started on a busy machine: the first reads may take a while.
  await expect(form.getByLabel(/^投诉内容/)).toHaveValue('少找了十元', { timeout: 15_000 })
  await shot(page, '06c-intake-draft-restored')

  // The manager, signed in in a new tab, starts blank.
  const other = await page.context().newPage()
  await other.goto(host.url)
  await signIn(other, MANAGER.name, MANAGER.pin)
  await expect(other.getByText(`当前用户：${MANAGER.name}（主管）`)).toBeVisible()
  await other.keyboard.press('F2')
  await expect(intakeForm(other).getByLabel(/^客户姓名/)).toHaveValue('', { timeout: 15_000 })
  await expect(intakeForm(other)).not.toContainText('已恢复')
  await other.close()

  // Finished and saved, the draft is gone: the next F2 is a blank form.
  await form.getByRole('radio', { name: '不满', exact: true }).check()
  await chooseOption(form.getByLabel(/^涉及部门/), '收银')
  await chooseOption(form.getByLabel(/^客户诉求/), '退款')
  await saveIntake(page)
  await page.keyboard.press('F2')
  await expect(form.getByLabel(/^客户姓名/)).toHaveValue('', { timeout: 15_000 })
  await expect(form).not.toContainText('已恢复')
})

test('switches the whole UI to English and back', async ({ page }) => {
  await managerDesk(page, hosts)
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
  await managerDesk(page, hosts)
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
  await fillIntake(page, {
    name: '匿名',
    phone: '',
    mood: '平静',
    department: '前台/服务台',
    category: '环境/设施',
    description: '洗手间没有纸巾',
    demand: '解释',
  })
  await intakeForm(page)
    .getByLabel(/^投诉内容/)
    .press('Control+Enter')
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()
  await expect(page.getByRole('complementary', { name: '处理记录' })).toContainText('李娜')
})

test('a damaged data file is reported and never overwritten; the desk may set it aside whole and start afresh', async ({
  page,
}) => {
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

  // Not a dead end: the path can be copied for whoever repairs it, or it is all set aside for a fresh start.
  await expect(page.getByText(join(dataDir, 'complaint-desk.json'), { exact: true })).toBeVisible()
  await expectAccessible(page, 'the damaged-data page')
  await page.getByRole('button', { name: '移到一旁并重新开始…' }).click()
  const ask = page.getByRole('dialog', { name: /从空数据重新开始/ })
  await expect(ask.getByRole('button', { name: '移到一旁并重新开始' })).toHaveClass(/ant-btn-dangerous/)
  await expectAccessible(page, 'the start-afresh question')
  await ask.getByRole('button', { name: '取消' }).click()
  expect(await readFile(join(dataDir, 'complaint-desk.json'), 'utf8')).toBe(damaged)
  await page.getByRole('button', { name: '移到一旁并重新开始…' }).click()
  await ask.getByRole('button', { name: '移到一旁并重新开始' }).click()
  await completeSetup(page)
  const folder = (await readdir(dataDir)).find((n) => n.startsWith('set-aside.'))
  expect(folder).toBeDefined()
  expect(await readFile(join(dataDir, folder!, 'complaint-desk.json'), 'utf8')).toBe(damaged)
  await expect(page.getByRole('alert').filter({ hasText: '从空数据重新开始' })).toContainText(folder!)
  await shot(page, '09b-after-fresh-start')
})

test('the intake form at 1366×768 and 1920×1080, zh-CN and English: 系统建议 in view while scrolling', async ({
  page,
}) => {
  test.slow()
  await managerDesk(page, hosts)
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height })
    const form = await openIntake(page)
    const preview = page.getByRole('region', { name: /系统建议/ })
    await expect(preview).toContainText('待判定')
    await page.screenshot({ path: `test-results/screens/10-intake-blank-${width}.png` })
    await form.getByLabel(/^客户姓名/).fill('刘女士')
    await form.getByRole('radio', { name: '激动', exact: true }).check()
    await chooseOption(form.getByLabel(/^投诉类别/), '产品质量')
    await form.getByLabel(/^投诉内容/).fill('昨天在店里买的熟食，吃了以后上吐下泻，说要找记者曝光。')
    await form.getByLabel(/^索赔金额/).fill('2000元')
    await expect(preview).toContainText('二类投诉')
    await expect(preview).toContainText('紧急')
    // Scrolled to the bottom of the form, the proposal is still beside it.
    await form.getByLabel(/^受理渠道/).scrollIntoViewIfNeeded()
    await expect(preview).toBeInViewport()
    await page.screenshot({ path: `test-results/screens/11-intake-class2-${width}.png` })
    await form.getByRole('button', { name: '保存' }).click()
    await expect(form.getByLabel(/^涉及部门/)).toBeFocused()
    await page.screenshot({ path: `test-results/screens/12-intake-refused-${width}.png` })
    await form.getByRole('button', { name: '取消' }).click()
    await page.getByRole('dialog').getByRole('button', { name: '放弃登记' }).click()
    await expect(page.getByText('已放弃这条登记').last()).toBeVisible() // the first size's toast may still show
  }
  await openSettings(page, '通用')
  await chooseOption(page.getByLabel('界面语言'), 'English')
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await page.keyboard.press('F2')
  const form = page.getByRole('form', { name: 'Intake' })
  await expect(form.getByLabel(/^Customer name/)).toBeVisible({ timeout: 30_000 })
  await expect(page.getByRole('region', { name: /Proposed/ })).toContainText('Pending')
  await form.getByLabel(/^Actual loss/).fill('20元5')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByText('Enter an amount in figures, e.g. 20, 20.5 or ¥20')).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/13-intake-english-1920.png' })
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.screenshot({ path: 'test-results/screens/13-intake-english-1366.png' })
})
