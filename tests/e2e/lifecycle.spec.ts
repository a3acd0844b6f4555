import { expect, test, type Page } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { completeSetup, fillIntake, MANAGER, openList, shot, useHosts } from './helpers'

// The case page offers what the lifecycle (shared/rules/lifecycle.ts) allows, and says why not.
const hosts = useHosts()

const progress = (page: Page) => page.getByRole('region', { name: /处理进度/ })
const regionShot = (page: Page, name: string) => progress(page).screenshot({ path: `test-results/screens/${name}.png` })

async function caseNumber(page: Page): Promise<string> {
  const heading = page.getByRole('heading', { name: /投诉详情/, level: 1 })
  // The number is shown once the saved case has loaded.
  await expect(heading).toHaveText(/KS-\d{8}-\d{4}/)
  return /KS-\d{8}-\d{4}/.exec((await heading.textContent()) ?? '')![0]
}

async function resolve(page: Page, resolution: string): Promise<void> {
  await progress(page).getByLabel('解决方案').fill(resolution)
  await progress(page).getByRole('button', { name: '标记已解决' }).click()
  await expect(progress(page).getByRole('heading', { name: /处理进度/ })).toContainText('已解决')
}

/** The Class 2 report: the PDF generated (downloaded), then marked submitted. */
async function writtenReport(page: Page): Promise<void> {
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    progress(page).getByRole('button', { name: '生成书面报告' }).click(),
  ])
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe('%PDF-')
  await expect(progress(page)).toContainText('尚未提交')
  await progress(page).getByLabel('提交给').fill('区域运营部')
  await progress(page).getByRole('button', { name: '标记书面报告已提交' }).click()
  await expect(progress(page).getByRole('heading', { name: /处理进度/ })).toContainText('已报告')
}

/** Right after the report the follow-up window has not opened: the clerk says why the call is early. */
async function earlyFollowUp(page: Page, reason: string, screen?: string): Promise<void> {
  const form = progress(page).getByRole('form', { name: '记录回访' })
  await expect(progress(page)).toContainText(
    /回访时间未到（\d{4}-\d{2}-\d{2} \d{2}:\d{2} 起）。如客户已主动反馈，请填写提前回访的原因。/,
  )
  await form.getByRole('radio', { name: '满意', exact: true }).check()
  await form.getByRole('button', { name: '记录回访' }).click()
  await expect(form.getByLabel('提前回访原因')).toHaveAttribute('aria-invalid', 'true') // required before the window
  if (screen) await regionShot(page, screen)
  await form.getByLabel('提前回访原因').fill(reason)
  await form.getByRole('button', { name: '记录回访' }).click()
  await expect(progress(page).getByRole('heading', { name: /处理进度/ })).toContainText('已回访')
}

async function review(page: Page): Promise<void> {
  const form = progress(page).getByRole('form', { name: '反省检讨' })
  for (const [label, text] of [
    ['做得好的地方', '当场处理'],
    ['需要改进', '先确认类别再报告'],
    ['根本原因', '首次判定遗漏'],
    ['预防措施', '报告前复核类别'],
    ['负责人', '值班主管'],
  ])
    await form.getByLabel(label).fill(text)
  await form.getByRole('button', { name: '反省检讨' }).click()
  await expect(form).toHaveCount(0)
}

