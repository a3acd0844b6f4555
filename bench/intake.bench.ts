/// <reference lib="dom" />
// npm run bench (after a build): the standard simple complaint (a cashier short-change) logged
// in Chromium with the keyboard only. Counts the keys pressed other than the complaint's own
// text (issue 14: at most 20), and times save → case page visible over repeated saves (p95 ≤
// 300 ms). Each run checks the case was saved as planned, so a plan that stops fitting the form
// fails instead of counting keys that did nothing. Skipped with a note when the app is not built.
import { expect, it } from 'vitest'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { openServices } from '../electron/services'
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium'
import { startHost } from '../tests/support/host'

const PIN = '246810'
const built = existsSync(new URL('../out/main/bridge.js', import.meta.url))

/** The complaint: what the customer said and who they are is typed text; everything else is keys. */
const COMPLAINT = {
  name: '王女士',
  phone: '13812345678',
  loss: '10',
  description: '结账时收银员少找了10元，顾客要求退回。',
}

/** A step of the plan: text typed (not counted) or one key or chord pressed (counted). */
type Step = { type: string } | { press: string }
const type = (text: string): Step => ({ type: text })
const press = (key: string, times = 1): Step[] => Array.from({ length: times }, () => ({ press: key }))

/**
 * The keys a clerk presses on the intake form, from F2 to saved: focus starts in 客户姓名; Enter
 * moves to the next field (a select's search takes what is typed: pinyin initials, each letter
 * counted as a key); 投诉内容 is left with Tab (Enter there is a new line); Ctrl+Enter saves.
 * (The form before issue 14 — native selects moved with the arrow keys, Tab between fields —
 * took 25 keys for the same complaint.)
 */
const PLAN: Step[] = [
  ...press('F2'),
  type(COMPLAINT.name),
  ...press('Enter'), // → 联系电话
  type(COMPLAINT.phone),
  ...press('Enter'), // → 情绪 (first radio)
  ...press('ArrowRight'), // 平静 → 不满
  ...press('Enter'), // → 客户类型 (普通 stays)
  ...press('Enter'), // → 客户性格 (left blank)
  ...press('Enter'), // → 涉及部门
  ...'sy'.split('').flatMap((k) => press(k)), // 收银
  ...press('Enter'), // picked; → 投诉类别
  ...'syc'.split('').flatMap((k) => press(k)), // 收银差错
  ...press('Enter'), // picked; → 投诉内容
  type(COMPLAINT.description),
  ...press('Tab'), // → 客户诉求
  ...'tk'.split('').flatMap((k) => press(k)), // 退款
  ...press('Enter'), // picked; → 损失金额
  type(COMPLAINT.loss),
  ...press('Control+Enter'), // save
]

async function seed(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cd-intake-'))
  const services = await openServices(dir)
  await services.dispatch('setup:init', {
    branch: { name: '静安寺店', code: 'SH01' },
    manager: { name: '陈主管', pin: PIN, pinConfirm: PIN },
    // A branch's first run asks for them (docs/domain.md §1): without, setup is refused.
    contacts: {
      managerContacts: [{ name: '陈主管', role: '店长', phone: '13800001111' }],
      serviceContact: '021-62345678',
    },
  })
  await services.close()
  return dir
}

async function signIn(page: Page) {
  await page.getByLabel('员工姓名').selectOption({ label: '陈主管（主管）' })
  await page.getByLabel('PIN 码').fill(PIN)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('heading', { name: '首页', level: 1 }).waitFor()
}

/** Runs the plan with the keyboard alone; returns the keys pressed (typed text not counted). */
async function logByKeyboard(page: Page): Promise<number> {
  let keys = 0
  for (const step of PLAN) {
    if ('type' in step) await page.keyboard.type(step.type)
    else {
      await page.keyboard.press(step.press)
      keys += 1
      // F2 opens the form: the clerk starts typing once the cursor is in 客户姓名.
      if (step.press === 'F2') await page.waitForFunction(() => document.activeElement?.id === 'customerName')
    }
  }
  await page.getByText(/已保存，投诉编号/).waitFor()
  return keys
}

it.skipIf(!built)(
  'intake: the standard simple complaint by keyboard alone, and save → case page',
  async () => {
    const dir = await seed()
    const host = await startHost(dir)
    const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
    try {
      await page.goto(host.url)
      await signIn(page)
      const keys = await logByKeyboard(page)
      const text = await page.locator('body').innerText()
      // What the plan chose is on the case page: a plan that drifted from the form fails here.
      for (const expected of [COMPLAINT.name, '不满', '收银', '收银差错', '¥10.00', '退款', COMPLAINT.description])
        expect(text).toContain(expected)

      // Save → case page visible, again and again (filled directly: only the save is timed), and
      // F2 → the form ready to type in (the clerk's draft read, the first field focused).
      const times: number[] = []
      const opens: number[] = []
      for (let i = 0; i < 25; i++) {
        const o = performance.now()
        await page.keyboard.press('F2')
        await page.waitForFunction(() => document.activeElement?.id === 'customerName')
        opens.push(performance.now() - o)
        await logByKeyboardFast(page, i)
        const t = performance.now()
        await page.keyboard.press('Control+Enter')
        await page.getByText(/已保存，投诉编号/).waitFor()
        times.push(performance.now() - t)
      }
      const quantile = (xs: number[], q: number) =>
        [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]
      const sorted = [...times].sort((a, b) => a - b)
      const p = (q: number) => quantile(times, q)
      console.log(
        [
          '',
          `keyboard-only standard complaint: ${keys} keys besides the typed text (issue 14: ≤ 20)`,
          `save → case page visible (${times.length} saves): median ${p(0.5).toFixed(0)} ms · p95 ${p(0.95).toFixed(0)} ms · max ${sorted.at(-1)!.toFixed(0)} ms (issue 14: p95 ≤ 300 ms)`,
          `F2 → form ready to type (${opens.length} opens): median ${quantile(opens, 0.5).toFixed(0)} ms · p95 ${quantile(opens, 0.95).toFixed(0)} ms`,
          '',
        ].join('\n'),
      )
    } finally {
      await browser.close()
      await host.stop()
      await rm(dir, { recursive: true, force: true })
    }
  },
  600_000,
)

/** An antd select: typed into and the option picked with Enter. */
async function pick(page: Page, label: RegExp, typed: string) {
  const input = page.getByLabel(label)
  await input.click()
  await input.fill(typed)
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').first().waitFor()
  await input.press('Enter')
}

/** The same complaint, filled by field (not timed, not counted): the form ready to save. */
async function logByKeyboardFast(page: Page, i: number) {
  await page.getByLabel(/^客户姓名/).fill(`${COMPLAINT.name}${i}`)
  await page.getByRole('radio', { name: '不满' }).check()
  await pick(page, /^涉及部门/, 'sy')
  await pick(page, /^投诉类别/, 'syc')
  await page.getByLabel(/^投诉内容/).fill(COMPLAINT.description)
  await pick(page, /^客户诉求/, 'tk')
  await page.getByLabel(/^损失金额/).fill(COMPLAINT.loss)
  await page.getByLabel(/^损失金额/).focus()
}
