// Head office (总部) in the browser host against a real PostgreSQL (issue 16): a fresh install set
// up as head office, its database link, every branch's complaints with the branch column and
// search, a case read-only, the weekly report per branch with its chart and PDF, 签收 of a
// Class 2 written report, and cross-branch patterns. Screenshots go to test-results/screens.
import { expectAccessible } from './a11y'
import { expect, test } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { format } from 'date-fns'
import type { Case } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { pushCases } from '../../electron/headoffice/push'
import { makeCase } from '../support/factories'
import {
  createBranch,
  createHeadOffice,
  NO_POSTGRES,
  PASSWORD,
  startCluster,
  type PgCluster,
} from '../support/postgres'
import { approve, completeHeadOfficeSetup, linkHeadOffice, newDataDir, pickDateRange, shot, useHosts } from './helpers'
import { readFileSync } from 'node:fs'

const hosts = useHosts()
const DAY = 86_400_000
const now = Date.now()
const ago = (d: number) => new Date(now - d * DAY).toISOString()
const staff = { id: 's1', name: '李娜' }
let n = 0
function seed(branchCode: string, daysAgo: number, o: Partial<Case> = {}): Case {
  n++
  return makeCase({
    id: `${branchCode}-e2e-${n}`,
    number: `KS-${format(new Date(now - daysAgo * DAY), 'yyyyMMdd')}-${String(n).padStart(4, '0')}`,
    branchCode,
    receivedAt: ago(daysAgo),
    createdAt: ago(daysAgo),
    status: 'in_progress',
    caseClass: 1,
    ...o,
  })
}

const SEEDS: Case[] = [
  seed('SH01', 1, { product: '电饭煲 MB-40', description: '用了三天就不加热了', customerName: '王秀英' }),
  seed('SH01', 2, {
    product: '',
    caseClass: 2,
    status: 'reported',
    category: 'safety_health',
    description: '顾客在生鲜区滑倒摔伤，已送医',
    workflow: {
      ...emptyWorkflow(),
      resolvedAt: ago(1.5),
      resolution: '送医并承担费用',
      writtenReport: { generatedAt: ago(1.4), generatedBy: staff, submittedTo: '总部', submittedAt: ago(1.4) },
    },
  }),
  seed('SH02', 3, { product: 'MB40 电饭煲', description: '内胆脱漆', customerName: '赵敏', departmentId: 'd2' }),
  seed('BJ01', 4, { product: '', description: '买的ＭＢ－４０不加热', category: 'product_quality' }),
  seed('BJ01', 2, { product: '酸奶', description: '批号 Y2611 胀包', category: 'product_quality' }),
]

let cluster: PgCluster | null = null
test.beforeAll(async () => {
  if (NO_POSTGRES) return
  // Migrated by the built command (npm run headoffice -- migrate), as an administrator would.
  const cli = fileURLToPath(new URL('../../out/main/headoffice.js', import.meta.url))
  cluster = await startCluster({
    settings: { fsync: 'off' },
    migrateWith: async (url) => void execFileSync(process.execPath, [cli, 'migrate', '--url', url]),
  })
  await createHeadOffice(cluster, 'ho_zhang')
  for (const [code, name] of [
    ['SH01', '静安寺店'],
    ['SH02', '徐家汇店'],
    ['BJ01', '王府井店'],
  ]) {
    await createBranch(cluster, code, name)
    const branch = await cluster.connect(`branch_${code.toLowerCase()}`)
    await pushCases(
      branch,
      code,
      SEEDS.filter((c) => c.branchCode === code).map((doc) => ({
        caseId: doc.id,
        version: 1,
        doc,
        departmentName: doc.departmentId === 'd2' ? '售后服务' : '收银',
      })),
    )
    await branch.end()
  }
})
test.afterAll(() => cluster?.destroy())

