import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import { startHost, type Host } from '../support/host'

import { MANAGER, SERVICE_PHONE, SETUP_CONTACT, seedBranch, type Seed } from './seed'

export { MANAGER, SERVICE_PHONE, SETUP_CONTACT }

export function newDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'complaint-desk-e2e-'))
}

/** The first-run wizard's manager step: 陈主管 with their PIN, typed twice. */
export async function fillFirstManager(page: Page): Promise<void> {
  await page.getByLabel('主管姓名').fill(MANAGER.name)
  await page.getByLabel('PIN 码（4–8 位数字）').fill(MANAGER.pin)
  await page.getByLabel('再次输入 PIN 码').fill(MANAGER.pin)
}

/** 首次使用设置, a step at a time: the branch, the first manager, the contacts, the departments (kept as shown). */
export async function completeSetup(page: Page, branch = { name: '静安寺店', code: 'SH01' }): Promise<void> {
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible()
  const next = page.getByRole('button', { name: '下一步' })
  await page.getByLabel('网点名称').fill(branch.name)
  await page.getByLabel('网点编号').fill(branch.code)
  await next.click()
  await fillFirstManager(page)
  await next.click()
  const contact = page.getByRole('group', { name: '联系人 1' })
  await expect(contact.getByLabel('姓名')).toHaveValue(SETUP_CONTACT.name) // the first manager, offered
  await contact.getByLabel('职务').fill(SETUP_CONTACT.role)
  await contact.getByLabel('电话').fill(SETUP_CONTACT.phone)
  await page.getByLabel('服务电话', { exact: true }).fill(SERVICE_PHONE)
  await next.click()
  await expect(page.getByLabel('部门 1', { exact: true })).toHaveValue('前台/服务台')
  await page.getByRole('button', { name: '完成设置并登录' }).click()
  // Hashing the first PIN takes a while on a loaded machine.
  await expect(page.getByRole('heading', { name: '首页', level: 1 })).toBeVisible({ timeout: 30_000 })
}

/** First run as head office (总部): no desk, its own pages. */
export async function completeHeadOfficeSetup(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { name: '首次使用设置' })).toBeVisible()
  await page.getByRole('radio', { name: '总部' }).check()
  await page.getByLabel('网点名称').fill('华东总部')
  await page.getByLabel('网点编号').fill('HQ')
  await page.getByRole('button', { name: '下一步' }).click()
  await fillFirstManager(page)
  await page.getByRole('button', { name: '完成设置并登录' }).click()
  await expect(page.getByRole('heading', { name: '全部投诉', level: 1 })).toBeVisible()
}

export async function signIn(page: Page, name: string, pin: string, role = '主管'): Promise<void> {
  await chooseOption(page.getByLabel('员工姓名'), `${name}（${role}）`)
  await page.getByLabel('PIN 码').fill(pin)
  await page.getByRole('button', { name: '登录' }).click()
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)

/**
 * Picks an option by its text in a select: a native <select>, or an Ant Design Select (opened,
 * typed into, the option clicked; its list is drawn inside the page's main region).
 */
export async function chooseOption(control: Locator, option: string): Promise<void> {
  if (await control.evaluate((el) => el.tagName === 'SELECT')) {
    await control.selectOption({ label: option })
    return
  }
  await control.click()
  await control.fill(option)
  const list = control.page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
  await list
    .locator('.ant-select-item-option')
    .filter({ hasText: exactly(option) })
    .first()
    .click()
  await expect(list).toBeHidden()
}

/**
 * Types a range of days (YYYY-MM-DD) into a date range picker (components/DateRange) inside
 * `scope`, as a clerk would: start, Enter, end, Enter.
 */
export async function pickDateRange(scope: Locator, from: string, to: string): Promise<void> {
  const start = scope.getByLabel('开始日期')
  const end = scope.getByLabel('结束日期')
  await start.click()
  await start.fill(from)
  await start.press('Enter')
  await end.fill(to)
  await end.press('Enter')
  await expect(start).toHaveValue(from)
  await expect(end).toHaveValue(to)
}

