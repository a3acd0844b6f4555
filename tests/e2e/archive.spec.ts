import { expect, test } from '@playwright/test'
import { appendFile, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  managerDesk,
  fillIntake,
  MANAGER,
  newDataDir,
  openList,
  shot,
  signIn,
  useHosts,
  chooseOption,
  caseStatus,
  openCaseAction,
} from './helpers'

const hosts = useHosts()

test('a case closed two months ago lives in the archive: it is found by search, opens, and reopens', async ({
  page,
}) => {
  const dataDir = await newDataDir()
  let host = await managerDesk(page, hosts, { dataDir })
  await fillIntake(page, {
    name: '钱女士',
    phone: '13566667777',
    mood: '不满',
    category: '产品质量',
    description: '冰箱门封条漏气，制冷效果差。',
    demand: '维修',
  })
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByRole('heading', { name: '投诉详情' })).toBeVisible()
  await host.stop()

  // Two months back: the same case, closed then (as a journal line the next start replays).
  const live = JSON.parse(await readFile(join(dataDir, 'complaint-desk.json'), 'utf8'))
  const original = live.cases[0]
  const at = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString()
  const old = {
    ...original,
    id: 'archived-case-1',
    number: 'KS-20260920-0001',
    receivedAt: at(63),
    createdAt: at(63),
    status: 'closed',
    workflow: { ...original.workflow, resolvedAt: at(62), closedAt: at(61) },
  }
  await appendFile(
    join(dataDir, 'complaint-desk.journal'),
    `${JSON.stringify({ n: live.journalSeq + 1, cases: [old] })}\n`,
  )

  host = await hosts.start(dataDir)
  await page.goto(host.url)
  await signIn(page, MANAGER.name, MANAGER.pin)
  await openList(page)
  await expect(page.getByText('共 2 条')).toBeVisible()
  await page.getByRole('searchbox', { name: /搜索/ }).fill('封条漏气')
  await expect(page.getByText('共 2 条')).toBeVisible()
  await chooseOption(page.getByRole('combobox', { name: '状态' }), '已结案')
  await expect(page.getByText('共 1 条')).toBeVisible()
  expect((await readdir(join(dataDir, 'archive'))).some((f) => f.startsWith('cases-'))).toBe(true) // it is in the archive
  await shot(page, '33-archived-case-in-list')

  await page.getByRole('button', { name: 'KS-20260920-0001' }).click()
  await expect(page.getByRole('heading', { name: '投诉详情' })).toBeVisible()
  await expect(
    page.getByRole('region', { name: '登记信息' }).getByText('冰箱门封条漏气，制冷效果差。', { exact: true }),
  ).toBeVisible()
  const reopen = await openCaseAction(page, '重新打开')
  await reopen.getByLabel('原因').fill('顾客来电：修好后又漏气了')
  await reopen.getByRole('button', { name: '重新打开' }).click()
  await expect(caseStatus(page)).toHaveText('处理中')
  await openList(page)
  await chooseOption(page.getByRole('combobox', { name: '状态' }), '处理中')
  await expect(page.getByRole('button', { name: 'KS-20260920-0001' })).toBeVisible()
})
