import { expect, test } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  approve,
  chooseOption,
  managerDesk,
  fillIntake,
  MANAGER,
  newDataDir,
  openList,
  saveIntake,
  confirmAndApprove,
  openSettings,
  shot,
  signIn,
  useHosts,
} from './helpers'

const hosts = useHosts()

test('an audit trail edited outside the app is flagged to everyone who signs in', async ({ page }) => {
  const dataDir = await newDataDir()
  let host = await managerDesk(page, hosts, { dataDir })
  await expect(page.getByText('审计记录校验失败')).toHaveCount(0)
  await host.stop()

  const file = join(dataDir, 'complaint-desk.audit.jsonl')
  const lines = (await readFile(file, 'utf8')).split('\n')
  const first = JSON.parse(lines[0])
  first.by.name = '别人' // rewrite who set the branch up
  lines[0] = JSON.stringify(first)
  await writeFile(file, lines.join('\n'))

  host = await hosts.start(dataDir)
  await page.goto(host.url)
  await expect(page.getByRole('alert').filter({ hasText: '审计记录校验失败' })).toContainText('第 1 条')
  await signIn(page, MANAGER.name, MANAGER.pin)
  await expect(page.getByText(`当前用户：${MANAGER.name}（主管）`)).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: '审计记录校验失败' })).toBeVisible()
  await shot(page, '17-audit-broken')
})

test('a manager restores a backup through Settings; later changes go, the pre-restore data is kept', async ({
  page,
}) => {
  await managerDesk(page, hosts)
  const logCase = async (name: string) => {
    await fillIntake(page, {
      name,
      phone: '',
      mood: '平静',
      category: '其他',
      description: `${name}的投诉`,
      demand: '解释',
    })
    await saveIntake(page)
  }
  await logCase('备份前客户')
  await openSettings(page, '数据与备份')
  const card = page.getByRole('region', { name: '备份与恢复' })
  await approve(card.getByRole('form', { name: '立即备份' }))
  await card.getByRole('button', { name: '立即备份' }).click()
  await expect(page.getByText(/^已备份：.+（1 件投诉）$/)).toBeVisible()
  const manual = card.getByRole('row').filter({ has: page.getByRole('cell', { name: '手动', exact: true }) })
  // One case in it, live, and nothing archived yet.
  await expect(manual.getByRole('cell').nth(2)).toHaveText(/^1\s*在用 1 件 · 归档 0 件（0 个月）$/)
  await logCase('备份后客户')

  // Restoring asks first, in red, saying what happens to today's data.
  await openSettings(page)
  await manual.getByRole('button', { name: /^恢复到 .+ 的备份$/ }).click()
  await expect(page.getByRole('dialog')).toContainText('当前数据会先另存为“恢复前”备份')
  await shot(page, '19-restore')
  await confirmAndApprove(page, '恢复', page.getByRole('heading', { name: '员工登录' }))

  await signIn(page, MANAGER.name, MANAGER.pin)
  await openList(page)
  // The name (exactly: the summary column repeats it in 备份前客户的投诉).
  await expect(page.getByText('备份前客户', { exact: true })).toBeVisible()
  await expect(page.getByText('备份后客户', { exact: true })).toHaveCount(0)
  await expect(page.getByText('备份后客户的投诉')).toHaveCount(0)
  await openSettings(page)
  const preRestore = card.getByRole('row').filter({ has: page.getByRole('cell', { name: '恢复前', exact: true }) })
  await expect(preRestore.getByRole('cell').nth(2)).toHaveText(/^2\s*在用 2 件 · 归档 0 件（0 个月）$/)
})

test('Ant Design draws every screen under the strict CSP: no style is refused, none injected', async ({ page }) => {
  const refused: string[] = []
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) refused.push(m.text())
  })
  await managerDesk(page, hosts)
  const nav = page.getByRole('navigation')
  for (const name of ['投诉列表', '新建投诉 (F2)', '交接班', '建议/意见', '报表', '设置', '首页']) {
    await nav.getByRole('button', { name }).click()
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  }
  // A select's list and a picker's panel open too.
  await nav.getByRole('button', { name: '设置' }).click()
  await page.getByRole('button', { name: '结束授权' }).click()
  const form = page.getByRole('form', { name: '添加员工' })
  await chooseOption(form.getByLabel('审批主管'), MANAGER.name)
  // No <style> element of antd's in the document: its CSS is the built stylesheet.
  expect(await page.locator('style').count()).toBe(0)
  expect(refused).toEqual([])
})
