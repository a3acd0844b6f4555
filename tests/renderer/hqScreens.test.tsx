import { describe, expect, it, vi } from 'vitest'
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Result } from '@shared/ipc/result'
import type { HqCaseRow, HqPattern, HqWeekRow } from '@shared/schemas/headquarters'
import { CASE_STATUSES, CATEGORIES } from '@shared/values/options'
import { HqCaseDrawer } from '../../renderer/src/hq/HqCaseDrawer'
import { HqCasesPage } from '../../renderer/src/hq/HqCasesPage'
import { HqPatternsPage } from '../../renderer/src/hq/HqPatternsPage'
import { HqReportsPage } from '../../renderer/src/hq/HqReportsPage'
import { HqWeeklyPage } from '../../renderer/src/hq/HqWeeklyPage'
import { fakeApi, renderWithApi } from './renderWithApi'
import { HQ_MANAGER, HQ_REPORT } from './hqFixtures'

const REFUSED = { ok: false as const, error: { code: 'NOT_FOUND' as const, message: '找不到该记录。' } }

/** An answer the test gives when it chooses: until then the screen is loading. */
function later<T>() {
  let give: (r: Result<T>) => void = () => {}
  const promise = new Promise<Result<T>>((resolve) => (give = resolve))
  return { promise, give: (r: Result<T>) => act(async () => give(r)) }
}

const tableBusy = () => document.querySelector('.ant-table-wrapper .ant-spin-spinning') !== null

const row = (caseId: string, caseNo: string): HqCaseRow => ({
  branchCode: 'SH02',
  branchName: '徐家汇店',
  caseId,
  caseNo,
  caseClass: 1,
  status: 'in_progress',
  category: 'product_quality',
  departmentName: '售后服务',
  customerName: '赵敏',
  product: 'MB40 电饭煲',
  receivedAt: new Date(2026, 10, 20, 9, 30).toISOString(),
  urgent: false,
})
const cursorA = { receivedAt: '2026-10-02T00:00:00.000Z', branchCode: 'SH01', caseId: 'a' }
const cursorB = { receivedAt: '2026-10-01T00:00:00.000Z', branchCode: 'SH01', caseId: 'b' }

describe('head office 全部投诉: loading, pages back, the branch list', { timeout: 30_000 }, () => {
  it('a new search shows the table loading over the old rows until its answer comes', async () => {
    const api = fakeApi({ 'hq:branches': { ok: true, data: [] } })
    api['hq:cases'].mockResolvedValueOnce({ ok: true, data: { rows: [row('c1', 'KS-1')], next: null, partial: null } })
    const second = later<{ rows: HqCaseRow[]; next: null; partial: null }>()
    api['hq:cases'].mockReturnValueOnce(second.promise)
    renderWithApi(<HqCasesPage onOpen={vi.fn()} />, api)
    expect(await screen.findByRole('button', { name: 'KS-1' })).toBeInTheDocument()
    expect(tableBusy()).toBe(false)
    await userEvent.type(screen.getByRole('searchbox'), '电饭煲')
    await userEvent.click(screen.getByRole('button', { name: '搜索' }))
    await waitFor(() => expect(tableBusy()).toBe(true))
    await second.give({ ok: true, data: { rows: [row('c2', 'KS-2')], next: null, partial: null } })
    expect(await screen.findByRole('button', { name: 'KS-2' })).toBeInTheDocument()
    expect(tableBusy()).toBe(false)
  })

  it('上一页 goes back one page, by the cursor that page started after', async () => {
    const api = fakeApi({ 'hq:branches': { ok: true, data: [] } })
    api['hq:cases'].mockImplementation(async (q) => ({
      ok: true,
      data: { rows: [row('c', `KS-${q.after?.caseId ?? 'first'}`)], next: q.after ? cursorB : cursorA, partial: null },
    }))
    renderWithApi(<HqCasesPage onOpen={vi.fn()} />, api)
    expect(await screen.findByRole('button', { name: '上一页' })).toBeDisabled()
    await userEvent.click(await screen.findByRole('button', { name: '下一页' }))
    await screen.findByRole('button', { name: 'KS-a' })
    await userEvent.click(screen.getByRole('button', { name: '下一页' }))
    await screen.findByRole('button', { name: 'KS-b' })
    expect(screen.getByText('第 3 页')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '上一页' }))
    expect(await screen.findByRole('button', { name: 'KS-a' })).toBeInTheDocument()
    expect(screen.getByText('第 2 页')).toBeInTheDocument()
    expect(api['hq:cases']).toHaveBeenLastCalledWith({ limit: 50, after: cursorA })
  })

  it('says in words when the branch list cannot be read, and reads it again on 重试', async () => {
    const api = fakeApi({ 'hq:cases': { ok: true, data: { rows: [], next: null, partial: null } } })
    renderWithApi(<HqCasesPage onOpen={vi.fn()} />, api)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('门店列表读取失败，暂不能按门店筛选：找不到该记录。')
    await userEvent.click(within(alert).getByRole('button', { name: '重试' }))
    await waitFor(() => expect(api['hq:branches']).toHaveBeenCalledTimes(2))
  })

  it('when the cases and the branches are refused alike (no link yet), says it once; 重试 reads both', async () => {
    const noLink = { ok: false as const, error: { code: 'NOT_ALLOWED' as const, message: '尚未设置总部数据库连接。' } }
    const api = fakeApi({ 'hq:cases': noLink, 'hq:branches': noLink })
    renderWithApi(<HqCasesPage onOpen={vi.fn()} />, api)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('尚未设置总部数据库连接。')
    expect(screen.getAllByRole('alert')).toHaveLength(1)
    await userEvent.click(within(alert).getByRole('button', { name: '重试' }))
    await waitFor(() => expect(api['hq:branches']).toHaveBeenCalledTimes(2))
    expect(api['hq:cases']).toHaveBeenCalledTimes(2)
  })
})