/**
 * A manager-only action's approval: nothing to type while a manager's approval stands in this
 * tab (主管授权, shown as "由 … 授权"), otherwise the manager's PIN.
 */
export async function approve(scope: Locator, pin = MANAGER.pin): Promise<void> {
  const standing = scope.getByText(/^由 .+ 授权（/)
  const pinField = scope.getByLabel('主管 PIN 码')
  // Whichever the form draws; asked at once, a form still drawing would seem to have neither.
  await expect(standing.or(pinField).first()).toBeVisible()
  if (await standing.isVisible()) return
  await pinField.fill(pin)
}

/** A head office database link as a manager saves it under 设置 (a branch's 总部同步, head office's 总部数据库). */
export interface HeadOfficeLinkFill {
  region: '总部同步' | '总部数据库'
  loginLabel: '网点账号' | '总部账号'
  login: string
  password: string
  port: number
}

export async function linkHeadOffice(page: Page, o: HeadOfficeLinkFill): Promise<Locator> {
  // The tab is named like the card: 总部同步 at a branch, 总部数据库 at head office.
  await openSettings(page, o.region)
  const card = page.getByRole('region', { name: o.region })
  const form = card.getByRole('form', { name: '总部连接（主管 PIN）' })
  await form.getByLabel('总部数据库地址').fill('127.0.0.1')
  await form.getByLabel('端口').fill(String(o.port))
  await form.getByLabel(o.loginLabel).fill(o.login)
  await form.getByLabel('密码', { exact: true }).fill(o.password)
  await chooseOption(form.getByLabel('加密方式'), '不加密（专线/VPN 内）')
  await approve(form)
  await form.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText('总部连接已保存。')).toBeVisible()
  return card
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true })

export async function openList(page: Page): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: '投诉列表' }).click()
  await expect(page.getByRole('heading', { name: '投诉列表', level: 1 })).toBeVisible()
}

/** 设置, on one of its tabs (员工与部门, 处理规则, 补偿, 关键词, 话术, 数据与备份, 总部同步, 通用). */
export async function openSettings(page: Page, tab?: string): Promise<void> {
  await page
    .getByRole('navigation')
    .getByRole('button', { name: /^(设置|Settings)$/ })
    .click()
  await expect(page.getByRole('heading', { name: /^(设置|Settings)$/, level: 1 })).toBeVisible()
  if (tab) await page.getByRole('tab', { name: tab, exact: true }).click()
}

/**
 * A destructive manager action after its button: the red question answered with `okText`, then
 * the manager's PIN in the approval dialog unless a manager's approval stands in this tab.
 */
export async function confirmAndApprove(page: Page, okText: string, done: Locator): Promise<void> {
  // The newest question (an answered one may still be closing), once antd has zoomed it in: a click
  // measured mid-zoom on a loaded machine missed the button and the question stayed open.
  const question = page
    .getByRole('dialog')
    .filter({ has: page.locator('.ant-modal-confirm-body') })
    .last()
  await expect(question).toBeVisible()
  await expect(question).not.toHaveClass(/-(appear|enter|leave)\b/)
  await question.getByRole('button', { name: okText, exact: true }).click()
  const dialog = page.getByRole('dialog').filter({ has: page.getByLabel('主管 PIN 码') })
  // A restore takes a backup first: it may take a while.
  await expect(done.or(dialog)).toBeVisible({ timeout: 30_000 })
  if (await dialog.isVisible()) {
    await dialog.getByLabel('主管 PIN 码').fill(MANAGER.pin)
    await dialog.getByRole('button', { name: okText, exact: true }).click()
  }
  await expect(done).toBeVisible({ timeout: 30_000 })
}

