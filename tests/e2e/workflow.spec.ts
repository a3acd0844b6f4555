import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import {
  approve,
  caseAction,
  caseClass,
  caseStatus,
  caseTab,
  caseTimeline,
  managerDesk,
  escalationCard,
  fillIntake,
  MANAGER,
  nextAction,
  openCaseAction,
  openList,
  openSettings,
  recordEarlyFollowUp,
  resolveCase,
  SETUP_CONTACT,
  shot,
  useHosts,
} from './helpers'

const hosts = useHosts()

test('journey (a): a cashier short-change complaint handled at the desk — Class 1, oral report, follow-up, closed', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await managerDesk(page, hosts)
  await fillIntake(page, {
    name: '张阿姨',
    category: '收银差错',
    description: '结账时收银员少找了十元。',
    demand: '退款',
    amount: '10',
  })
  const preview = page.getByRole('region', { name: /系统建议/ })
  await expect(preview).toContainText('一类投诉')
  await expect(preview).toContainText('自动规则未发现二类或紧急情形')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()
  await expect(caseClass(page)).toHaveText('一类投诉')

  const lastr = page.getByRole('region', { name: '处理步骤（LASTR）' })
  await expect(lastr).toContainText('我跟您确认一下')
  await lastr.getByRole('button', { name: '完成“聆听”' }).click()
  await lastr.getByRole('button', { name: '完成“关心”' }).click()
  await expect(lastr.getByRole('button', { name: '完成“关心”' })).toHaveCount(0)
  await expect(caseStatus(page)).toHaveText('处理中')
  await shot(page, '10-handling-panel')

  await resolveCase(page, '当场核对小票，补足找零 10 元并致歉')
  await nextAction(page).getByLabel('报告对象').fill(MANAGER.name)
  await nextAction(page).getByLabel('一句话摘要').fill('少找 10 元，已当场补足')
  await nextAction(page).getByRole('button', { name: '记录口头报告' }).click()
  await expect(caseStatus(page)).toHaveText('已报告')
  // The follow-up window opens a day after resolution: a call made now needs its reason.
  await recordEarlyFollowUp(page, '非常满意', '张阿姨当天来电确认已收到补款')
  await nextAction(page).getByRole('button', { name: '结案' }).click()
  await expect(caseStatus(page)).toHaveText('已结案')
  const [receipt] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '打印受理回执' }).click(),
  ])
  expect(receipt.suggestedFilename()).toMatch(/受理回执\.pdf$/)
  const timeline = caseTimeline(page)
  for (const step of ['聆听 ✓', '关心 ✓', '已解决', '记录口头报告', '回访：非常满意 5/5', '结案'])
    await expect(timeline).toContainText(step)
})

