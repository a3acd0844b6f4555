import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { HqCaseRow } from '@shared/schemas/headquarters'
import { HqCasesPage } from '../../renderer/src/hq/HqCasesPage'
import { HqReportsPage } from '../../renderer/src/hq/HqReportsPage'
import { HqWeeklyPage } from '../../renderer/src/hq/HqWeeklyPage'
import { dayRangePresets } from '@shared/rules/dayRanges'
import { CASE_STATUSES, CATEGORIES, type CaseStatus, type Category } from '@shared/values/options'
import { HostContext } from '../../renderer/src/apiContext'
import { fakeApi, renderWithApi } from './renderWithApi'
import { HQ_MANAGER, HQ_REPORT } from './hqFixtures'

const row: HqCaseRow = {
  branchCode: 'SH02',
  branchName: '徐家汇店',
  caseId: 'c1',
  caseNo: 'KS-20261120-0003',
  caseClass: 2,
  status: 'in_progress',
  category: 'product_quality',
  departmentName: '售后服务',
  customerName: '赵敏',
  product: 'MB40 电饭煲',
  receivedAt: new Date(2026, 10, 20, 9, 30).toISOString(),
  urgent: false,
}
const cursor = { receivedAt: '2026-10-01T00:00:00.000Z', branchCode: 'SH01', caseId: 'c9' }

describe('head office: all complaints', { timeout: 30_000 }, () => {
  it('shows the branch column and opens a case read-only', async () => {
    const onOpen = vi.fn()
    renderWithApi(
      <HqCasesPage onOpen={onOpen} />,
      fakeApi({
        'hq:branches': { ok: true, data: [{ code: 'SH02', name: '徐家汇店' }] },
        'hq:cases': { ok: true, data: { rows: [row], next: null, partial: null } },
      }),
    )
    expect(await screen.findByRole('cell', { name: /徐家汇店\s*SH02/ })).toBeInTheDocument()
    expect(screen.getByText('二类投诉')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'KS-20261120-0003' }))
    expect(onOpen).toHaveBeenCalledWith({ branchCode: 'SH02', caseId: 'c1' })
  })

  it('a 2-character search says how far it read, and goes on to older complaints', async () => {
    const api = fakeApi({
      'hq:branches': { ok: true, data: [] },
      'hq:cases': {
        ok: true,
        data: { rows: [], next: cursor, partial: { scanned: 10000, since: '2026-10-01T00:00:00.000Z' } },
      },
    })
    renderWithApi(<HqCasesPage onOpen={vi.fn()} />, api)
    await userEvent.type(screen.getByRole('searchbox'), '赵敏')
    await userEvent.click(screen.getByRole('button', { name: '搜索' }))
    expect(await screen.findByText(/“赵敏”不足 3 个连续的字，只搜索了最近的 10,000 条投诉/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '继续搜索更早的' }))
    await waitFor(() => expect(api['hq:cases']).toHaveBeenLastCalledWith({ q: '赵敏', limit: 50, after: cursor }))
  })
})

describe('head office: Class 2 reports inbox', { timeout: 30_000 }, () => {
  const report = HQ_REPORT
  const manager = HQ_MANAGER

  it('签收 with a comment and the manager’s PIN; main is told which report', async () => {
    const api = fakeApi({
      'hq:reports': { ok: true, data: { rows: [report], unsigned: 1, hasMore: false } },
      'auth:listStaff': { ok: true, data: [manager] },
      'hq:signReport': { ok: true, data: { at: new Date().toISOString(), by: '张总监', comment: '已阅' } },
    })
    renderWithApi(<HqReportsPage signedIn={manager} onOpen={vi.fn()} />, api)
    expect(await screen.findByText('待签收 1 份')).toBeInTheDocument()
    await userEvent.click(await screen.findByRole('button', { name: '签收' }))
    const dialog = await screen.findByRole('dialog')
    await userEvent.type(screen.getByLabelText('签收意见'), '已阅')
    await userEvent.type(screen.getByLabelText('主管 PIN 码'), '246810')
    await userEvent.click(
      [...dialog.querySelectorAll('button')].find((b) => b.textContent?.replace(/\s/g, '') === '签收')!,
    )
    await waitFor(() =>
      expect(api['hq:signReport']).toHaveBeenCalledWith({
        branchCode: 'SH01',
        caseId: 'c2',
        comment: '已阅',
        approval: { managerId: 'm1', pin: '246810' },
      }),
    )
    expect(await screen.findByText(/已签收。门店下次同步时会在投诉上看到/)).toBeInTheDocument()
  })
})

describe('head office: 周报', { timeout: 30_000 }, () => {
  it('opens on this week, Monday to Sunday, as the branch’s weekly screen does (not on last week)', async () => {
    const api = fakeApi()
    renderWithApi(<HqWeeklyPage />, api)
    await waitFor(() => expect(api['hq:weekly']).toHaveBeenCalled())
    expect(api['hq:weekly']).toHaveBeenCalledWith(dayRangePresets(new Date()).thisWeek)
    const { from, to } = api['hq:weekly'].mock.calls[0][0]
    expect(new Date(`${from}T12:00`).getDay()).toBe(1)
    expect(new Date(`${to}T12:00`).getDay()).toBe(0)
    expect(from <= new Date().toLocaleDateString('sv-SE') && new Date().toLocaleDateString('sv-SE') <= to).toBe(true)
  })

  it('exports every branch’s week as a PDF for the range shown (saved in the desktop app)', async () => {
    const range = dayRangePresets(new Date()).thisWeek
    const zero = {
      branchCode: 'SH01',
      branchName: '静安寺店',
      total: 0,
      class1: 0,
      class2: 0,
      urgent: 0,
      open: 0,
      overdue: 0,
      byStatus: Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>,
      byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>,
    }
    const file = { fileName: '各门店每周投诉追踪.pdf', base64: btoa('%PDF') }
    const api = fakeApi({
      'hq:weekly': { ok: true, data: { ...range, branches: [zero], total: zero } },
      'hq:weeklyOverviewPdf': { ok: true, data: file },
      'files:savePdf': { ok: true, data: { saved: true, path: '/tmp/r.pdf' } },
    })
    renderWithApi(
      <HostContext.Provider value="desktop">
        <HqWeeklyPage />
      </HostContext.Provider>,
      api,
    )
    await userEvent.click(await screen.findByRole('button', { name: '导出 PDF' }))
    await waitFor(() => expect(api['files:savePdf']).toHaveBeenCalledWith(file))
    expect(api['hq:weeklyOverviewPdf']).toHaveBeenCalledWith(range)
  })
})