const report = HQ_REPORT
const manager = HQ_MANAGER

describe('head office 二类报告签收: pages and the 签收 dialog', { timeout: 30_000 }, () => {
  it('the pager says 上一页/下一页 and does that; the column of 签收 buttons is titled 签收', async () => {
    const api = fakeApi({ 'auth:listStaff': { ok: true, data: [manager] } })
    api['hq:reports'].mockImplementation(async (q) => ({
      ok: true,
      data: { rows: [{ ...report, caseId: `c${q.offset}` }], unsigned: 60, hasMore: q.offset === 0 },
    }))
    renderWithApi(<HqReportsPage signedIn={manager} onOpen={vi.fn()} />, api)
    expect(await screen.findByRole('columnheader', { name: '签收' })).toBeInTheDocument()
    expect(screen.queryByRole('columnheader', { name: '已签收' })).toBeNull()
    expect(screen.queryByRole('button', { name: '第一页' })).toBeNull()
    expect(screen.queryByRole('button', { name: '更多' })).toBeNull()
    expect(screen.getByRole('button', { name: '上一页' })).toBeDisabled()
    await userEvent.click(screen.getByRole('button', { name: '下一页' }))
    await waitFor(() =>
      expect(api['hq:reports']).toHaveBeenLastCalledWith({ state: 'unsigned', offset: 50, limit: 50 }),
    )
    expect(await screen.findByText('第 2 页')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: '下一页' })).toBeDisabled())
    await userEvent.click(screen.getByRole('button', { name: '上一页' }))
    await waitFor(() => expect(api['hq:reports']).toHaveBeenLastCalledWith({ state: 'unsigned', offset: 0, limit: 50 }))
  })

  it('the 签收 dialog shows loading while the managers are read, then a failure in words', async () => {
    const api = fakeApi({ 'hq:reports': { ok: true, data: { rows: [report], unsigned: 1, hasMore: false } } })
    const staff = later<(typeof manager)[]>()
    api['auth:listStaff'].mockReturnValue(staff.promise)
    renderWithApi(<HqReportsPage signedIn={manager} onOpen={vi.fn()} />, api)
    await userEvent.click(await screen.findByRole('button', { name: '签收' }))
    const dialog = await screen.findByRole('dialog')
    expect(within(dialog).getByRole('status')).toHaveTextContent('加载中…')
    await staff.give(REFUSED)
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('无法读取主管名单，暂不能签收：找不到该记录。')
  })
})

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>
const weekRow = (code: string, total: number): HqWeekRow => ({
  branchCode: code,
  branchName: `门店${code}`,
  total,
  class1: total,
  class2: 0,
  urgent: 0,
  open: 0,
  overdue: 0,
  byStatus: zeros(CASE_STATUSES),
  byCategory: zeros(CATEGORIES),
})
const overview = (branches: HqWeekRow[]) => ({
  from: '2026-11-16',
  to: '2026-11-22',
  branches,
  total: weekRow(
    '',
    branches.reduce((n, b) => n + b.total, 0),
  ),
})

