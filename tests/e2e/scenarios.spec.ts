import { expect, test, type Page } from '@playwright/test'
import { caseClass, caseTab, fillIntake, shot, signedInClerk, useHosts } from './helpers'

// The chooser follows the material's scenario templates (docs/domain.md §7a), read as the clerk sees them.
const hosts = useHosts()

async function proposals(page: Page) {
  await caseTab(page, '补偿方案')
  const panel = page.getByRole('region', { name: '补偿方案' })
  await panel.getByRole('button', { name: '提出补偿方案' }).click()
  const cards = panel.getByRole('listitem').filter({ has: page.getByRole('button', { name: '提供此方案' }) })
  await expect(cards.first()).toBeVisible()
  return { panel, cards }
}

test('the ¥299 dress and the rude clerk: apology, improvement and a small gift or coupon — no refund', async ({
  page,
}) => {
  await signedInClerk(page, hosts)

  await fillIntake(page, {
    name: '孙女士',
    mood: '不满',
    department: '商品部',
    category: '服务态度',
    amount: '299',
    description: '试穿一条 299 元的连衣裙时，店员说“买不起就别试”，客户很不高兴，要求道歉。',
    demand: '道歉',
    fault: '我方',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()

  const { panel, cards } = await proposals(page)
  // The price is not the loss: a rude clerk costs the customer nothing to restore.
  await expect(panel.getByLabel('金额', { exact: true })).toContainText(
    '商品/服务金额 ¥299.00 · 实际损失：未填写，不计损失',
  )
  await expect(panel.getByLabel('金额', { exact: true })).toContainText('实际损失：未填写，不计损失')
  await expect(cards.first()).toContainText('道歉与解释（说明改进措施） + 优惠券 ¥20.00')
  await expect(cards.first()).toContainText('真诚道歉，说明改进措施')
  await expect(cards.nth(1)).toContainText('礼品')
  for (const card of await cards.all()) {
    await expect(card).not.toContainText('退款')
    await expect(card).toContainText('在权限内')
  }
  await shot(page, '40-chooser-dress-attitude')
})

test('food poisoning, ¥1,000 claimed: medical costs reimbursed and the product refunded come first', async ({
  page,
}) => {
  await signedInClerk(page, hosts)

  await fillIntake(page, {
    name: '周先生',
    mood: '激动',
    department: '商品部',
    category: '安全/健康',
    amount: '38.50',
    claim: '1000',
    description: '昨天在熟食柜买的卤牛肉，全家吃了以后上吐下泻，去医院看了急诊，带来了病历和发票。',
    demand: '赔偿',
    fault: '我方',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()
  await expect(caseClass(page)).toHaveText('二类投诉')

  const { panel, cards } = await proposals(page)
  await expect(panel.getByLabel('金额', { exact: true })).toContainText(
    '实际损失：未填写，按客户索赔 ¥1000.00 计（待核实）',
  )
  await expect(cards.first()).toContainText('报销医疗费用（凭票据实报实销） ¥961.50')
  await expect(cards.first()).toContainText('全额退款 ¥38.50')
  await expect(cards.first()).toContainText('价值 ¥1000.00 · 客户索赔 ¥1000.00')
  await expect(cards.first()).toContainText('客户健康第一')
  for (const card of await cards.all()) {
    await expect(card).not.toContainText('优惠券')
    await expect(card).not.toContainText('换货 ¥38.50 + 道歉与解释 ¥')
  }
  await shot(page, '41-chooser-food-poisoning')
})

test('服务态度 + 激动: the intake asks "是否涉及辱骂？", one click makes it Class 2, confirmed at the desk', async ({
  page,
}) => {
  await signedInClerk(page, hosts)

  await fillIntake(page, {
    name: '吴先生',
    mood: '激动',
    department: '前台/服务台',
    category: '服务态度',
    description: '客户说柜员嫌他问得多，说话很冲，他非常生气。',
    demand: '道歉',
  })
  const preview = page.getByRole('region', { name: /系统建议/ })
  const questions = preview.getByRole('group', { name: '请向客户确认' })
  await expect(questions).toContainText('员工是否有辱骂、争执或推搡？')
  await expect(preview).toContainText('一类投诉')
  await shot(page, '42-intake-prompts')
  await questions.getByRole('button', { name: '是', exact: true }).first().click()
  await expect(preview).toContainText('二类投诉')
  await expect(preview).toContainText('前台确认')
  await expect(questions).not.toContainText('员工是否有辱骂')
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()
  await expect(caseClass(page)).toHaveText('二类投诉')
  await expect(page.getByText(/前台确认/).first()).toBeVisible()
})
