import { expect, test } from '@playwright/test'
import {
  signedInClerk,
  approve,
  caseClass,
  caseTab,
  caseTimeline,
  chooseOption,
  fillIntake,
  MANAGER,
  shot,
  useHosts,
} from './helpers'

const hosts = useHosts()

test('compensation: choose an option, exceed the limit, get manager approval, record execution', async ({ page }) => {
  test.slow() // a whole journey through the case page
  await signedInClerk(page, hosts)

  await fillIntake(page, {
    name: '赵先生',
    phone: '',
    mood: '不满',
    department: '商品部',
    category: '产品质量',
    amount: '300',
    description: '买的电饭煲用了三天就不加热了，要求退货。',
    demand: '退款',
    fault: '我方',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()

  await caseTab(page, '补偿方案')
  const panel = page.getByRole('region', { name: '补偿方案' })
  await panel.getByRole('button', { name: '提出补偿方案' }).click()
  const cards = panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: '提供此方案' }) })
  await expect(cards).toHaveCount(3)
  await expect(cards.first()).toContainText('全额退款 ¥300.00')
  await expect(cards.first()).toContainText('在权限内')
  await shot(page, '15-compensation-chooser')

  // The customer prefers cash on top: a custom offer above the clerk's ¥100 authority.
  await panel.getByText('自定义方案').click()
  const custom = panel.getByRole('form', { name: '自定义方案' })
  await chooseOption(custom.getByLabel('补偿形式'), '全额退款')
  await custom.getByLabel('金额（¥）').fill('300')
  await custom.getByRole('button', { name: '再加一项' }).click()
  await chooseOption(custom.getByLabel('补偿形式').nth(1), '现金补偿')
  await custom.getByLabel('金额（¥）').nth(1).fill('120')
  await custom.getByRole('button', { name: '提供此方案' }).click()
  const confirm = panel.getByRole('form', { name: '提供此方案' })
  await expect(confirm).toContainText('超出前台权限')
  await chooseOption(confirm.getByLabel('审批主管'), MANAGER.name)
  await confirm.getByLabel('主管 PIN 码').fill('1357') // the clerk's own PIN is not a manager's
  await confirm.getByRole('button', { name: '主管审批并提出' }).click()
  await expect(confirm).toContainText('PIN 码不正确') // said under the PIN, where it is typed again
  await approve(confirm)
  await confirm.getByRole('button', { name: '主管审批并提出' }).click()

  const offer = panel.getByRole('listitem').filter({ hasText: '现金补偿' })
  await expect(offer).toContainText('已提出')
  await expect(offer).toContainText(`主管 ${MANAGER.name} 审批`)
  await expect(caseClass(page)).toHaveText('二类投诉') // goodwill above authority
  await offer.getByRole('button', { name: '客户接受' }).click()
  await offer.getByLabel('退款单号').fill('TK-20261122-031')
  await offer.getByRole('button', { name: '记录执行' }).click()
  await expect(offer).toContainText('已执行')
  await expect(offer).toContainText('TK-20261122-031')
  await expect(caseTimeline(page)).toContainText('补偿已执行')
  await shot(page, '16-compensation-executed')
})
