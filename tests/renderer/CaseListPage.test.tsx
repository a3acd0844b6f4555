import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseSummary } from '@shared/schemas/case'
import { CaseListPage } from '../../renderer/src/pages/CaseListPage'
import { fakeApi, renderWithApi } from './renderWithApi'

// antd's table, selects and pickers take a while to render in jsdom on a busy machine.
vi.setConfig({ testTimeout: 20_000 })

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
  summary: '收银员少找了十元，态度也不好',
  flags: {
    escalated: true,
    overdue: ['resolve'],
    dueSoon: ['commitment'],
    commitmentsDueSoon: 1,
    commitmentsOverdue: 0,
    deadlines: { resolveBy: null, firstResponseBy: null, reportBy: null, followUpFrom: null, followUpBy: null },
  },
}
const plain: CaseSummary = {
  ...row,
  id: 'c2',
  number: 'KS-20261122-0002',
  status: 'closed',
  caseClass: 1,
  urgent: false,
  summary: '小票金额打错',
  flags: { ...row.flags, escalated: false, overdue: [], dueSoon: [], commitmentsDueSoon: 0 },
}
const listOf = (...items: CaseSummary[]) => ({
  'cases:list': { ok: true as const, data: { items, total: items.length } },
})
/** The body row that holds `text` (rows are role="row" in the list's role="table"). */
const rowWith = (text: string) => screen.getByText(text).closest<HTMLElement>('[role="row"]')!