/** The manager adds a clerk under Settings, signs out, and the clerk signs in. */
export async function addClerkAndSignIn(page: Page, name: string, pin: string): Promise<void> {
  await openSettings(page, '员工与部门')
  const form = page.getByRole('form', { name: '添加员工' })
  await form.getByLabel('姓名').fill(name)
  await form.getByLabel('PIN 码（4–8 位数字）').fill(pin)
  await form.getByLabel('再次输入 PIN 码').fill(pin)
  await approve(form)
  await form.getByRole('button', { name: '添加员工' }).click()
  await expect(page.getByText(`已添加：${name}`)).toBeVisible()
  await page.getByRole('button', { name: '退出' }).click()
  await chooseOption(page.getByLabel('员工姓名'), `${name}（员工）`)
  await page.getByLabel('PIN 码').fill(pin)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page.getByText(`当前用户：${name}（员工）`)).toBeVisible()
}

/** Browser hosts started by a test, all stopped after it (stop is safe to call twice). */
export function useHosts(): { start: (dataDir?: string) => Promise<Host> } {
  const started: Host[] = []
  test.afterEach(async () => {
    await Promise.all(started.splice(0).map((h) => h.stop()))
  })
  return {
    start: async (dataDir) => {
      const host = await startHost(dataDir ?? (await newDataDir()))
      started.push(host)
      return host
    },
  }
}

/** A new branch (seeded through its API) with its manager signed in on 首页. */
export async function managerDesk(
  page: Page,
  hosts: ReturnType<typeof useHosts>,
  o: Seed & { dataDir?: string } = {},
): Promise<Host> {
  const host = await hosts.start(o.dataDir)
  await seedBranch(host, o)
  await page.goto(host.url)
  await signIn(page, MANAGER.name, MANAGER.pin)
  await expect(page.getByRole('heading', { name: '首页', level: 1 })).toBeVisible()
  return host
}

export const CLERK = { name: '李娜', pin: '1357' }

/** A new branch with the clerk 李娜 (PIN 1357) signed in: where most journeys start. */
export async function signedInClerk(page: Page, hosts: ReturnType<typeof useHosts>, dataDir?: string): Promise<Host> {
  const host = await hosts.start(dataDir)
  await seedBranch(host, { clerks: [CLERK] })
  await page.goto(host.url)
  await signIn(page, CLERK.name, CLERK.pin, '员工')
  await expect(page.getByText(`当前用户：${CLERK.name}（员工）`)).toBeVisible()
  return host
}

export interface IntakeFill {
  name: string
  category: string
  description: string
  demand: string
  department?: string
  phone?: string
  mood?: string
  amount?: string
  loss?: string
  claim?: string
  fault?: string
  /** 受理时间 as a local date-time, YYYY-MM-DDTHH:mm (default: now, as the form starts). */
  receivedAt?: string
}

/** The intake form (受理登记), where fillIntake types. */
export const intakeForm = (page: Page) => page.getByRole('form', { name: '受理登记' })

/**
 * Opens a new complaint with F2 and waits for the form: it reads the clerk's draft first, and a
 * busy machine may take a few seconds to draw it.
 */
export async function openIntake(page: Page) {
  await page.keyboard.press('F2')
  const form = intakeForm(page)
  await expect(form.getByLabel(/^客户姓名/)).toBeVisible({ timeout: 30_000 })
  return form
}

/**
 * Opens a new complaint with F2 and fills it like a clerk would (does not save). Every spec that
 * logs a complaint goes through here, so a change to the form is made once.
 */
export async function fillIntake(page: Page, o: IntakeFill): Promise<void> {
  const form = await openIntake(page)
  await form.getByLabel(/^客户姓名/).fill(o.name)
  if (o.phone !== '') await form.getByLabel(/^联系电话/).fill(o.phone ?? '13712345678')
  await form.getByRole('radio', { name: o.mood ?? '激动', exact: true }).check()
  await chooseOption(form.getByLabel(/^涉及部门/), o.department ?? '收银')
  await chooseOption(form.getByLabel(/^投诉类别/), o.category)
  if (o.amount) await form.getByLabel(/^商品\/服务金额/).fill(o.amount)
  if (o.loss) await form.getByLabel(/^损失金额/).fill(o.loss)
  if (o.claim) await form.getByLabel(/^索赔金额/).fill(o.claim)
  await form.getByLabel(/^投诉内容/).fill(o.description)
  await chooseOption(form.getByLabel(/^客户诉求/), o.demand)
  if (o.fault) await form.getByRole('radio', { name: o.fault, exact: true }).check()
  if (o.receivedAt) await setReceivedAt(page, o.receivedAt)
}

