import { expect, test, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import {
  signedInClerk,
  approve,
  caseAction,
  caseClass,
  caseStatus,
  caseTimeline,
  managerDesk,
  escalationCard,
  fillIntake,
  MANAGER,
  nextAction,
  openCaseAction,
  openList,
  recordEarlyFollowUp,
  resolveCase,
  shot,
  useHosts,
} from './helpers'

// The case page offers what the lifecycle (shared/rules/lifecycle.ts) allows, and says why not.
const hosts = useHosts()

const regionShot = (page: Page, name: string) =>
  page.locator('.case-grid').screenshot({ path: `test-results/screens/${name}.png` })

async function caseNumber(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { name: /投诉详情/, level: 1 })
  // The number is shown once the saved case has loaded.
  await expect(heading).toHaveText(/KS-\d{8}-\d{4}/)
  return /KS-\d{8}-\d{4}/.exec((await heading.textContent()) ?? '')![0]
}

/** The Class 2 report: the PDF generated (downloaded), then marked submitted. */
async function writtenReport(page: Page): Promise<void> {
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    nextAction(page).getByRole('button', { name: '生成书面报告' }).click(),
  ])
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-')
  await expect(nextAction(page)).toContainText('尚未提交')
  await nextAction(page).getByLabel('提交给').fill('区域运营部')
  await nextAction(page).getByRole('button', { name: '标记书面报告已提交' }).click()
  await expect(caseStatus(page)).toHaveText('已报告')
}

/** The review (反省检讨) closing a Class 2 case waits for: the next action once followed up. */
async function review(page: Page): Promise<void> {
  await expect(nextAction(page)).toHaveAccessibleName('下一步：反省检讨')
  const form = nextAction(page).getByRole('form', { name: '反省检讨' })
  for (const [label, text] of [
    ['做得好的地方', '当场处理'],
    ['需要改进', '先确认类别再报告'],
    ['根本原因', '首次判定遗漏'],
    ['预防措施', '报告前复核类别'],
    ['负责人', '值班主管'],
  ])
    await form.getByLabel(label).fill(text)
  await form.getByRole('button', { name: '反省检讨' }).click()
  await expect(nextAction(page)).toHaveAccessibleName('下一步：结案')
}

