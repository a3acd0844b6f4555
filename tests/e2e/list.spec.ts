import { expect, test, type Page } from '@playwright/test'
import { chooseOption, fillIntake, openList, pickDateRange, signedInClerk, useHosts } from './helpers'

const hosts = useHosts()

/** The list's body rows (role="row" inside the list's role="table"; the first row is the header). */
const bodyRows = (page: Page) => page.getByRole('table', { name: '投诉列表' }).getByRole('row')
const views = (page: Page) => page.getByRole('radiogroup', { name: '查看' })
const shotAt = async (page: Page, name: string) => {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: `test-results/screens/${name}-${width}.png` })
  }
}

async function logCase(page: Page, o: Parameters<typeof fillIntake>[1]): Promise<string> {
  await fillIntake(page, o)
  await page.getByRole('button', { name: '保存' }).click()
  const saved = page.getByText(/已保存，投诉编号/)
  await expect(saved).toBeVisible()
  return /KS-\d{8}-\d{4}/.exec((await saved.textContent()) ?? '')![0]
}

test('the case list: priority first, saved views, a row opens by click or Enter, date presets', async ({ page }) => {
  test.setTimeout(180_000)
  await signedInClerk(page, hosts)
  const plain = await logCase(page, {
    name: '冯先生',
    category: '配送/交付',
    description: '送货晚了两个小时，\n打电话也没人接。',
    demand: '解释',
    mood: '不满',
  })
  const urgent = await logCase(page, {
    name: '郑阿姨',
    category: '安全/健康',
    description: '昨天买的熟食吃了以后上吐下泻，要找记者曝光。',
    demand: '赔偿',
  })

  await openList(page)
  const rows = bodyRows(page)
  await expect(rows).toHaveCount(3)
  // The urgent case heads the list, tagged and coloured; the summary and the full 受理时间 show.
  const first = rows.nth(1)
  await expect(first).toContainText(urgent)
  await expect(first.getByText('紧急·待接手')).toBeVisible()
  await expect(first).toHaveClass(/row-urgent/)
  const second = rows.nth(2)
  await expect(second).toContainText('送货晚了两个小时， 打电话也没人接。')
  await expect(second.getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)).toBeVisible()
  await shotAt(page, '80-list')

  // Saved views: 紧急 holds the urgent case only; 待回访 and 逾期 nothing yet.
  await views(page).getByText('紧急', { exact: true }).click()
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText(urgent)
  await views(page).getByText('待回访', { exact: true }).click()
  await expect(page.getByText('没有符合条件的投诉。')).toBeVisible()
  await shotAt(page, '81-list-view-empty')
  await views(page).getByText('全部', { exact: true }).click()
  await expect(rows).toHaveCount(3)

  // A click anywhere in a row opens its case.
  await second.getByText('送货晚了两个小时', { exact: false }).click()
  await expect(page.getByRole('heading', { name: '投诉详情' })).toBeVisible()
  await expect(page.getByText(plain).first()).toBeVisible()
  await openList(page)
  // Keyboard: Tab to a row, ↓ to the next, Enter opens it.
  await bodyRows(page).nth(1).focus()
  await page.keyboard.press('ArrowDown')
  await expect(bodyRows(page).nth(2)).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: '投诉详情' })).toBeVisible()
  await expect(page.getByText(plain).first()).toBeVisible()

  // Filters: a searchable select by pinyin initials, date presets and a typed range.
  await openList(page)
  const category = page.getByRole('combobox', { name: '投诉类别' })
  await category.click()
  await category.fill('ps')
  await page.locator('.ant-select-item-option').filter({ hasText: '配送/交付' }).click()
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText(plain)
  await chooseOption(page.getByRole('combobox', { name: '状态' }), '已受理')
  await expect(rows).toHaveCount(2)
  await page.getByRole('button', { name: '清除筛选' }).click()
  await expect(rows).toHaveCount(3)

  await page.getByLabel('开始日期').click()
  await expect(page.getByText('上周', { exact: true })).toBeVisible()
  await shotAt(page, '82-list-date-presets')
  await page.getByText('上周', { exact: true }).click()
  await expect(page.getByText('没有符合条件的投诉。')).toBeVisible()
  await page.getByLabel('开始日期').click()
  await page.getByText('今天', { exact: true }).click()
  await expect(rows).toHaveCount(3)
  const today = new Date().toLocaleDateString('sv-SE')
  await pickDateRange(page.getByRole('search'), today, today)
  await expect(rows).toHaveCount(3)
})