describe('head office 周报: loading, failure, the chart’s top 20', { timeout: 30_000 }, () => {
  it('shows loading until the figures come, then a failure in words with 重试', async () => {
    const api = fakeApi()
    const week = later<ReturnType<typeof overview>>()
    api['hq:weekly'].mockReturnValueOnce(week.promise)
    renderWithApi(<HqWeeklyPage />, api)
    expect(await screen.findByRole('status')).toHaveTextContent('加载中…')
    await week.give(REFUSED)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('找不到该记录。')
    expect(screen.queryByText('加载中…')).toBeNull()
    await userEvent.click(within(alert).getByRole('button', { name: '重试' }))
    await waitFor(() => expect(api['hq:weekly']).toHaveBeenCalledTimes(2))
  })

  it('with 200 branches says the chart has the busiest 20 and the table all of them', async () => {
    const branches = Array.from({ length: 200 }, (_, i) => weekRow(`B${String(i).padStart(3, '0')}`, i + 1))
    renderWithApi(<HqWeeklyPage />, fakeApi({ 'hq:weekly': { ok: true, data: overview(branches) } }))
    expect(await screen.findByText('图中为投诉最多的 20 家，共 200 家；全部见下表。')).toBeInTheDocument()
  })

  it('says nothing of the kind when every branch is in the chart', async () => {
    renderWithApi(<HqWeeklyPage />, fakeApi({ 'hq:weekly': { ok: true, data: overview([weekRow('SH01', 3)]) } }))
    expect(await screen.findByRole('button', { name: /门店SH01/ })).toBeInTheDocument()
    expect(screen.queryByText(/图中为投诉最多的/)).toBeNull()
  })

  it('one branch’s week shows loading, then a failure in words', async () => {
    const api = fakeApi({ 'hq:weekly': { ok: true, data: overview([weekRow('SH01', 3)]) } })
    const branch = later<never>()
    api['hq:branchWeekly'].mockReturnValueOnce(branch.promise)
    renderWithApi(<HqWeeklyPage />, api)
    await userEvent.click(await screen.findByRole('button', { name: /门店SH01/ }))
    expect(await screen.findByRole('status')).toHaveTextContent('加载中…')
    await branch.give(REFUSED)
    expect(await screen.findByRole('alert')).toHaveTextContent('找不到该记录。')
  })
})

describe('head office case drawer: loading and failure', { timeout: 30_000 }, () => {
  it('has a title and says it is reading while the case loads, then a failure in words', async () => {
    const api = fakeApi()
    const view = later<never>()
    api['hq:case'].mockReturnValueOnce(view.promise)
    renderWithApi(<HqCaseDrawer target={{ branchCode: 'SH02', caseId: 'c1' }} onClose={vi.fn()} />, api)
    const drawer = await screen.findByRole('dialog')
    expect(within(drawer).getByText('投诉详情')).toBeInTheDocument()
    expect(within(drawer).getByRole('status')).toHaveTextContent('正在读取投诉…')
    await view.give(REFUSED)
    const alert = await within(drawer).findByRole('alert')
    expect(alert).toHaveTextContent('找不到该记录。')
    expect(within(alert).getByRole('button', { name: '重试' })).toBeInTheDocument()
  })
})

describe('head office 跨店规律 in English', { timeout: 30_000 }, () => {
  it('lists the branches with the language’s separator, not a Chinese 、', async () => {
    const pattern: HqPattern = {
      kind: 'model',
      key: 'mb-40',
      text: 'MB-40',
      branches: [
        { branchCode: 'SH01', branchName: 'Jing’an', count: 2 },
        { branchCode: 'SH02', branchName: 'Xujiahui', count: 1 },
      ],
      cases: 3,
      firstAt: new Date(2026, 10, 20).toISOString(),
      lastAt: new Date(2026, 10, 21).toISOString(),
      examples: [],
    }
    const api = fakeApi({
      'hq:patterns': {
        ok: true,
        data: { from: '2026-11-01', to: '2026-11-22', minBranches: 2, days: 21, cases: 3, patterns: [pattern] },
      },
    })
    renderWithApi(<HqPatternsPage onOpen={vi.fn()} />, api, 'en')
    expect(await screen.findByText('Jing’an×2, Xujiahui×1')).toBeInTheDocument()
    expect(document.body.textContent).not.toContain('、')
  })
})
