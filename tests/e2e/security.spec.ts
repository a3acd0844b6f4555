import { expect, test } from '@playwright/test'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { completeSetup, MANAGER, newDataDir, shot, signIn, useHosts } from './helpers'

const hosts = useHosts()

test('an audit trail edited outside the app is flagged to everyone who signs in', async ({ page }) => {
  const dataDir = await newDataDir()
  let host = await hosts.start(dataDir)
  await page.goto(host.url)
  await completeSetup(page)
  await expect(page.getByText('审计记录校验失败')).toHaveCount(0)
  await host.stop()

  const file = join(dataDir, 'complaint-desk.json')
  const data = JSON.parse(await readFile(file, 'utf8'))
  data.audit[0].by.name = '别人' // rewrite who set the branch up
  await writeFile(file, JSON.stringify(data))

  host = await hosts.start(dataDir)
  await page.goto(host.url)
  await expect(page.getByRole('alert').filter({ hasText: '审计记录校验失败' })).toContainText('第 1 条')
  await signIn(page, MANAGER.name, MANAGER.pin)
  await expect(page.getByText(`当前用户：${MANAGER.name}（主管）`)).toBeVisible()
  await expect(page.getByRole('alert').filter({ hasText: '审计记录校验失败' })).toBeVisible()
  await shot(page, '17-audit-broken')
})
