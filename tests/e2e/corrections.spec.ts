import { expect, test, type Page } from '@playwright/test'
import {
  caseClass,
  caseTab,
  caseTimeline as timeline,
  chooseOption,
  managerDesk,
  fillIntake,
  openCaseAction,
  openList,
  saveIntake,
  shot,
  useHosts,
} from './helpers'

const hosts = useHosts()
const DAY = 24 * 3600_000
/** A local date-time as the 受理时间 field takes it (YYYY-MM-DDTHH:mm). */
const toLocalDateTime = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)

/** Logs a plain complaint (nothing in it fires a Class 2 rule) and saves it. */
async function logComplaint(page: Page, o: { name: string; phone: string; receivedAt?: string }) {
  await fillIntake(page, {
    name: o.name,
    phone: o.phone,
    mood: '不满',
    department: '前台/服务台',
    category: '配送/交付',
    description: '送货比约定时间晚了两个小时。',
    demand: '解释',
    receivedAt: o.receivedAt,
  })
  await saveIntake(page)
}

test('journey (c): a phone typo corrected — the edit in the timeline with before and after, and the repeat rule sees the corrected phone', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await managerDesk(page, hosts)

  // Yesterday's complaint from 刘先生, then today's, with one digit of his phone typed wrong.
  await logComplaint(page, {
    name: '刘先生',
    phone: '13911112222',
    receivedAt: toLocalDateTime(new Date(Date.now() - DAY)),
  })
  await logComplaint(page, { name: '刘先生', phone: '13911112223' })
  await expect(caseClass(page)).toHaveText('一类投诉')

  const drawer = await openCaseAction(page, '更正登记信息')
  const form = drawer.getByRole('form', { name: /更正登记信息（只保存改动的项目）/ })
  await expect(form.getByLabel(/^联系电话/)).toHaveValue('13911112223')
  await expect(form.getByLabel(/^客户姓名/)).toHaveValue('刘先生')
  // A wrong value is refused next to its field, and nothing is saved.
  await form.getByLabel(/^联系电话/).fill('1391111')
  await form.getByRole('button', { name: '保存更正' }).click()
  await expect(form.getByText(/请输入正确的手机号/)).toBeVisible()
  await form.getByLabel(/^联系电话/).fill('13911112222')
  await shot(page, '70-correction-form')
  await form.getByRole('button', { name: '保存更正' }).click()

  await expect(page.getByText('已更正 1 项：更正登记信息，规则判定升级为二类')).toBeVisible()
  await expect(drawer).toBeHidden()
  await expect(caseClass(page)).toHaveText('二类投诉')
  await expect(page.getByText(/同一客户 30 天内再次投诉/).first()).toBeVisible()
  const entry = timeline(page).getByRole('listitem').filter({ hasText: '更正登记信息，规则判定升级为二类' })
  await expect(entry).toContainText('联系电话：139****2223 → 139****2222')
  await entry.scrollIntoViewIfNeeded()
  await shot(page, '71-correction-timeline')

  // The owner, a note and the customer told of progress.
  const owner = page.getByTestId('owner-name')
  await expect(owner).toHaveText('陈主管')
  await caseTab(page, '备注与告知')
  const notes = page.getByRole('region', { name: '内部备注' })
  await notes.getByRole('button', { name: '添加备注' }).click()
  const note = page.getByRole('dialog', { name: '添加内部备注' })
  await note.getByLabel('备注内容').fill('客户上周也因送货晚投诉过，电话当时登记错了一位。')
  await note.getByRole('button', { name: '添加备注' }).click()
  await expect(note).toBeHidden()
  await expect(notes.getByRole('list', { name: '内部备注' })).toContainText('电话当时登记错了一位')
  await notes.getByRole('button', { name: '记录已告知客户' }).click()
  const update = page.getByRole('dialog', { name: '告知客户进展' })
  await update.getByLabel('告知内容').fill('已告知配送站正在核查司机路线，明天中午前回电。')
  await update.getByRole('button', { name: '记录已告知客户' }).click()
  await expect(update).toBeHidden()
  await expect(notes).toContainText('明天中午前回电')
  await expect(timeline(page)).toContainText('已告知客户进展（电话）')

  // Handed to after-sales: nobody there owns it yet.
  await page.getByRole('button', { name: '转交', exact: true }).first().click()
  const assign = page.getByRole('dialog', { name: '转交' })
  await chooseOption(assign.getByLabel('转交部门'), '售后服务')
  await assign.getByLabel('转交说明').fill('需售后核查配送记录')
  await assign.getByRole('button', { name: '转交', exact: true }).click()
  await expect(owner).toHaveText('售后服务（待认领）')
  await expect(timeline(page)).toContainText('负责人：陈主管 → 未分配')
  await shot(page, '72-case-owner-notes')

  // The list views: 我的, 未分配, 全部, with the owner column.
  await openList(page)
  const views = page.getByRole('radiogroup', { name: '查看' })
  const rows = page.getByRole('table').getByRole('row')
  await expect(rows).toHaveCount(3)
  await views.getByText('我的', { exact: true }).click()
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText('陈主管')
  await shot(page, '73-list-mine')
  await views.getByText('未分配', { exact: true }).click()
  await expect(rows).toHaveCount(2)
  await expect(rows.nth(1)).toContainText('售后服务（待认领）')
  await shot(page, '74-list-unassigned')
  await views.getByText('全部', { exact: true }).click()
  await expect(rows).toHaveCount(3)

  // The handover screen names each open case's owner.
  await page.getByRole('navigation').getByRole('button', { name: '交接班' }).click()
  const open = page.getByRole('region', { name: /未结案投诉/ })
  // The 负责人 column: the handed-over case waits in after-sales, yesterday's is still the manager's.
  await expect(open.getByRole('columnheader', { name: '负责人' })).toBeVisible()
  const openRows = open.getByRole('row').filter({ hasText: '139****2222' })
  await expect(openRows).toHaveCount(2)
  await expect(openRows.filter({ hasText: '售后服务（待认领）' })).toHaveCount(1)
  await expect(openRows.filter({ hasText: '陈主管' })).toHaveCount(1)
  await shot(page, '76-handover-owners')
})

test('journey (d): a back-dated repeat customer — received 40 and 35 days ago, both entered today — is Class 2', async ({
  page,
}) => {
  test.slow() // a whole journey through the case page
  await managerDesk(page, hosts)
  const daysAgo = (n: number) => toLocalDateTime(new Date(Date.now() - n * DAY))

  await logComplaint(page, { name: '孙女士', phone: '13822223333', receivedAt: daysAgo(40) })
  await expect(caseClass(page)).toHaveText('一类投诉')
  // Entered today, received 35 days ago: five days after the first, within the 30-day window.
  await fillIntake(page, {
    name: '孙女士',
    phone: '13822223333',
    mood: '不满',
    department: '前台/服务台',
    category: '配送/交付',
    description: '第二次送货又晚了。',
    demand: '解释',
    receivedAt: daysAgo(35),
  })
  const preview = page.getByRole('region', { name: /系统建议/ })
  await expect(preview).toContainText('二类投诉')
  await expect(preview).toContainText('同一客户 30 天内再次投诉')
  await saveIntake(page)
  await expect(caseClass(page)).toHaveText('二类投诉')
  await shot(page, '75-backdated-repeat')
})