test('journey (b): ill after eating, threatens a journalist — Class 2 + urgent, escalation, commitments, no closing without the written report', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await managerDesk(page, hosts)

  // The first run asked for an emergency contact; the manager adds the store manager as a second one.
  await openSettings(page, '通用')
  const contacts = page.getByRole('form', { name: '紧急联系人与服务电话' })
  await contacts.getByRole('button', { name: '添加联系人' }).click()
  const second = contacts.getByRole('group', { name: '联系人 2' })
  await second.getByLabel('姓名').fill('王店长')
  await second.getByLabel('职务').fill('店长')
  await second.getByLabel('电话').fill('13800002222')
  await approve(contacts)
  await contacts.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('已保存紧急联系人和服务电话')).toBeVisible()

  await fillIntake(page, {
    name: '刘女士',
    category: '产品质量',
    demand: '赔偿',
    amount: '38',
    claim: '2000',
    description: '昨天在店里买的熟食，吃了以后上吐下泻，说要找记者曝光。',
  })
  const preview = page.getByRole('region', { name: /系统建议/ })
  await expect(preview).toContainText('二类投诉')
  await expect(preview).toContainText('紧急')
  await expect(preview).toContainText('关键词“记者”')
  await expect(page.getByRole('checkbox', { name: '人身伤害/健康损害' })).toBeChecked() // pre-ticked from the text
  await shot(page, '11-intake-class2-preview')
  await page.getByRole('button', { name: '保存' }).click()

  // The escalation card interrupts; the manager signed in is asked to take it over (never to "report to a manager").
  // It lists the contact the first run asked for and the one added since.
  const card = escalationCard(page)
  await expect(card).toContainText('紧急事件 — 待主管接手')
  await expect(card).toContainText(SETUP_CONTACT.phone)
  await expect(card).toContainText('王店长')
  await expect(card).toContainText('13800002222')
  await expect(card).toContainText('第一时间')
  await expect(card.getByRole('list', { name: '紧急原因' })).toContainText('人身伤害/健康损害')
  await shot(page, '12-escalation-card')
  await card.getByLabel('已通知谁').fill('王店长（电话）')
  await card.getByRole('button', { name: '紧急上报' }).click()
  await expect(card).toContainText('已通知 王店长（电话）')

  // Escalated cases head the list until a manager takes over.
  await openList(page)
  await expect(page.getByRole('row').nth(1)).toContainText('紧急·待接手')
  await page.getByRole('navigation').getByRole('button', { name: '首页' }).click()
  await expect(page.getByRole('region', { name: '紧急事件（待主管接手）' })).toContainText('刘女士')
  await shot(page, '13-home')
  await page.getByRole('region', { name: '紧急事件（待主管接手）' }).getByRole('button', { name: /KS-/ }).click()
  await approve(card)
  await card.getByRole('button', { name: '主管接手' }).click()
  await expect(card).toContainText(`紧急事件 — 主管 ${MANAGER.name} 已接手`)

  const promise = await openCaseAction(page, '添加承诺')
  await promise.getByLabel('承诺内容').fill('明天下午五点前回电告知检测结果')
  await promise.getByLabel('负责人').fill(MANAGER.name)
  await promise.getByRole('button', { name: '添加承诺' }).click()
  await expect(promise).toBeHidden()
  const commitments = await caseTab(page, '承诺')
  await expect(commitments).toContainText('即将到期')

  await nextAction(page).getByRole('button', { name: '开始处理' }).click()
  await expect(caseStatus(page)).toHaveText('处理中')
  await resolveCase(page, '全额退款并承担医药费')
  const submit = caseAction(page, '标记书面报告已提交')
  await expect(submit).toBeDisabled()
  await expect(submit).toHaveAccessibleDescription('二类投诉须先生成书面报告，才能标记已提交。')
  await expect(caseAction(page, '结案')).toBeDisabled()
  await expect(page.getByRole('button', { name: '记录口头报告' })).toHaveCount(0)
  await shot(page, '14-class2-resolved')

  // Generate the written report (a PDF download), mark it submitted, follow up, review, close.
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    nextAction(page).getByRole('button', { name: '生成书面报告' }).click(),
  ])
  expect(pdf.suggestedFilename()).toMatch(/^KS-\d{8}-0001-R\d{8}-二类投诉书面报告\.pdf$/)
  const pdfPath = await pdf.path()
  expect((await readFile(pdfPath)).subarray(0, 5).toString()).toBe('%PDF-')
  await nextAction(page).getByLabel('提交给').fill('区域运营部')
  await nextAction(page).getByRole('button', { name: '标记书面报告已提交' }).click()
  await expect(caseStatus(page)).toHaveText('已报告')
  await recordEarlyFollowUp(page, '满意', '刘女士来电询问检测结果，顺带回访')
  const close = caseAction(page, '结案')
  await expect(close).toBeDisabled()
  await expect(close).toHaveAccessibleDescription(/须先填写反省检讨/)
  const review = nextAction(page).getByRole('form', { name: '反省检讨' })
  for (const [label, text] of [
    ['做得好的地方', '第一时间上报'],
    ['需要改进', '熟食温控'],
    ['根本原因', '冷柜温度过高'],
    ['预防措施', '每两小时测温并记录'],
    ['负责人', '生鲜主管'],
  ]) {
    await review.getByLabel(label).fill(text)
  }
  await review.getByRole('button', { name: '反省检讨' }).click()
  // The promise made to the customer is kept before the case closes: keeping it is the next action.
  await expect(nextAction(page)).toHaveAccessibleName('下一步：兑现承诺')
  await expect(close).toHaveAccessibleDescription('还有 1 项对客户的承诺未兑现，兑现后才能结案。')
  await nextAction(page).getByRole('button', { name: '标记已兑现' }).click()
  await expect(commitments).toContainText('已兑现')
  await nextAction(page).getByRole('button', { name: '结案' }).click()
  await expect(caseStatus(page)).toHaveText('已结案')
})