test('head office: set up as 总部, every branch’s complaints, the weekly report, 签收 and patterns', async ({
  page,
}) => {
  test.skip(NO_POSTGRES, 'PostgreSQL is not installed')
  test.setTimeout(120_000)
  const dir = await newDataDir()
  const host = await hosts.start(dir)
  await page.goto(host.url)

  // First run: this installation is head office.
  await completeHeadOfficeSetup(page)
  // No link yet: said in words.
  await expect(page.getByText('尚未设置总部数据库连接')).toBeVisible()

  // The head office database, with a head office login.
  const card = await linkHeadOffice(page, {
    region: '总部数据库',
    loginLabel: '总部账号',
    login: 'ho_zhang',
    password: PASSWORD,
    port: cluster!.port,
  })
  // Head office pushes nothing: reachable, its database reads 已连接 (never 已同步).
  await expect(card.locator('.sync-status')).toHaveText('总部数据库：已连接')
  await expect(page.getByRole('banner').getByRole('status').filter({ hasText: '总部数据库已连接' })).toBeVisible({
    timeout: 10_000,
  })
  await card.screenshot({ path: 'test-results/screens/60-hq-link.png' })
  // The password whole (a PIN field once cut it to 8 characters), in the data folder's 0600 file.
  expect(readFileSync(`${dir}/complaint-desk.headoffice.json`, 'utf8')).toContain(`"file": "${PASSWORD}"`)

  // 全部投诉: the branch column, newest first; search across branches; a case read-only.
  await page.getByRole('navigation').getByRole('button', { name: '全部投诉' }).click()
  const table = page.locator('.ant-table')
  await expect(table.getByRole('row')).toHaveCount(SEEDS.length + 1)
  await expect(table.getByRole('row').nth(1)).toContainText('静安寺店')
  await expect(page.locator('.ant-spin-blur')).toHaveCount(0) // not a reload's faded rows
  await shot(page, '61-hq-cases')
  await expectAccessible(page, 'head office: 全部投诉')
  await page.getByRole('searchbox', { name: /搜索编号/ }).fill('电饭煲')
  await page.getByRole('button', { name: '搜索' }).click()
  await expect(table.getByRole('row')).toHaveCount(3)
  await expect(table).toContainText('徐家汇店')
  // A 2-character name: no trigrams, but with fewer cases than the recent scan it is searched whole.
  await page.getByRole('searchbox', { name: /搜索编号/ }).fill('赵敏')
  await page.getByRole('button', { name: '搜索' }).click()
  await expect(table.getByRole('row')).toHaveCount(2)
  await expect(table).toContainText('徐家汇店')
  await page.getByRole('button', { name: '清除筛选' }).click()
  await table.getByRole('button', { name: SEEDS[0].number }).click()
  const drawer = page.getByRole('dialog')
  await expect(drawer).toContainText('总部只能查看门店的投诉，不能修改。')
  await expect(drawer).toContainText('138****1234')
  await expect(drawer.getByRole('button', { name: /保存|修改|更正/ })).toHaveCount(0)
  await drawer.screenshot({ path: 'test-results/screens/62-hq-case.png' })
  await expectAccessible(page, 'head office: a case in the drawer')
  await page.keyboard.press('Escape')

  // 周报: every branch, then one branch by department, with its PDF.
  await page.getByRole('navigation').getByRole('button', { name: '周报' }).click()
  const from = format(new Date(now - 6 * DAY), 'yyyy-MM-dd')
  await pickDateRange(page.getByRole('main'), from, format(new Date(now), 'yyyy-MM-dd'))
  await expect(page.getByRole('img', { name: '各门店投诉件数（一类/二类）' })).toBeVisible()
  await expect(page.locator('.ant-table-summary')).toContainText(String(SEEDS.length))
  await shot(page, '63-hq-weekly')
  await expectAccessible(page, 'head office: 周报')
  const overviewPdf = page.waitForEvent('download')
  await page.getByRole('button', { name: '导出 PDF' }).click()
  expect((await overviewPdf).suggestedFilename()).toMatch(/^各门店每周投诉追踪-.+\.pdf$/)
  await page.getByRole('button', { name: /静安寺店/ }).click()
  await expect(page.getByRole('heading', { name: '静安寺店（SH01）' })).toBeVisible()
  await expect(page.getByRole('button', { name: '下载门店周报 PDF' })).toBeVisible()
  const download = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载门店周报 PDF' }).click()
  expect((await download).suggestedFilename()).toMatch(/^每周部门投诉追踪-SH01-.+\.pdf$/)
  await shot(page, '64-hq-branch-weekly')

  // 二类报告签收: the branch's report, unsigned; 签收 with a comment and the manager's PIN.
  await page.getByRole('navigation').getByRole('button', { name: '二类报告签收' }).click()
  await expect(page.getByText('待签收 1 份')).toBeVisible()
  await page.locator('.ant-table').getByRole('button', { name: '签收', exact: true }).click()
  const modal = page.getByRole('dialog')
  await modal.getByLabel('签收意见').fill('已阅，请加强地面防滑')
  await approve(modal)
  await modal.getByRole('button', { name: '签收', exact: true }).click()
  await expect(page.getByText('已签收。门店下次同步时会在投诉上看到签收和意见。')).toBeVisible()
  await expect(page.getByText('待签收 0 份')).toBeVisible()
  await page.getByText('全部', { exact: true }).click()
  await expect(page.locator('.ant-table')).toContainText('已阅，请加强地面防滑')
  await shot(page, '65-hq-reports')
  await expectAccessible(page, 'head office: 二类报告签收')

  // 跨店规律: MB-40 / MB40 / ＭＢ－４０ in three branches within 14 days.
  await page.getByRole('navigation').getByRole('button', { name: '跨店规律' }).click()
  const patterns = page.locator('.ant-table')
  await expect(patterns.getByRole('row').filter({ hasText: '型号' })).toContainText('MB-40')
  await expect(patterns.getByRole('row').filter({ hasText: '型号' })).toContainText('3')
  await expect(patterns.locator('.ant-spin-spinning')).toHaveCount(0)
  await patterns.getByRole('row').filter({ hasText: '型号' }).getByRole('button').first().click()
  await expect(patterns).toContainText(SEEDS[0].number)
  await expect(patterns.locator('.ant-spin-blur')).toHaveCount(0)
  await shot(page, '66-hq-patterns')
  await expectAccessible(page, 'head office: 跨店规律')
})