describe('the case list', () => {
  it('says how to start when there are no complaints', async () => {
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, fakeApi(listOf()))
    expect(await screen.findByText(/还没有投诉记录/)).toBeInTheDocument()
  })

  it('shows an error with a retry that asks again', async () => {
    const api = fakeApi({ 'cases:list': { ok: false, error: { code: 'INTERNAL', message: '磁盘错误' } } })
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    expect(await screen.findByText(/无法读取投诉列表：磁盘错误/)).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: '重试' }))
    await waitFor(() => expect(api['cases:list']).toHaveBeenCalledTimes(2))
  })

  it('shows priority, coloured status and class tags, the complaint in one line and the full 受理时间', async () => {
    const late: CaseSummary = { ...plain, id: 'c3', number: 'KS-20261122-0003', status: 'in_progress' }
    late.flags = { ...plain.flags, overdue: ['resolve', 'commitment'], commitmentsOverdue: 2 }
    const soon: CaseSummary = { ...plain, id: 'c4', number: 'KS-20261122-0004', status: 'in_progress' }
    soon.flags = { ...plain.flags, dueSoon: ['first_response'] }
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, fakeApi(listOf(row, plain, late, soon)))
    const urgent = within(await waitFor(() => rowWith('KS-20261122-0001')))
    // One tag, the most pressing; its title names every mark and what it is about.
    const tag = urgent.getByText('紧急·待接手')
    expect(tag).toHaveClass('priority-urgent', 'ant-tag-red')
    expect(tag).toHaveAttribute('title', '紧急·待接手；逾期：解决已逾期；即将到期：1 个承诺即将到期')
    expect(urgent.getByText('已受理')).toHaveClass('ant-tag-blue')
    expect(urgent.getByText('二类投诉')).toHaveClass('ant-tag-orange')
    expect(urgent.getByText('收银员少找了十元，态度也不好')).toBeInTheDocument()
    expect(urgent.getByText('2026-11-22 09:30')).toBeInTheDocument()
    expect(urgent.getByText('138****1234')).toBeInTheDocument()
    expect(rowWith('KS-20261122-0001')).toHaveClass('row-urgent')
    const overdue = within(rowWith('KS-20261122-0003')).getByText('逾期')
    expect(overdue).toHaveClass('ant-tag-volcano')
    expect(overdue).toHaveAttribute('title', '逾期：解决已逾期、2 个承诺逾期')
    expect(rowWith('KS-20261122-0003')).toHaveClass('row-overdue')
    expect(within(rowWith('KS-20261122-0004')).getByText('即将到期')).toHaveAttribute(
      'title',
      '即将到期：首次响应即将到期',
    )
    expect(rowWith('KS-20261122-0004')).toHaveClass('row-due_soon')
    // Nothing presses on a closed case: no priority tag, no highlight.
    const done = within(rowWith('KS-20261122-0002'))
    expect(done.queryByText(/紧急|逾期|即将到期/)).toBeNull()
    expect(done.getByText('一类投诉')).toHaveClass('ant-tag-blue')
    expect(rowWith('KS-20261122-0002')).not.toHaveClass('row-urgent', 'row-overdue', 'row-due_soon')
  })

  it('opens a case on a click anywhere in its row, on its number, and on Enter in a focused row', async () => {
    const onOpen = vi.fn()
    renderWithApi(<CaseListPage onOpen={onOpen} onNew={vi.fn()} />, fakeApi(listOf(row, plain)))
    await userEvent.click(await screen.findByText('小票金额打错'))
    expect(onOpen).toHaveBeenLastCalledWith('c2')
    await userEvent.click(screen.getByRole('button', { name: 'KS-20261122-0001' }))
    expect(onOpen).toHaveBeenLastCalledWith('c1')
    expect(onOpen).toHaveBeenCalledTimes(2)
    const first = rowWith('KS-20261122-0001')
    first.focus()
    await userEvent.keyboard('{ArrowDown}')
    expect(rowWith('KS-20261122-0002')).toHaveFocus()
    await userEvent.keyboard('{Enter}')
    expect(onOpen).toHaveBeenLastCalledWith('c2')
  })

  it('sends search, filters and the saved view to main, and says when nothing matches', async () => {
    const api = fakeApi(listOf())
    const user = userEvent.setup()
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    await user.type(screen.getByRole('searchbox'), '少找')
    await user.click(screen.getByRole('combobox', { name: '状态' }))
    await user.click(await screen.findByTitle('已受理'))
    await user.click(screen.getByText('待回访'))
    await waitFor(() =>
      expect(api['cases:list']).toHaveBeenLastCalledWith({
        sort: 'receivedAt',
        dir: 'desc',
        q: '少找',
        status: 'received',
        view: 'follow_up',
      }),
    )
    expect(await screen.findByText('没有符合条件的投诉。')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: '清除筛选' }))
    await waitFor(() => expect(api['cases:list']).toHaveBeenLastCalledWith({ sort: 'receivedAt', dir: 'desc' }))
  })

  it('finds a category by its pinyin initials in the searchable select', async () => {
    const api = fakeApi(listOf())
    const user = userEvent.setup()
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    await user.type(screen.getByRole('combobox', { name: '投诉类别' }), 'syc')
    expect(await screen.findByTitle('收银差错')).toBeInTheDocument()
    expect(screen.queryByTitle('产品质量')).toBeNull()
    await user.click(screen.getByTitle('收银差错'))
    await waitFor(() =>
      expect(api['cases:list']).toHaveBeenLastCalledWith(expect.objectContaining({ category: 'cashier_error' })),
    )
  })

  it('filters by a date preset (本周: Monday to Sunday)', async () => {
    vi.useFakeTimers({ now: new Date(2026, 10, 25, 10, 0), toFake: ['Date'] })
    try {
      const api = fakeApi(listOf())
      const user = userEvent.setup()
      renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
      await user.click(screen.getByLabelText('开始日期'))
      await user.click(await screen.findByText('本周'))
      await waitFor(() =>
        expect(api['cases:list']).toHaveBeenLastCalledWith(
          expect.objectContaining({ from: '2026-11-23', to: '2026-11-29' }),
        ),
      )
    } finally {
      vi.useRealTimers()
    }
  })

  it('sorts on a column header, asc and desc in turn', async () => {
    const api = fakeApi(listOf(row))
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    const header = await screen.findByRole('columnheader', { name: /投诉编号/ })
    await userEvent.click(header)
    await waitFor(() => expect(api['cases:list']).toHaveBeenLastCalledWith({ sort: 'number', dir: 'asc' }))
    await userEvent.click(screen.getByRole('columnheader', { name: /投诉编号/ }))
    await waitFor(() => expect(api['cases:list']).toHaveBeenLastCalledWith({ sort: 'number', dir: 'desc' }))
  })
})

