import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import { addClerkAndSignIn, completeSetup, fillIntake, MANAGER, openList, shot, useHosts } from './helpers'

const hosts = useHosts()

test('the clerk exports the filtered list as CSV with phones masked; full phones need the manager PIN', async ({ page }) => {
  const host = await hosts.start()
  await page.goto(host.url)
  await completeSetup(page)
  await addClerkAndSignIn(page, '李娜', '1357')
  for (const [name, phone, description] of [['周先生', '13655556666', '约好上午送货，下午三点还没到。'], ['吴女士', '13911112222', '价签和结账价格不一致，多收了二十元。']]) {
    await fillIntake(page, { name, phone, mood: '不满', category: '配送/交付', description, demand: '解释' })
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByRole('heading', { name: '投诉详情' })).toBeVisible()
  }
  await openList(page)
  await page.getByRole('searchbox', { name: /搜索/ }).fill('送货')
  await expect(page.getByText('共 1 条')).toBeVisible()

  const [masked] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()])
  expect(masked.suggestedFilename()).toMatch(/^投诉清单-\d{8}-\d{4}\.csv$/)
  const bytes = await readFile(await masked.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.toString('utf8')
  expect(text).toContain('周先生')
  expect(text).toContain('136****6666')
  expect(text).not.toContain('13655556666')
  expect(text).not.toContain('吴女士') // the search filter applies

  await page.getByText('导出含完整电话…').click()
  const form = page.getByRole('form', { name: '导出完整电话需主管 PIN' })
  await form.getByLabel(/PIN/).fill('1357')
  await form.getByRole('button', { name: '导出' }).click()
  await expect(form.getByRole('alert')).toContainText('PIN')
  await form.getByLabel(/PIN/).fill(MANAGER.pin)
  const [full] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: '导出' }).click()])
  expect((await readFile(await full.path())).toString('utf8')).toContain('13655556666')
  await shot(page, '30-export-csv')
})