test('a Class 1 case raised to Class 2 after its oral report goes back to 已解决 and closes only with the written report', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await managerDesk(page, hosts)
  await fillIntake(page, {
    name: '孙先生',
    category: '收银差错',
    description: '会员积分没有记上，收银员态度也不好。',
    demand: '解释',
    mood: '不满',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(caseClass(page)).toHaveText('一类投诉')

  // LASTR: 报告 has no tick button; it waits for the report record.
  const lastr = page.getByRole('region', { name: '处理步骤（LASTR）' })
  const reportStep = lastr.getByRole('listitem').filter({ hasText: /^报告/ })
  await expect(reportStep).toContainText('由报告记录自动完成')
  await expect(lastr.getByRole('button', { name: '完成“报告”' })).toHaveCount(0)

  await resolveCase(page, '补记积分并致歉')
  await expect(nextAction(page)).toHaveAccessibleName('下一步：记录口头报告')
  await nextAction(page).getByLabel('报告对象').fill(MANAGER.name)
  await nextAction(page).getByLabel('一句话摘要').fill('积分漏记，已补')
  await nextAction(page).getByRole('button', { name: '记录口头报告' }).click()
  await expect(caseStatus(page)).toHaveText('已报告')
  await expect(reportStep).toContainText(`✓`)
  await expect(reportStep).toContainText(MANAGER.name)

  // The customer calls back angrier: the case is raised to Class 2.
  const raise = await openCaseAction(page, '升级为二类')
  await raise.getByLabel('原因').fill('顾客扬言投诉到总部')
  await raise.getByRole('button', { name: '升级为二类' }).click()
  await expect(raise).toBeHidden()
  await expect(caseClass(page)).toHaveText('二类投诉')

  // Back at 已解决: the oral report no longer covers the case; 结案 waits, and says why.
  await expect(caseStatus(page)).toHaveText('已解决')
  await expect(reportStep).toContainText('由报告记录自动完成')
  const close = caseAction(page, '结案')
  await expect(close).toBeDisabled()
  await expect(close).toHaveAccessibleDescription('投诉当前为“已解决”，须先记录回访才能结案。')
  const submit = caseAction(page, '标记书面报告已提交')
  await expect(submit).toBeDisabled()
  await expect(submit).toHaveAccessibleDescription('二类投诉须先生成书面报告，才能标记已提交。')
  await expect(nextAction(page)).toHaveAccessibleName('下一步：生成书面报告')
  await expect(page.getByRole('form', { name: '记录回访' })).toHaveCount(0)
  await regionShot(page, '40-raised-class2-close-waits-for-written-report')

  await writtenReport(page)
  await expect(reportStep).toContainText('✓')
  await recordEarlyFollowUp(page, '满意', '孙先生来电询问处理结果')
  await expect(caseAction(page, '结案')).toHaveAccessibleDescription(/须先填写反省检讨/)
  await regionShot(page, '41-review-before-closing')
  await review(page)
  await nextAction(page).getByRole('button', { name: '结案' }).click()
  await expect(caseStatus(page)).toHaveText('已结案')
  await expect(caseTimeline(page)).toContainText('孙先生来电询问处理结果') // the early reason is on record
  await expect(caseTimeline(page)).toContainText('回访：满意 4/5')
})

test('an urgent case cannot be resolved before someone is told; once closed it stops heading the list', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await managerDesk(page, hosts)
  await fillIntake(page, {
    name: '郑阿姨',
    category: '环境/设施',
    description: '顾客在店里滑倒摔伤了',
    demand: '赔偿',
    department: '收银',
  })
  await page.getByRole('button', { name: '保存' }).click()
  // A manager is signed in: the card asks them to take it over, never to "report to a manager".
  const card = escalationCard(page)
  await expect(card).toContainText('紧急事件 — 待主管接手')
  await expect(card).toContainText('待上报')
  const urgent = await caseNumber(page)

  const resolveButton = caseAction(page, '标记已解决')
  await expect(resolveButton).toBeDisabled()
  await expect(resolveButton).toHaveAccessibleDescription(
    '紧急事件须先记录已通知主管（或由主管接手），才能标记已解决。',
  )
  await expect(page.getByLabel('解决方案')).toHaveCount(0)
  await regionShot(page, '42-urgent-resolve-waits-for-notification')
  await shot(page, '43-urgent-case')

  // A newer, ordinary complaint: the urgent one still heads the list.
  await fillIntake(page, {
    name: '冯先生',
    category: '配送/交付',
    description: '送货晚了两个小时。',
    demand: '解释',
    mood: '不满',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()
  const newer = await caseNumber(page)
  await openList(page)
  await expect(page.getByRole('row').nth(1)).toContainText(urgent)
  await expect(page.getByRole('row').nth(1)).toContainText('紧急·待接手')
  await expect(page.getByRole('row').nth(2)).toContainText(newer)

  await page.getByRole('button', { name: urgent }).click()
  await card.getByLabel('已通知谁').fill('王店长（电话）')
  await card.getByRole('button', { name: '紧急上报' }).click()
  await expect(card).toContainText('已通知 王店长（电话）')
  await expect(card).toContainText('已通知')
  await nextAction(page).getByRole('button', { name: '开始处理' }).click()
  await expect(caseStatus(page)).toHaveText('处理中')
  await resolveCase(page, '陪同就医，承担医药费')

  await writtenReport(page)
  await recordEarlyFollowUp(page, '满意', '郑阿姨出院后来电')
  await review(page)
  await nextAction(page).getByRole('button', { name: '结案' }).click()
  await expect(caseStatus(page)).toHaveText('已结案')
  await expect(card).toContainText('紧急事件（本单已结束）')

  // Closed, it no longer heads the list: the newer case comes first.
  await openList(page)
  await expect(page.getByRole('row').nth(1)).toContainText(newer)
  await expect(page.getByRole('row').nth(2)).toContainText(urgent)
  await expect(page.getByRole('row').nth(2)).not.toContainText('紧急·待接手')
  await shot(page, '44-closed-urgent-no-longer-first')
})

test('a clerk is told to report at once; a manager takes over with their PIN; voiding asks first, in red', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await signedInClerk(page, hosts)
  await fillIntake(page, {
    name: '钱先生',
    category: '安全/健康',
    description: '顾客在收银台前滑倒，摔伤了手腕。',
    demand: '赔偿',
    department: '前台/服务台',
  })
  await page.getByRole('button', { name: '保存' }).click()
  const card = escalationCard(page)
  await expect(card).toHaveAttribute('role', 'alert')
  await expect(card).toContainText('紧急事件 — 请立即上报主管')
  await expect(nextAction(page)).toContainText('先按上方紧急事件卡片通知主管')

  // The manager, at the desk, takes it over with their PIN.
  await card.getByRole('button', { name: '主管接手（需主管 PIN）' }).click()
  const takeOver = page.getByRole('dialog', { name: '主管接手' })
  await takeOver.getByLabel('主管 PIN 码').fill('0000')
  await takeOver.getByRole('button', { name: '主管接手' }).click()
  await expect(takeOver).toContainText('PIN 码不正确')
  await approve(takeOver)
  await takeOver.getByRole('button', { name: '主管接手' }).click()
  await expect(card).toContainText(`紧急事件 — 主管 ${MANAGER.name} 已接手`)
  await expect(card).toHaveAttribute('role', 'region')

  // Voided by mistake? A manager's approval, a reason, then a red question first.
  const voidIt = await openCaseAction(page, '作废')
  await voidIt.getByLabel('原因').fill('重复登记')
  await approve(voidIt)
  const submit = voidIt.getByRole('button', { name: '作废', exact: true })
  await submit.click()
  const ask = page.getByRole('dialog', { name: /确定作废 KS-/ })
  await expect(ask).toContainText('不能撤销')
  await ask.getByRole('button', { name: '取消' }).click()
  await expect(ask).toBeHidden()
  await expect(caseStatus(page)).toHaveText('已受理')
  await submit.click()
  await ask.getByRole('button', { name: '确定作废' }).click()
  await expect(caseStatus(page)).toHaveText('已作废')
  await expect(page.getByText(/^已作废 KS-\d{8}-\d{4}。$/)).toBeVisible()
  await expect(page.getByRole('group', { name: '处理进度' }).locator('.ant-steps-item-error')).toHaveText(/已作废/)
})
