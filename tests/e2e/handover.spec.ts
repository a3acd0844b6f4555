import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { execFileSync } from 'node:child_process'
import {
  addClerkAndSignIn,
  caseTab,
  chooseOption,
  completeSetup,
  fillIntake,
  MANAGER,
  openCaseAction,
  shot,
  useHosts,
} from './helpers'

const hosts = useHosts()

test('shift handover: the outgoing clerk reviews, the incoming manager signs with their PIN, the sheet prints and stays in history', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  const host = await hosts.start()
  await page.goto(host.url)
  await completeSetup(page)
  await addClerkAndSignIn(page, '李娜', '1357')

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
  await expect(form.getByRole('alert')).toContainText('PIN 码不正确')
  await form.getByLabel('接班人 PIN 码').fill(MANAGER.pin)
  await form.getByRole('button', { name: '接班人确认签收' }).click()
  await expect(page.getByText(`交接已签收：李娜 → ${MANAGER.name}`)).toBeVisible()
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

  // The day's oral report log prints from 报表 (none today: it says so).
  await page.getByRole('navigation').getByRole('button', { name: '报表' }).click()
  const [log] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '打印口头报告记录' }).click(),
  ])
  expect((await readFile(await log.path())).subarray(0, 5).toString()).toBe('%PDF-')
  expect(execFileSync('pdftotext', [await log.path(), '-'], { encoding: 'utf8' })).toContain('该期间没有口头报告')

  // The weekly tracking: last week is empty; this week shows the complaint, its chart and the PDF.
  const weekly = page.getByRole('region', { name: '每周部门投诉追踪' })
  await expect(weekly).toContainText('本周没有投诉')
  const today = new Date().toLocaleDateString('sv-SE')
  await weekly.getByLabel('开始日期').fill(today)
  await weekly.getByLabel('结束日期').fill(today)
  await expect(weekly.getByRole('row', { name: /售后服务/ })).toBeVisible()
  await expect(weekly.getByRole('img', { name: '按部门' }).locator('svg').first()).toBeVisible()
  await shot(page, '21-weekly')
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    weekly.getByRole('button', { name: '打印周报' }).click(),
  ])
  expect(execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], { encoding: 'utf8' })).toContain('售后服务')
})
