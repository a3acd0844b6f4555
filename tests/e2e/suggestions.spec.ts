import { expect, test } from '@playwright/test'
import { shot, signedInClerk, useHosts, chooseOption } from './helpers'

const hosts = useHosts()

test('a customer’s suggestion is recorded and thanked for, answered, and never shows as a complaint', async ({
  page,
}) => {
  await signedInClerk(page, hosts)

  await page.getByRole('button', { name: '建议/意见' }).click()
  await expect(page.getByText('还没有登记建议或意见。')).toBeVisible()
  const form = page.getByRole('form', { name: '登记建议/意见' })
  await form.getByRole('button', { name: '登记并致谢' }).click()
  await expect(form.getByText('此项必填')).toBeVisible() // the text is required; nothing saved
  await chooseOption(form.getByLabel('类型'), '建议')
  await form.getByLabel('内容').fill('希望生鲜区早上七点就开门，上班前能买菜。')
  await form.getByRole('button', { name: '登记并致谢' }).click()
  await expect(page.getByText(/已登记 JY-\d{8}-0001。请向客户致谢/)).toBeVisible()
  const item = page.getByRole('listitem', { name: /JY-\d{8}-0001/ })
  await expect(item).toContainText('希望生鲜区早上七点就开门')
  await expect(item).toContainText('匿名')

  await item.getByRole('button', { name: '记录答复/采纳情况' }).click()
  await item.getByLabel('答复或采纳情况').fill('已转店长，下周起七点开门。')
  await item.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('listitem', { name: /JY-\d{8}-0001/ })).toContainText('答复：已转店长，下周起七点开门。')
  await shot(page, '43-suggestions')

  await page.getByRole('button', { name: '投诉列表' }).click()
  await expect(page.getByText(/共 0 件|没有投诉/).first()).toBeVisible()
})