test('a Class 1 case raised to Class 2 after its oral report goes back to 已解决 and closes only with the written report', async ({
  page,
}) => {
  const host = await hosts.start()
  await page.goto(host.url)
  await completeSetup(page)
  await fillIntake(page, {
    name: '孙先生',
    category: '收银差错',
    description: '会员积分没有记上，收银员态度也不好。',
    demand: '解释',
    mood: '不满',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('heading', { name: /投诉类别/ })).toContainText('一类投诉')

  // LASTR: 报告 has no tick button; it waits for the report record.
  const lastr = page.getByRole('region', { name: '处理步骤（LASTR）' })
  const reportStep = lastr.getByRole('listitem').filter({ hasText: /^报告/ })
  await expect(reportStep).toContainText('由报告记录自动完成')
  await expect(lastr.getByRole('button', { name: '完成“报告”' })).toHaveCount(0)

  await resolve(page, '补记积分并致歉')
  await progress(page).getByLabel('报告对象').fill(MANAGER.name)
  await progress(page).getByLabel('一句话摘要').fill('积分漏记，已补')
  await progress(page).getByRole('button', { name: '记录口头报告' }).click()
  await expect(progress(page).getByRole('heading', { name: /处理进度/ })).toContainText('已报告')
  await expect(reportStep).toContainText(`✓`)
  await expect(reportStep).toContainText(MANAGER.name)

  // The customer calls back angrier: the case is raised to Class 2.
  const classCard = page.getByRole('region', { name: /投诉类别/ })
  await classCard.locator('summary', { hasText: '升级为二类' }).click()
  await classCard.getByRole('form', { name: '升级为二类' }).getByLabel('原因').fill('顾客扬言投诉到总部')
  await classCard.getByRole('button', { name: '升级为二类' }).click()
  await expect(classCard.getByRole('heading', { name: /投诉类别/ })).toContainText('二类投诉')

  // Back at 已解决: the oral report no longer covers the case; 结案 waits, and says why.
  await expect(progress(page).getByRole('heading', { name: /处理进度/ })).toContainText('已解决')
  await expect(reportStep).toContainText('由报告记录自动完成')
  const close = progress(page).getByRole('button', { name: '结案' })
  await expect(close).toBeDisabled()
  await expect(close).toHaveAccessibleDescription('投诉当前为“已解决”，须先记录回访才能结案。')
  const submit = progress(page).getByRole('button', { name: '标记书面报告已提交' })
  await expect(submit).toBeDisabled()
  await expect(progress(page)).toContainText('二类投诉须先生成书面报告，才能标记已提交。')
  await expect(progress(page).getByRole('form', { name: '记录回访' })).toHaveCount(0)
  await regionShot(page, '40-raised-class2-close-waits-for-written-report')

  await writtenReport(page)
  await expect(reportStep).toContainText('✓')
  await earlyFollowUp(page, '孙先生来电询问处理结果', '41-early-follow-up-reason')
  await expect(close).toHaveAccessibleDescription(/须先填写反省检讨/)
  await review(page)
  await expect(close).toBeEnabled()
  await close.click()
  await expect(progress(page).getByRole('heading', { name: /处理进度/ })).toContainText('已结案')
  await expect(page.getByRole('complementary')).toContainText('孙先生来电询问处理结果') // the early reason is on record
})

test('an urgent case cannot be resolved before someone is told; once closed it stops heading the list', async ({
  page,
}) => {
  const host = await hosts.start()
  await page.goto(host.url)
  await completeSetup(page)
  await fillIntake(page, {
    name: '郑阿姨',
    category: '环境/设施',
    description: '顾客在店里滑倒摔伤了',
    demand: '赔偿',
    department: '收银',
  })
  await page.getByRole('button', { name: '保存' }).click()
  const card = page.getByRole('alert').filter({ hasText: '紧急事件 — 请立即上报主管' })
  await expect(card).toBeVisible()
  const urgent = await caseNumber(page)

  const resolveButton = progress(page).getByRole('button', { name: '标记已解决' })
  await expect(resolveButton).toBeDisabled()
  await expect(progress(page)).toContainText('紧急事件须先记录已通知主管（或由主管接手），才能标记已解决。')
  await expect(resolveButton).toHaveAccessibleDescription(
    '紧急事件须先记录已通知主管（或由主管接手），才能标记已解决。',
  )
  await expect(progress(page).getByLabel('解决方案')).toHaveCount(0)
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
  await resolve(page, '陪同就医，承担医药费')

  await writtenReport(page)
  await earlyFollowUp(page, '郑阿姨出院后来电')
  await review(page)
  await progress(page).getByRole('button', { name: '结案' }).click()
  await expect(progress(page).getByRole('heading', { name: /处理进度/ })).toContainText('已结案')

  // Closed, it no longer heads the list: the newer case comes first.
  await openList(page)
  await expect(page.getByRole('row').nth(1)).toContainText(newer)
  await expect(page.getByRole('row').nth(2)).toContainText(urgent)
  await expect(page.getByRole('row').nth(2)).not.toContainText('紧急·待接手')
  await shot(page, '44-closed-urgent-no-longer-first')
})
