import { expect, test, type Locator, type Page } from '@playwright/test'
import {
  approve,
  chooseOption,
  managerDesk,
  confirmAndApprove,
  fillIntake,
  openSettings,
  shot,
  useHosts,
} from './helpers'

const hosts = useHosts()

const lastr = (page: Page) => page.getByRole('region', { name: /处理步骤（LASTR）|Handling steps/ })
/** A screenshot of one region (the full page is too tall to read). */
const regionShot = (l: Locator, name: string) => l.screenshot({ path: `test-results/screens/${name}.png` })
const nav = (page: Page, name: RegExp) => page.getByRole('navigation').getByRole('button', { name })

test('scripts read aloud: demand 其他 with the customer’s words, a style picked by its traits, an apology script edited and reset under 设置', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await managerDesk(page, hosts)

  // Intake: demand 其他, no product, and what the customer said word for word.
  await fillIntake(page, {
    name: '刘先生',
    category: '服务态度',
    description: '排队四十分钟，窗口只开了一个，工作人员还在聊天。',
    demand: '其他',
  })
  const words = '你们就是不把顾客当回事！'
  await page.getByLabel(/^客户原话/).fill(words)
  await expect(page.getByText(`${words.length} / 300`)).toBeVisible()
  await page.getByRole('button', { name: '保存' }).click()
  const saved = page.getByText(/已保存，投诉编号 KS-\d{8}-\d{4}/)
  await expect(saved).toBeVisible()
  const number = /KS-\d{8}-\d{4}/.exec((await saved.textContent())!)![0]
  const openCase = async () => {
    await nav(page, /投诉列表|Complaints/).click()
    await page.getByRole('button', { name: number }).click()
  }

  // The restatement reads naturally: no bare 其他, no dash; the customer's words quoted beside it.
  const panel = lastr(page)
  const restatement = panel.getByLabel('复述（念给客户听）')
  await expect(restatement).toContainText('我跟您确认一下您今天反映的情况：排队四十分钟')
  await expect(restatement).toContainText('我这样理解对吗？')
  await expect(restatement).not.toContainText('其他，对吗')
  await expect(restatement).not.toContainText('—')
  await expect(panel.getByLabel('客户原话')).toContainText(words)
  await expect(panel.getByText('先听，暂不解释、不争辩。')).toBeVisible()
  await expect(panel.getByText('“这件事我会报告主管，主管会在 24 小时内给您回电。”')).toBeVisible()
  await expect(panel.getByRole('table', { name: '忌用语：换个说法' })).toContainText('我来帮您联系负责的同事。')

  // The clerk recognises the customer by the traits and picks that style: it is recorded on the case.
  const styles = page.getByRole('radiogroup', { name: '客户性格：按特征选择' })
  await styles.getByText('投诉多').click()
  await expect(styles.getByRole('radio', { name: '独断型' })).toBeChecked()
  const facts = page.getByRole('region', { name: '登记信息' })
  await facts.getByRole('button', { name: '更多登记信息' }).click()
  await expect(facts).toContainText(/客户性格\s*独断型/)
  await panel.scrollIntoViewIfNeeded()
  await shot(page, 'scripts-lastr-zh')
  await regionShot(panel, 'scripts-lastr-panel-zh')

  // 设置: the manager edits the first apology script (关心) and saves with the PIN.
  await openSettings(page, '话术')
  const editor = page.getByRole('form', { name: '话术与提示' })
  const apology = editor.getByLabel('关心 · 话术')
  await apology.fill('真的非常抱歉，让您久等了。\n我理解您现在的心情。')
  await approve(editor)
  await editor.getByRole('button', { name: '保存话术' }).click()
  await expect(page.getByText('话术已保存。')).toBeVisible()
  await shot(page, 'scripts-settings-zh')
  await regionShot(editor, 'scripts-editor-zh')

  // The case page now shows the edited script.
  await openCase()
  await expect(lastr(page).getByText('真的非常抱歉，让您久等了。')).toBeVisible()
  await expect(lastr(page).getByText('非常抱歉给您带来了不便。')).toHaveCount(0)

  // 恢复默认 for that section, after a confirmation: the shipped scripts are back.
  await openSettings(page) // opens on 话术, the tab last in view
  const steps = editor.getByRole('group', { name: '各步骤话术与要点', exact: true })
  await steps.getByRole('button', { name: '恢复默认：各步骤话术与要点' }).click()
  await expect(page.getByRole('dialog')).toContainText('确定把“各步骤话术与要点”恢复为系统默认内容吗')
  await shot(page, 'scripts-reset-confirm-zh')
  await confirmAndApprove(page, '确定恢复', page.getByText('“各步骤话术与要点”已恢复默认。'))
  await expect(editor.getByLabel('关心 · 话术')).toHaveValue(/^非常抱歉给您带来了不便。/)

  await openCase()
  await expect(lastr(page).getByText('非常抱歉给您带来了不便。')).toBeVisible()
  await expect(lastr(page).getByText('真的非常抱歉，让您久等了。')).toHaveCount(0)

  // The same page in English.
  await openSettings(page, '通用')
  await chooseOption(page.getByLabel('界面语言'), 'English')
  await page.getByRole('tab', { name: 'Scripts', exact: true }).click()
  await shot(page, 'scripts-settings-en')
  await regionShot(page.getByRole('form', { name: 'Scripts and tips' }), 'scripts-editor-en')
  await openCase()
  const en = lastr(page).getByLabel('Restatement (read it to the customer)')
  await expect(en).toContainText('Let me check I have understood what you told us today')
  await expect(en).toContainText('Have I understood you correctly?')
  await expect(en).not.toContainText(/Other|—/)
  await lastr(page).scrollIntoViewIfNeeded()
  await shot(page, 'scripts-lastr-en')
  await regionShot(lastr(page), 'scripts-lastr-panel-en')
})
