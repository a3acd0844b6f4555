// Two branches and head office end to end through a real PostgreSQL (issue 16): each branch
// works at its own desk and syncs when its link is set; head office sees both branches' cases,
// signs the Class 2 written report (签收 with a comment), and the branch sees the 签收 on its case.
import { expect, test, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import {
  createBranch,
  createHeadOffice,
  NO_POSTGRES,
  PASSWORD,
  startCluster,
  type PgCluster,
} from '../support/postgres'
import {
  approve,
  caseClass,
  caseStatus,
  caseTimeline,
  completeHeadOfficeSetup,
  managerDesk,
  fillIntake,
  linkHeadOffice,
  nextAction,
  openCaseAction,
  resolveCase,
  shot,
  useHosts,
} from './helpers'

const hosts = useHosts()
let cluster: PgCluster | null = null

test.beforeAll(async () => {
  if (NO_POSTGRES) return
  const cli = fileURLToPath(new URL('../../out/main/headoffice.js', import.meta.url))
  cluster = await startCluster({
    settings: { fsync: 'off' },
    migrateWith: async (url) => void execFileSync(process.execPath, [cli, 'migrate', '--url', url]),
  })
  await createHeadOffice(cluster, 'ho_zhang')
  await createBranch(cluster, 'SH01', '静安寺店')
  await createBranch(cluster, 'SH02', '徐家汇店')
})
test.afterAll(() => cluster?.destroy())

/** A branch set up and linked to head office, its own browser page. */
async function branchDesk(page: Page, branch: { name: string; code: string }): Promise<void> {
  await managerDesk(page, hosts, { branch: branch })
  await linkHeadOffice(page, {
    region: '总部同步',
    loginLabel: '网点账号',
    login: `branch_${branch.code.toLowerCase()}`,
    password: PASSWORD,
    port: cluster!.port,
  })
}

const syncStatus = (page: Page) => page.getByRole('banner').getByRole('status').filter({ hasText: /总部/ })

test('two branches sync to head office; the Class 2 report signed there shows as 签收 at its branch', async ({
  page,
  context,
}) => {
  test.skip(NO_POSTGRES, 'PostgreSQL is not installed')
  test.setTimeout(240_000)

  // 静安寺店: a cashier complaint the customer escalates: Class 2, resolved, its written report made.
  await branchDesk(page, { name: '静安寺店', code: 'SH01' })
  await fillIntake(page, {
    name: '周先生',
    category: '收银差错',
    description: '收银员多收了 50 元，态度恶劣。',
    demand: '退款',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(caseClass(page)).toHaveText('一类投诉')
  const raise = await openCaseAction(page, '升级为二类')
  await raise.getByLabel('原因').fill('顾客要求书面答复并上报总部')
  await raise.getByRole('button', { name: '升级为二类' }).click()
  await expect(caseClass(page)).toHaveText('二类投诉')
  await resolveCase(page, '退还多收的 50 元并致歉')
  const pdf = page.waitForEvent('download')
  await nextAction(page).getByRole('button', { name: '生成书面报告' }).click()
  await pdf
  // Nobody marks it submitted by hand: once head office has it, it counts as submitted (提交给 总部).
  await expect(syncStatus(page)).toContainText('总部已同步', { timeout: 30_000 })
  await expect(caseStatus(page)).toHaveText('已报告', { timeout: 30_000 })
  await expect(caseTimeline(page)).toContainText('总部')
  const number = /KS-\d{8}-\d{4}/.exec((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')![0]

  // 徐家汇店: an ordinary Class 1 complaint.
  const sh02 = await context.newPage()
  await branchDesk(sh02, { name: '徐家汇店', code: 'SH02' })
  await fillIntake(sh02, {
    name: '吴女士',
    category: '配送/交付',
    description: '送货晚了两个小时。',
    demand: '解释',
    mood: '不满',
  })
  await sh02.getByRole('button', { name: '保存' }).click()
  await expect(caseClass(sh02)).toHaveText('一类投诉')
  await expect(syncStatus(sh02)).toContainText('总部已同步', { timeout: 30_000 })

  // Head office: both branches' cases, and the report to sign.
  const hq = await context.newPage()
  const hqHost = await hosts.start()
  await hq.goto(hqHost.url)
  await completeHeadOfficeSetup(hq)
  await linkHeadOffice(hq, {
    region: '总部数据库',
    loginLabel: '总部账号',
    login: 'ho_zhang',
    password: PASSWORD,
    port: cluster!.port,
  })
  await hq.getByRole('navigation').getByRole('button', { name: '全部投诉' }).click()
  const table = hq.locator('.ant-table')
  await expect(table.getByRole('row')).toHaveCount(3)
  await expect(table).toContainText('静安寺店')
  await expect(table).toContainText('徐家汇店')
  await hq.getByRole('navigation').getByRole('button', { name: '二类报告签收' }).click()
  await expect(hq.getByText('待签收 1 份')).toBeVisible()
  const row = hq.locator('.ant-table').getByRole('row').filter({ hasText: number })
  await expect(row).toContainText('静安寺店')
  await row.getByRole('button', { name: '签收', exact: true }).click()
  const modal = hq.getByRole('dialog')
  await modal.getByLabel('签收意见').fill('已阅，请培训收银员核对找零')
  await approve(modal)
  await modal.getByRole('button', { name: '签收', exact: true }).click()
  await expect(hq.getByText('待签收 0 份')).toBeVisible()
  await shot(hq, '67-chain-hq-signed')

  // Back at 静安寺店: the next sync brings the 签收 and its comment onto the case.
  await page.bringToFront()
  await expect(caseTimeline(page)).toContainText('总部已签收书面报告', { timeout: 60_000 })
  await expect(caseTimeline(page)).toContainText('已阅，请培训收银员核对找零')
  await shot(page, '68-chain-branch-signed')
})
