import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseSummary } from '@shared/schemas/case'
import { CaseListPage } from '../../renderer/src/pages/CaseListPage'
import { fakeApi, renderWithApi } from './renderWithApi'

const row: CaseSummary = {
  id: 'c1',
  number: 'KS-20261122-0001',
  status: 'received',
  caseClass: 2,
  category: 'cashier_error',
  customerName: '王秀英',
  phoneMasked: '138****1234',
  departmentId: 'd1',
  departmentName: '收银',
  receivedAt: new Date(2026, 10, 22, 9, 30).toISOString(),
  situations: ['injury_or_harm'],
  urgent: true,
  flags: {
    escalated: true,
    overdue: ['resolve'],
    commitmentsDueSoon: 1,
    commitmentsOverdue: 0,
    deadlines: { resolveBy: null, firstResponseBy: null, reportBy: null, followUpFrom: null, followUpBy: null },
  },
}

describe('the case list', () => {
  it('says how to start when there are no complaints', async () => {
    renderWithApi(
      <CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />,
      fakeApi({ 'cases:list': { ok: true, data: { items: [], total: 0 } } }),
    )
    expect(await screen.findByText(/还没有投诉记录/)).toBeInTheDocument()
  })

  it('shows an error with a retry that asks again', async () => {
    const api = fakeApi({ 'cases:list': { ok: false, error: { code: 'INTERNAL', message: '磁盘错误' } } })
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    expect(await screen.findByText(/无法读取投诉列表：磁盘错误/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    await waitFor(() => expect(api['cases:list']).toHaveBeenCalledTimes(2))
  })

  it('shows rows with masked phone, class, urgent and overdue markers, and opens a case', async () => {
    const onOpen = vi.fn()
    renderWithApi(
      <CaseListPage onOpen={onOpen} onNew={vi.fn()} />,
      fakeApi({ 'cases:list': { ok: true, data: { items: [row], total: 1 } } }),
    )
    expect(await screen.findByText('138****1234')).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: '收银差错' })).toBeInTheDocument()
    expect(screen.getByRole('cell', { name: '已受理' })).toBeInTheDocument()
    expect(screen.getByText('二类投诉')).toBeInTheDocument()
    expect(screen.getByText('紧急·待接手')).toBeInTheDocument()
    expect(screen.getByText('解决已逾期')).toBeInTheDocument()
    expect(screen.getByText('1 个承诺即将到期')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: 'KS-20261122-0001' }))
    expect(onOpen).toHaveBeenCalledWith('c1')
  })

  it('sends filters, search and sort to main, and says when nothing matches', async () => {
    const api = fakeApi({ 'cases:list': { ok: true, data: { items: [], total: 0 } } })
    const user = userEvent.setup()
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    await user.type(screen.getByRole('searchbox'), '少找')
    await user.selectOptions(screen.getByLabelText('状态'), 'received')
    await waitFor(() =>
      expect(api['cases:list']).toHaveBeenLastCalledWith({
        sort: 'receivedAt',
        dir: 'desc',
        q: '少找',
        status: 'received',
      }),
    )
    expect(await screen.findByText('没有符合条件的投诉。')).toBeInTheDocument()
  })
})

describe('the case list over a long history', () => {
  const many = (offset: number, count: number): CaseSummary[] =>
    Array.from({ length: count }, (_, i) => ({
      ...row,
      id: `c${offset + i}`,
      number: `KS-20261122-${String(offset + i).padStart(5, '0')}`,
      urgent: false,
      flags: { ...row.flags, escalated: false },
    }))

  it('renders only the rows in view and fetches further pages as they scroll into view', async () => {
    const api = fakeApi({})
    api['cases:list'].mockImplementation(async (q) => ({
      ok: true,
      data: { items: many(q.offset ?? 0, Math.min(q.limit ?? 200, 100_000 - (q.offset ?? 0))), total: 100_000 },
    }))
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    expect(await screen.findByText('KS-20261122-00000')).toBeInTheDocument()
    expect(screen.getByText('共 100000 条')).toBeInTheDocument()
    // A screenful (plus a few), not 100,000 rows, is in the document.
    expect(screen.getAllByRole('row').length).toBeLessThan(80)
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '100001')
    const scroller = document.querySelector('.case-scroll')
    if (!(scroller instanceof HTMLElement)) throw new Error('the list has no scrolling container')
    scroller.scrollTop = 42 * 50_000
    scroller.dispatchEvent(new Event('scroll'))
    await waitFor(() =>
      expect(api['cases:list']).toHaveBeenCalledWith(
        expect.objectContaining({ offset: 50_000 - (50_000 % 200), limit: 200 }),
      ),
    )
    expect(await screen.findByText('KS-20261122-50000')).toBeInTheDocument()
    expect(screen.getAllByRole('row').length).toBeLessThan(80)
  })
})

describe('the case list at head office', () => {
  it('marks a case from another branch with its branch code', async () => {
    const api = fakeApi({
      'cases:list': {
        ok: true,
        data: {
          items: [
            { ...row, fromBranch: 'SH02' },
            { ...row, id: 'c9', number: 'KS-20261122-0009', fromBranch: null },
          ],
          total: 2,
        },
      },
    })
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    expect(await screen.findByTitle('来自门店 SH02')).toHaveTextContent('SH02')
    expect(screen.getAllByTitle(/来自门店/)).toHaveLength(1)
  })
})

describe('the case list when the filters change', () => {
  it('shows the rows of the new query, not the rows it showed before', async () => {
    const closed: CaseSummary = {
      ...row,
      id: 'c2',
      number: 'KS-20260920-0001',
      status: 'closed',
      urgent: false,
      flags: { ...row.flags, escalated: false, overdue: [], commitmentsDueSoon: 0 },
    }
    const api = fakeApi({})
    api['cases:list'].mockImplementation(async (q) => ({
      ok: true,
      data: q.status === 'closed' ? { items: [closed], total: 1 } : { items: [row], total: 1 },
    }))
    const user = userEvent.setup()
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    expect(await screen.findByText('KS-20261122-0001')).toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('状态'), '已结案')
    expect(await screen.findByText('KS-20260920-0001')).toBeInTheDocument()
    expect(screen.queryByText('KS-20261122-0001')).not.toBeInTheDocument()
  })
})
