import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import { signedInClerk, caseTab, chooseOption, fillIntake, MANAGER, openCaseAction, shot, useHosts } from './helpers'

const hosts = useHosts()

test('shift handover: the outgoing clerk reviews, the incoming manager signs with their PIN, the sheet prints and stays in history', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await signedInClerk(page, hosts)

  await fillIntake(page, {
    name: '周先生',
    phone: '13655556666',
    mood: '不满',
    department: '售后服务',
    category: '配送/交付',
    description: '约好上午送货，下午三点还没到。',
    demand: '解释',
  })
  await page.getByRole('button', { name: '保存' }).click()
  const promise = await openCaseAction(page, '添加承诺')
  await promise.getByLabel('承诺内容').fill('今晚七点前确认送达时间并回电')
  await promise.getByLabel('负责人').fill('接班人')
  await promise.getByRole('button', { name: '添加承诺' }).click()
  await expect(promise).toBeHidden()
  await expect(await caseTab(page, '承诺')).toContainText('即将到期')

  await page.getByRole('navigation').getByRole('button', { name: '交接班' }).click()
  await expect(page.getByRole('region', { name: /未来 8 小时内到期/ })).toContainText('今晚七点前确认送达时间并回电')
  await expect(page.getByRole('region', { name: /未结案投诉（1 件）/ })).toContainText('136****6666')
  const form = page.getByRole('form', { name: '接班人确认签收' })
  await form.getByLabel('交接说明').fill('周先生可能会再打电话来，语气较急。')
  await chooseOption(form.getByLabel(/^接班人\s*\*?$/), MANAGER.name)
  await form.getByLabel('接班人 PIN 码').fill('111111')
  await form.getByRole('button', { name: '接班人确认签收' }).click()
  // A wrong PIN is said next to the PIN field (and the field emptied).
  await expect(form.getByLabel('接班人 PIN 码')).toHaveAccessibleDescription(/PIN 码不正确/)
  await form.getByLabel('接班人 PIN 码').fill(MANAGER.pin)
  await form.getByRole('button', { name: '接班人确认签收' }).click()
  await expect(page.locator('.ant-message')).toContainText(`交接已签收：李娜 → ${MANAGER.name}`)
  await expect(page.getByRole('status').filter({ hasText: `交接已签收：李娜 → ${MANAGER.name}（` })).toBeVisible()
  await expect(form.getByLabel('交接说明')).toHaveValue('')
  await shot(page, '20-handover')

  const [sheet] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('status').getByRole('button', { name: '打印交接班表' }).click(),
  ])
  const text = execFileSync('pdftotext', ['-layout', await sheet.path(), '-'], { encoding: 'utf8' })
  expect(text).toContain('周先生可能会再打电话来')
  // The commitment's text wraps in its table cell: its first line, then the printed sign-off.
  expect(text).toContain('今晚七点前确认送达')
  expect(text).toContain(`接班人 ${MANAGER.name} 于`)
  expect(text).toContain('凭本人 PIN 码签收')
  await expect(page.getByRole('region', { name: '历史交接记录' })).toContainText(`李娜 → ${MANAGER.name}`)

  // The next shift sees the handover on 首页: who, when, the notes, the open cases.
  await page.getByRole('navigation').getByRole('button', { name: '首页' }).click()
  const last = page.getByRole('region', { name: '上一班交接' })
  await expect(last).toContainText(`李娜 → ${MANAGER.name}`)
  await expect(last).toContainText('周先生可能会再打电话来，语气较急。')
  await expect(last).toContainText('未结案投诉（1 件）')
  await expect(last.getByRole('button', { name: /^KS-/ })).toBeVisible()

  // The weekly tracking opens on this week: today's complaint is in it, with a 合计 row, charts and the PDF.
  await page.getByRole('navigation').getByRole('button', { name: '报表' }).click()
  const weekly = page.getByRole('region', { name: '每周部门投诉追踪' })
  await expect(weekly).toContainText(/本周（.+）共 1 件/)
  await expect(weekly).not.toContainText('没有投诉')
  await expect(weekly.getByRole('row', { name: /售后服务/ }).first()).toBeVisible()
  await expect(weekly.getByRole('row', { name: /^合计/ }).first()).toBeVisible()
  await expect(weekly.getByRole('img', { name: '按部门的一类、二类投诉数' }).locator('svg').first()).toBeVisible()
  await shot(page, '21-weekly')
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    weekly.getByRole('button', { name: '打印周报' }).click(),
  ])
  expect(execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], { encoding: 'utf8' })).toContain('售后服务')
  await expect(page.locator('.ant-message')).toContainText(/已生成 每周部门投诉追踪-.+\.pdf/)
  // Last week had none, and says so by its name.
  await weekly.getByRole('button', { name: '上周' }).click()
  await expect(weekly).toContainText(/上周（.+）没有投诉。/)

  // The day's oral report log prints from 报表 (none today: it says so).
  await page.getByRole('tab', { name: '口头报告记录' }).click()
  const [log] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '打印口头报告记录' }).click(),
  ])
  expect((await readFile(await log.path())).subarray(0, 5).toString()).toBe('%PDF-')
  expect(execFileSync('pdftotext', [await log.path(), '-'], { encoding: 'utf8' })).toContain('该期间没有口头报告')
})