/** Types 受理时间 into the intake form's date-time picker (local YYYY-MM-DDTHH:mm) and confirms it. */
export async function setReceivedAt(page: Page, local: string): Promise<void> {
  const input = intakeForm(page).getByLabel(/^受理时间/)
  await input.click()
  await input.fill(local.replace('T', ' '))
  await input.press('Enter')
  await expect(input).toHaveValue(local.replace('T', ' '))
}

/** Saves the intake form with its button and waits for the new case's page. */
export async function saveIntake(page: Page): Promise<void> {
  await intakeForm(page).getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/已保存，投诉编号/)).toBeVisible()
}

// ---- The case workspace (renderer/src/pages/CaseDetailPage.tsx) ----

/** The status tag in the case's sticky header (已受理 … 已结案, 已作废). */
export const caseStatus = (page: Page) => page.getByTestId('case-status')
/** The class tag in the header (一类投诉 / 二类投诉). */
export const caseClass = (page: Page) => page.getByTestId('case-class')
/** The escalation card of an urgent case (待上报 → 已通知 → 已接手). */
export const escalationCard = (page: Page) => page.getByTestId('escalation-card')
/** The card with the one action the case needs now. */
export const nextAction = (page: Page) => page.getByRole('region', { name: /^下一步/ })
/** 其他操作: every other action, each opening its form in a drawer. */
export const otherActions = (page: Page) => page.getByRole('region', { name: '其他操作' })
/** 处理记录, newest first. */
export const caseTimeline = (page: Page) => page.getByRole('complementary', { name: '处理记录' })
/** One of the other actions' buttons. */
export const caseAction = (page: Page, label: string) =>
  otherActions(page).getByRole('button', { name: label, exact: true })

/** Opens one of the other actions; returns its drawer (closed again once the action is done). */
export async function openCaseAction(page: Page, label: string) {
  await caseAction(page, label).click()
  const drawer = page.getByRole('dialog', { name: label })
  await expect(drawer).toBeVisible()
  return drawer
}

/** Opens a handling tab (处理步骤, 补偿方案, 承诺, 证据附件, 备注与告知); returns its panel. */
export async function caseTab(page: Page, name: string) {
  await page.getByRole('tab', { name: new RegExp(`^${name}`) }).click()
  return page.getByRole('tabpanel', { name: new RegExp(`^${name}`) })
}

/** Where an action's form is: the next-action card when it is the next action, else its drawer. */
async function actionForm(page: Page, label: string) {
  const next = nextAction(page)
  const inCard = next.getByRole('form', { name: label })
  // Wait until the page shows the action somewhere: deciding on one instant raced a re-render.
  await expect(inCard.or(caseAction(page, label)).first()).toBeVisible()
  if (await inCard.isVisible()) return next
  return openCaseAction(page, label)
}

/** 标记已解决 with the resolution. */
export async function resolveCase(page: Page, resolution: string): Promise<void> {
  const scope = await actionForm(page, '标记已解决')
  await scope.getByLabel('解决方案').fill(resolution)
  await scope.getByRole('button', { name: '标记已解决' }).click()
  await expect(caseStatus(page)).toHaveText('已解决')
}

/**
 * 记录回访 right after the report: its window has not opened, so the clerk says why the call
 * is early (main refuses it without); `level` is the satisfaction (非常满意 … 非常不满意).
 */
export async function recordEarlyFollowUp(page: Page, level: string, reason: string): Promise<void> {
  const scope = await actionForm(page, '记录回访')
  await expect(scope).toContainText(/回访时间未到（\d{4}-\d{2}-\d{2} \d{2}:\d{2} 起）/)
  const form = scope.getByRole('form', { name: '记录回访' })
  await form.getByRole('radio', { name: level, exact: true }).check()
  await form.getByLabel('提前回访原因').fill(reason)
  await form.getByRole('button', { name: '记录回访' }).click()
  await expect(caseStatus(page)).toHaveText('已回访')
}
