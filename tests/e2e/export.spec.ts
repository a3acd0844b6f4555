import { expect, test } from '@playwright/test'
import { readFile } from 'node:fs/promises'
import {
  signedInClerk,
  approve,
  managerDesk,
  fillIntake,
  MANAGER,
  openList,
  openSettings,
  shot,
  useHosts,
} from './helpers'

const hosts = useHosts()

test('the clerk exports the filtered list as CSV with phones masked; full phones need the manager PIN', async ({
  page,
}) => {
  await signedInClerk(page, hosts)
  for (const [name, phone, description] of [
    ['周先生', '13655556666', '约好上午送货，下午三点还没到。'],
    ['吴女士', '13911112222', '价签和结账价格不一致，多收了二十元。'],
  ]) {
    await fillIntake(page, { name, phone, mood: '不满', category: '配送/交付', description, demand: '解释' })
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByRole('heading', { name: '投诉详情' })).toBeVisible()
  }
  await openList(page)
  await page.getByRole('searchbox', { name: /搜索/ }).fill('送货')
  await expect(page.getByText('共 1 条')).toBeVisible()

  const [masked] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出 CSV' }).click(),
  ])
  expect(masked.suggestedFilename()).toMatch(/^投诉清单-\d{8}-\d{4}\.csv$/)
  const bytes = await readFile(await masked.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const text = bytes.toString('utf8')
  expect(text).toContain('周先生')
  expect(text).toContain('136****6666')
  expect(text).not.toContain('13655556666')
  expect(text).not.toContain('吴女士') // the search filter applies
  await expect(page.locator('.ant-message')).toContainText(/已导出 1 条 → 投诉清单-\d{8}-\d{4}\.csv/)

  await page.getByText('导出完整电话（需主管）').click()
  const form = page.getByRole('form', { name: '导出完整电话需主管 PIN' })
  await form.getByLabel(/PIN/).fill('1357')
  await form.getByRole('button', { name: '导出' }).click()
  await expect(form.getByRole('alert')).toContainText('PIN')
  await form.getByLabel(/PIN/).fill(MANAGER.pin)
  const [full] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: '导出' }).click()])
  expect((await readFile(await full.path())).toString('utf8')).toContain('13655556666')
  await expect(form).toBeHidden() // done: the manager's form closes, the toast names the file
  await shot(page, '30-export-csv')
})

test('a branch exports its data bundle; head office imports it, and importing it again changes nothing', async ({
  browser,
}) => {
  test.slow() // two installations, a bundle out of one and into the other twice
  const branchPage = await browser.newPage()
  await managerDesk(branchPage, hosts)
  await fillIntake(branchPage, {
    name: '周先生',
    phone: '13655556666',
    mood: '不满',
    category: '配送/交付',
    description: '约好上午送货，下午三点还没到。',
    demand: '解释',
  })
  await branchPage.getByRole('button', { name: '保存' }).click()
  await expect(branchPage.getByRole('heading', { name: '投诉详情' })).toBeVisible()
  await openSettings(branchPage, '数据与备份')
  const exportForm = branchPage.getByRole('form', { name: '导出本店数据包' })
  await approve(exportForm)
  const [bundle] = await Promise.all([
    branchPage.waitForEvent('download'),
    exportForm.getByRole('button', { name: '导出数据包' }).click(),
  ])
  expect(bundle.suggestedFilename()).toMatch(/^客诉台数据包-SH01-\d{8}-\d{4}\.json\.gz$/)
  // The toast names the file.
  await expect(branchPage.getByText(`已导出数据包 → ${bundle.suggestedFilename()}`)).toBeVisible()
  const bundlePath = await bundle.path()

  const hqPage = await browser.newPage()
  await managerDesk(hqPage, hosts, { branch: { name: '华东区总部', code: 'HQ01' } })
  await openSettings(hqPage, '数据与备份')
  const importForm = hqPage.getByRole('form', { name: '导入门店数据包' })
  await approve(importForm)
  await importForm.getByRole('button', { name: '导入数据包' }).click()
  // Said under the file field, and tied to it.
  await expect(importForm.getByLabel('数据包文件')).toHaveAccessibleDescription(/请选择数据包文件/)
  await hqPage
    .getByLabel('数据包文件')
    .setInputFiles({ name: 'sh01.json.gz', mimeType: 'application/gzip', buffer: await readFile(bundlePath) })
  await approve(importForm)
  await importForm.getByRole('button', { name: '导入数据包' }).click()
  await expect(hqPage.getByRole('status').filter({ hasText: '新增 1 件' })).toContainText(
    '静安寺店（SH01）：新增 1 件，已存在且相同 0 件',
  )
  await hqPage
    .getByRole('region', { name: '数据包（总部汇总）' })
    .screenshot({ path: 'test-results/screens/31-bundle-imported.png' })
  await approve(importForm)
  await importForm.getByRole('button', { name: '导入数据包' }).click()
  await expect(hqPage.getByRole('status').filter({ hasText: '新增 0 件' })).toContainText('已存在且相同 1 件')
  await openList(hqPage)
  await expect(hqPage.getByText('共 1 条')).toBeVisible()
  await expect(hqPage.getByRole('cell', { name: '周先生' })).toBeVisible()
  await expect(hqPage.getByTitle('来自门店 SH01')).toBeVisible()
  await shot(hqPage, '34-head-office-list')
})
