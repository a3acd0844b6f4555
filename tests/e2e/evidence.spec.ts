import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { makePdf, makePng } from '../support/images'
import { caseTab, caseTimeline, managerDesk, fillIntake, newDataDir, openList, shot, useHosts } from './helpers'

const hosts = useHosts()
const evidence = (page: Page) => page.getByRole('region', { name: '证据附件' })

test('evidence: attach a photo, see its thumbnail and a larger view; a text file named .jpg is refused; after a reload the photo is still there', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  const dataDir = await newDataDir()
  await managerDesk(page, hosts, { dataDir })
  await fillIntake(page, {
    name: '周女士',
    mood: '不满',
    category: '产品质量',
    description: '新买的保温杯漏水，小票和杯底标签都带来了。',
    demand: '换货',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()
  const number = (await page.locator('.title-number').innerText()).trim()

  await caseTab(page, '证据附件')
  const panel = evidence(page)
  await expect(panel).toContainText('还没有证据附件。')
  await panel.scrollIntoViewIfNeeded()
  await shot(page, '80-evidence-empty')
  await panel.screenshot({ path: 'test-results/screens/80b-evidence-panel-empty.png' })

  // A photo of the receipt, with a caption.
  await panel
    .getByLabel('选择文件')
    .setInputFiles({ name: '小票.png', mimeType: 'image/png', buffer: makePng(240, 180) })
  await expect(panel.getByText('小票.png', { exact: true })).toBeVisible()
  await panel.getByLabel('说明（可选）').fill('小票正面')
  await panel.getByRole('button', { name: '添加附件' }).click()
  await expect(page.getByText('已添加：小票.png')).toBeVisible({ timeout: 15_000 }) // a toast names the file
  const list = panel.getByRole('list', { name: '附件列表' })
  const thumb = list.getByAltText('小票.png 的缩略图')
  await expect(thumb).toBeVisible()
  expect(await thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(240)
  await expect(list).toContainText('小票正面')
  await expect(list).toContainText('PNG 图片')
  await expect(caseTimeline(page)).toContainText('添加证据附件')

  // A text file renamed .jpg: refused next to the control, and nothing changes.
  await panel.getByLabel('选择文件').setInputFiles({
    name: '照片.jpg',
    mimeType: 'image/jpeg',
    buffer: Buffer.from('这不是照片，只是一段文字。'),
  })
  await panel.getByRole('button', { name: '添加附件' }).click()
  await expect(panel.getByRole('alert')).toHaveText(
    '“照片.jpg”不是图片或 PDF（按文件内容判断，与文件名无关），未添加。',
  )
  await expect(list.getByRole('listitem')).toHaveCount(1)
  await shot(page, '81-evidence-refused')
  await panel.screenshot({ path: 'test-results/screens/81b-evidence-panel-refused.png' })

  // A PDF (the invoice): listed with a PDF mark, its name and size.
  await panel.getByLabel('选择文件').setInputFiles({ name: '发票.pdf', mimeType: 'application/pdf', buffer: makePdf() })
  await panel.getByRole('button', { name: '添加附件' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list.getByRole('img', { name: 'PDF 文件' })).toBeVisible()
  await expect(list.getByRole('listitem').nth(1)).toContainText('发票.pdf')

  // The larger view.
  await list.getByRole('button', { name: '查看大图：小票.png' }).click()
  const viewer = page.getByRole('dialog', { name: '小票.png' })
  await expect(viewer.getByRole('img', { name: '小票.png' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/82-evidence-viewer.png' })
  await viewer.getByRole('button', { name: '关闭' }).click()
  await expect(viewer).toBeHidden()
  await panel.scrollIntoViewIfNeeded()
  await shot(page, '83-evidence-list')
  await panel.screenshot({ path: 'test-results/screens/83b-evidence-panel-list.png' })

  // Stored once each, by content hash, in the data folder.
  expect((await readdir(join(dataDir, 'evidence'))).filter((n) => /^[0-9a-f]{64}$/.test(n))).toHaveLength(2)

  // After a reload the photo is still there.
  await page.reload()
  await openList(page)
  await page.getByRole('button', { name: number }).click()
  await caseTab(page, '证据附件')
  const again = evidence(page).getByRole('list', { name: '附件列表' })
  const after = again.getByAltText('小票.png 的缩略图')
  await expect(after).toBeVisible()
  expect(await after.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240)

  // Voided with a reason: still listed, marked.
  await again.getByRole('listitem').nth(1).getByRole('button', { name: '作废' }).click()
  const voiding = page.getByRole('dialog', { name: '作废附件：发票.pdf' })
  await voiding.getByLabel('作废原因').fill('与本单无关')
  await voiding.getByRole('button', { name: '确认作废' }).click()
  await expect(voiding).toBeHidden()
  await expect(again.getByRole('listitem').nth(1)).toContainText('已作废：与本单无关')
  await evidence(page).scrollIntoViewIfNeeded()
  await shot(page, '84-evidence-after-reload-voided')
  await evidence(page).screenshot({ path: 'test-results/screens/84b-evidence-panel-voided.png' })
})
