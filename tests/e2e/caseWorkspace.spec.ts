import { expect, test, type Page } from '@playwright/test'
import {
  caseAction,
  caseStatus,
  caseTab,
  caseTimeline,
  chooseOption,
  openCaseAction,
  managerDesk,
  fillIntake,
  MANAGER,
  nextAction,
  openSettings,
  recordEarlyFollowUp,
  resolveCase,
  useHosts,
} from './helpers'

// The case workspace (issue 14): where the case stands in a sticky header, the customer's facts
// and the one next action side by side — visible without scrolling at 1366×768 — the rest in drawers.
const hosts = useHosts()

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

/** Screenshots at both sizes (the viewport only: what the clerk sees without scrolling). */
async function shots(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `test-results/screens/case-${name}-${size.width}.png` })
  }
}

/** The element's top is on screen (the clerk sees it without scrolling). */
async function onFirstScreen(page: Page, name: string | RegExp, role: 'region' | 'complementary' = 'region') {
  const box = await page.getByRole(role, { name }).first().boundingBox()
  expect(box, `${String(name)} is drawn`).not.toBeNull()
  expect(box!.y, `${String(name)} starts on the first screen`).toBeLessThan(page.viewportSize()!.height - 120)
}

test('a Class 2 urgent case: the alarm, the facts and the next action on the first screen; the alarm calms down once a manager is told', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await page.setViewportSize(SIZES[0])
  await managerDesk(page, hosts)
  await fillIntake(page, {
    name: '郑阿姨',
    phone: '13912345678',
    category: '环境/设施',
    description: '顾客在店里门口的台阶滑倒摔伤了膝盖，地面刚拖过没有放提示牌，家属说要找记者曝光。',
    demand: '赔偿',
    claim: '2000',
    department: '前台/服务台',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(caseStatus(page)).toHaveText('已受理')

  // A manager is signed in: no "请立即上报主管" at a manager, the card asks them to take it over.
  const card = page.getByTestId('escalation-card')
  await expect(card).toContainText('紧急事件 — 待主管接手')
  await expect(card).not.toContainText('请立即上报主管')
  // Every urgent reason, with the keyword behind it.
  await expect(card.getByRole('list', { name: '紧急原因' })).toContainText('人身伤害/健康损害')
  await expect(card.getByRole('list', { name: '紧急原因' })).toContainText('关键词“摔伤”')
  await expect(page.getByTestId('case-class')).toHaveText('二类投诉')
  await expect(page.getByTestId('case-urgent')).toHaveText('紧急')
  await expect(page.getByTestId('case-deadline')).toContainText(/首次响应：还剩 23 小时 \d+ 分/)
  await shots(page, 'class2-urgent-manager')
  await page.setViewportSize(SIZES[0])
  await onFirstScreen(page, '登记信息')
  await onFirstScreen(page, /^下一步/)

  // Told by phone: the card says so and stops shouting.
  await card.getByLabel('已通知谁').fill('王店长（电话）')
  await card.getByRole('button', { name: '紧急上报' }).click()
  await expect(card).toContainText('已通知 王店长（电话）')
  await expect(page.getByText('已记录紧急上报：王店长（电话）。')).toBeVisible()
  await expect(card).toHaveAttribute('role', 'region')
  await expect(nextAction(page)).toContainText('开始处理')
  await shots(page, 'class2-urgent-notified')

  // The manager takes it over (signed in: no PIN to retype).
  await card.getByRole('button', { name: '主管接手' }).click()
  await expect(card).toContainText(`紧急事件 — 主管 ${MANAGER.name} 已接手`)
})

test('a Class 1 case walked to 已结案: the Steps bar passes every step, the timeline reads in words', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await page.setViewportSize(SIZES[0])
  await managerDesk(page, hosts)
  await fillIntake(page, {
    name: '张阿姨',
    category: '收银差错',
    description: '结账时收银员少找了十元。',
    demand: '退款',
    amount: '10',
    mood: '不满',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByTestId('case-class')).toHaveText('一类投诉')
  await shots(page, 'class1-received')
  await page.setViewportSize(SIZES[0])
  await onFirstScreen(page, '登记信息')
  await onFirstScreen(page, /^下一步/)

  // Every other action opens on its own, in a drawer; compensation and the rest are tabs.
  const drawer = await openCaseAction(page, '更正登记信息')
  await expect(drawer.getByLabel(/^联系电话/)).toHaveValue('13712345678')
  await shots(page, 'class1-correction-drawer')
  await drawer.getByRole('button', { name: '取消' }).click()
  await expect(drawer).toBeHidden()
  const compensation = await caseTab(page, '补偿方案')
  await compensation.getByRole('button', { name: '提出补偿方案' }).click()
  await expect(compensation.getByRole('listitem').first()).toBeVisible()
  await page.setViewportSize(SIZES[0])
  await compensation.scrollIntoViewIfNeeded()
  await page.screenshot({ path: 'test-results/screens/case-class1-compensation-tab-1366.png' })

  await nextAction(page).getByRole('button', { name: '开始处理' }).click()
  await expect(caseStatus(page)).toHaveText('处理中')
  await resolveCase(page, '当场核对小票，补足找零 10 元并致歉')
  const oral = nextAction(page)
  await oral.getByLabel('报告对象').fill(MANAGER.name)
  await oral.getByLabel('一句话摘要').fill('少找 10 元，已当场补足')
  await oral.getByRole('button', { name: '记录口头报告' }).click()
  await expect(caseStatus(page)).toHaveText('已报告')
  await recordEarlyFollowUp(page, '满意', '张阿姨当天来电确认已收到补款')
  await expect(caseStatus(page)).toHaveText('已回访')
  await nextAction(page).getByRole('button', { name: '结案' }).click()
  await expect(caseStatus(page)).toHaveText('已结案')

  const steps = page.getByRole('group', { name: '处理进度' })
  await expect(steps.locator('.ant-steps-item-finish')).toHaveCount(6)
  await expect(nextAction(page)).toContainText('已结案，没有待办事项')
  await expect(page.getByTestId('case-deadline')).toHaveCount(0)
  const timeline = page.getByRole('complementary', { name: '处理记录' })
  await expect(timeline).toContainText('回访：满意 4/5')
  await expect(timeline).toContainText('提前回访原因：张阿姨当天来电确认已收到补款')
  await expect(timeline).not.toContainText(/^4\/5/)
  // Only reopening (and voiding) is left, in the other actions.
  await expect(caseAction(page, '重新打开')).toBeEnabled()
  await shots(page, 'class1-closed')
  await page.setViewportSize(SIZES[0])
  await onFirstScreen(page, '登记信息')

  // The same page in English.
  const number = (await page.getByRole('heading', { level: 1 }).textContent())!.match(/KS-\d{8}-\d{4}/)![0]
  await openSettings(page, '通用')
  await chooseOption(page.getByLabel('界面语言'), 'English')
  await page.getByRole('navigation').getByRole('button', { name: 'Complaints' }).click()
  await page.getByRole('button', { name: number }).click()
  await expect(caseStatus(page)).toHaveText('Closed')
  await expect(caseTimeline(page)).toBeHidden() // named in English now
  await expect(page.getByRole('complementary', { name: 'Timeline' })).toContainText('Follow-up: Satisfied 4/5')
  await shots(page, 'class1-closed-en')
})
