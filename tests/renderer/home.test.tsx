import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseSummary } from '@shared/schemas/case'
import type { HomeSummary, LastHandover } from '@shared/schemas/home'
import { HomePage } from '../../renderer/src/pages/HomePage'
import { fakeApi, renderWithApi } from './renderWithApi'

const kase: CaseSummary = {
  id: 'c1',
  number: 'KS-20261122-0001',
  status: 'in_progress',
  caseClass: 1,
  category: 'delivery',
  customerName: '周先生',
  phoneMasked: '136****6666',
  departmentId: 'd1',
  departmentName: '售后服务',
  receivedAt: new Date(2026, 10, 22, 9, 30).toISOString(),
  situations: [],
  urgent: false,
  ownerName: '李娜',
  flags: {
    escalated: false,
    overdue: [],
    commitmentsDueSoon: 0,
    commitmentsOverdue: 0,
    deadlines: { resolveBy: null, firstResponseBy: null, reportBy: null, followUpFrom: null, followUpBy: null },
  },
}

const handover: LastHandover = {
  id: 'h1',
  at: new Date(2026, 10, 22, 17, 30).toISOString(),
  outgoing: { id: 's1', name: '李娜' },
  incoming: { id: 's2', name: '陈主管' },
  notes: '周先生可能会再打电话来，语气较急。',
  openCases: [kase],
  openCount: 1,
}

function summary(o: Partial<HomeSummary> = {}): HomeSummary {
  return {
    escalated: [],
    overdueCommitments: [],
    commitmentsDueToday: [],
    overdueCases: [],
    openByClass: { class1: 0, class2: 0 },
    viewCounts: { urgent: 0, overdue: 0, follow_up: 0 },
    lastHandover: null,
    setup: null,
    ...o,
  }
}

function renderHome(data: HomeSummary) {
  const props = { onOpen: vi.fn(), onList: vi.fn(), onHandover: vi.fn(), onSettings: vi.fn() }
  renderWithApi(<HomePage {...props} />, fakeApi({ 'home:summary': { ok: true, data } }))
  return props
}

const tile = (name: RegExp) => screen.getByRole('link', { name })

describe('the home page', { timeout: 30_000 }, () => {
  it('never shows a zero in alarm red; urgent and overdue counts above zero are', async () => {
    renderHome(summary({ viewCounts: { urgent: 0, overdue: 3, follow_up: 2 } }))
    await screen.findByRole('heading', { name: '首页', level: 1 })
    expect(tile(/紧急/)).toHaveAttribute('data-tone', 'neutral')
    expect(tile(/逾期/)).toHaveAttribute('data-tone', 'alarm')
    expect(tile(/逾期/)).toHaveTextContent('3')
    // Waiting for a follow-up call is work, not an alarm.
    expect(tile(/待回访/)).toHaveAttribute('data-tone', 'neutral')
    expect(tile(/今天到期的承诺/)).toHaveAttribute('data-tone', 'neutral')
  })

  it('opens the list on the view a tile counts', async () => {
    const props = renderHome(summary({ viewCounts: { urgent: 1, overdue: 3, follow_up: 2 } }))
    await userEvent.click(await screen.findByRole('link', { name: /逾期/ }))
    expect(props.onList).toHaveBeenLastCalledWith({ view: 'overdue' })
    await userEvent.click(tile(/紧急/))
    expect(props.onList).toHaveBeenLastCalledWith({ view: 'urgent' })
    // A tile is a link: the keyboard opens it too.
    tile(/待回访/).focus()
    await userEvent.keyboard('{Enter}')
    expect(props.onList).toHaveBeenLastCalledWith({ view: 'follow_up' })
  })

  it('shows the incoming shift the last handover: who, when, the notes and the open cases, each opening its case', async () => {
    const props = renderHome(summary({ lastHandover: handover }))
    const card = (await screen.findByRole('heading', { name: '上一班交接' })).closest('section')!
    expect(card).toHaveTextContent('李娜 → 陈主管')
    expect(card).toHaveTextContent('2026-11-22 17:30')
    expect(within(card).getByText('周先生可能会再打电话来，语气较急。')).toBeInTheDocument()
    expect(card).toHaveTextContent('未结案投诉（1 件）')
    await userEvent.click(within(card).getByRole('button', { name: 'KS-20261122-0001' }))
    expect(props.onOpen).toHaveBeenCalledWith('c1')
  })

  it('says when no handover was signed yet, and when the outgoing clerk left no notes', async () => {
    renderHome(summary())
    expect(await screen.findByText('还没有交接记录。')).toBeInTheDocument()
    renderHome(summary({ lastHandover: { ...handover, notes: '' } }))
    expect(await screen.findByText('交班人没有留下交接说明。')).toBeInTheDocument()
  })

  it('lists what is left to set up, each open item a way to its settings tab; no card once all are done', async () => {
    const props = renderHome(
      summary({
        setup: [
          { task: 'contacts', done: true },
          { task: 'staff', done: false },
          { task: 'policy', done: false },
          { task: 'backup', done: true },
        ],
      }),
    )
    const card = (await screen.findByRole('heading', { name: '开始使用前' })).closest('section')!
    expect(card).toHaveTextContent('已完成 2/4')
    const rows = within(card).getAllByRole('listitem')
    expect(rows.map((r) => r.textContent)).toEqual([
      '已完成填写紧急联系人和服务电话',
      expect.stringMatching(/^待完成添加前台员工去设置$/),
      expect.stringMatching(/^待完成确认处理规则与补偿权限（保存一次）去设置$/),
      '已完成手动备份一次数据',
    ])
    await userEvent.click(within(rows[1]).getByRole('button', { name: '去设置' }))
    expect(props.onSettings).toHaveBeenLastCalledWith('people')
    await userEvent.click(within(rows[2]).getByRole('button', { name: '去设置' }))
    expect(props.onSettings).toHaveBeenLastCalledWith('compensation')

    renderHome(summary({ setup: null }))
    await waitFor(() => expect(screen.getAllByRole('heading', { name: '首页', level: 1 })).toHaveLength(2))
    expect(screen.getAllByRole('heading', { name: '开始使用前' })).toHaveLength(1) // only the first page's
  })

  it('says what went wrong and asks again on retry', async () => {
    const api = fakeApi({ 'home:summary': { ok: false, error: { code: 'INTERNAL', message: '磁盘错误' } } })
    renderWithApi(<HomePage onOpen={vi.fn()} onList={vi.fn()} onHandover={vi.fn()} onSettings={vi.fn()} />, api)
    expect(await screen.findByText('无法读取首页：磁盘错误')).toBeInTheDocument()
    await userEvent.click(screen.getByRole('button', { name: /重\s*试/ }))
    await waitFor(() => expect(api['home:summary']).toHaveBeenCalledTimes(2))
  })
})