describe('the case list over a long history', () => {
  const many = (offset: number, count: number): CaseSummary[] =>
    Array.from({ length: count }, (_, i) => ({
      ...plain,
      id: `c${offset + i}`,
      number: `KS-20261122-${String(offset + i).padStart(5, '0')}`,
    }))

  it('renders only the rows in view and fetches further pages as they scroll into view', async () => {
    // A drawn row is a pixel taller than antd's estimate for rows not drawn yet (as in Chromium):
    // the pages fetched must be those of the rows drawn, not of a guess from the scroll offset.
    const offsetHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight')!
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('ant-table-row') ? 41 : offsetHeight.get!.call(this)
      },
    })
    onTestFinished(() => {
      Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offsetHeight)
    })
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
    expect(screen.getByRole('table', { name: '投诉列表' })).toHaveAttribute('aria-rowcount', '100001')
    const holder = document.querySelector('.case-table .ant-table-tbody-virtual-holder')
    if (!(holder instanceof HTMLElement)) throw new Error('the list has no scrolling body')
    // jsdom lays nothing out: the body says it was scrolled to row 50,000 (rows are 39 px).
    let top = 0
    Object.defineProperty(holder, 'scrollTop', { configurable: true, get: () => top, set: (v: number) => (top = v) })
    await act(async () => {
      top = 39 * 50_000
      fireEvent.scroll(holder)
    })
    // The rows now in view are far down the history (jsdom measures rows as 0 px, so "near 50,000"):
    // their page is fetched and they show.
    const shown = await waitFor(() => {
      const index = Number(document.querySelector<HTMLElement>('.case-table .ant-table-row')?.dataset.index)
      expect(index).toBeGreaterThan(40_000)
      return index
    })
    await waitFor(() =>
      expect(api['cases:list']).toHaveBeenCalledWith(
        expect.objectContaining({ offset: shown - (shown % 200), limit: 200 }),
      ),
    )
    expect(await screen.findByText(`KS-20261122-${String(shown).padStart(5, '0')}`)).toBeInTheDocument()
    expect(screen.getAllByRole('row').length).toBeLessThan(80)
  })
})

describe('the case list at head office', () => {
  it('marks a case from another branch with its branch code', async () => {
    renderWithApi(
      <CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />,
      fakeApi(
        listOf({ ...row, fromBranch: 'SH02' }, { ...row, id: 'c9', number: 'KS-20261122-0009', fromBranch: null }),
      ),
    )
    expect(await screen.findByTitle('来自门店 SH02')).toHaveTextContent('SH02')
    expect(screen.getAllByTitle(/来自门店/)).toHaveLength(1)
  })
})

describe('the case list when the filters change', () => {
  it('shows the rows of the new query, not the rows it showed before', async () => {
    const api = fakeApi({})
    api['cases:list'].mockImplementation(async (q) => ({
      ok: true,
      data: q.status === 'closed' ? { items: [plain], total: 1 } : { items: [row], total: 1 },
    }))
    const user = userEvent.setup()
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} />, api)
    expect(await screen.findByText('KS-20261122-0001')).toBeInTheDocument()
    await user.click(screen.getByRole('combobox', { name: '状态' }))
    await user.click(await screen.findByTitle('已结案'))
    expect(await screen.findByText('KS-20261122-0002')).toBeInTheDocument()
    expect(screen.queryByText('KS-20261122-0001')).not.toBeInTheDocument()
  })

  it('opens on the view it is given (home tiles open 紧急, 逾期, …)', async () => {
    const api = fakeApi(listOf())
    renderWithApi(<CaseListPage onOpen={vi.fn()} onNew={vi.fn()} initialView="overdue" />, api)
    await waitFor(() =>
      expect(api['cases:list']).toHaveBeenCalledWith({ sort: 'receivedAt', dir: 'desc', view: 'overdue' }),
    )
    expect(screen.getByRole('radio', { name: '逾期' })).toBeChecked()
  })
})
