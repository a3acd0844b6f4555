import { useState } from 'react'
import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseDetail } from '@shared/schemas/case'
import type { Commitment, Workflow } from '@shared/schemas/workflow'
import type { Result } from '@shared/ipc/result'
import type { CaseAction } from '@shared/rules/lifecycle'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { NextActionCard } from '../../renderer/src/case/NextActionCard'
import { ActionDrawer, ActionsCard } from '../../renderer/src/case/ActionsCard'
import { EscalationCard } from '../../renderer/src/case/EscalationCard'
import { CaseHeader } from '../../renderer/src/case/CaseHeader'
import { CaseTimeline } from '../../renderer/src/case/CaseTimeline'
import { LastrPanel } from '../../renderer/src/case/LastrPanel'
import type { CasePanelProps } from '../../renderer/src/case/caseActions'
import { makeCase } from '../support/factories'
import { fakeApi, renderWithApi } from './renderWithApi'

const stamp = { at: new Date().toISOString(), by: { id: 's1', name: '李娜' } }
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString()

function detail(c: Partial<Omit<CaseDetail, 'workflow'>> & { workflow?: Partial<Workflow> } = {}): CaseDetail {
  const base = makeCase()
  return {
    ...base,
    ...c,
    workflow: { ...base.workflow, ...c.workflow },
    departmentName: '收银',
    flags: {
      escalated: false,
      overdue: [],
      commitmentsDueSoon: 0,
      commitmentsOverdue: 0,
      deadlines: {
        resolveBy: hoursAgo(-24),
        firstResponseBy: null,
        reportBy: null,
        followUpFrom: null,
        followUpBy: null,
      },
    },
  }
}

function panelProps(c: CaseDetail, role: 'staff' | 'manager' = 'staff'): CasePanelProps {
  return {
    c,
    act: async (call: Promise<Result<CaseDetail>>) => call,
    managers: [{ id: 'm1', name: '陈主管', role: 'manager' }],
    defaultApprover: role === 'manager' ? 'm1' : '',
    settings: DEFAULT_WORKFLOW_SETTINGS,
    lang: 'zh',
    viewer: { role },
  }
}

/** The workspace's right column as the page wires it: the next action, the other actions, their drawer. */
function Workspace(props: CasePanelProps) {
  const [open, setOpen] = useState<CaseAction | null>(null)
  return (
    <>
      <NextActionCard {...props} />
      <ActionsCard {...props} onOpen={setOpen} onOffer={() => undefined} />
      <ActionDrawer {...props} action={open} onClose={() => setOpen(null)} />
    </>
  )
}

const resolved = { resolvedAt: hoursAgo(1), resolution: '补足找零并致歉' }
const oral: Workflow['oralReport'] = { to: '陈主管', at: hoursAgo(1), summary: '已补足', by: stamp.by }
const reportStep = { ...makeCase().workflow.steps, report: stamp }
const urgent = (notified: number): Partial<Workflow> => ({
  urgent: true,
  reasons: [{ rule: 'injury_or_harm', kind: 'urgent', evidence: { ticked: true } }],
  escalation: { notified: Array.from({ length: notified }, () => ({ who: '王店长', ...stamp })), takenOverBy: null },
})
const nextCard = () => screen.getByRole('region', { name: /^下一步/ })
const others = () => screen.getByRole('region', { name: '其他操作' })

// Forms typed into on a loaded machine: more than the default 5 s each.
describe('the next action and the other actions come from the lifecycle', { timeout: 30_000 }, () => {
  it('an urgent case nobody was told about: telling a manager comes first; 标记已解决 waits, with why', () => {
    const c = detail({ status: 'in_progress', caseClass: 2, workflow: urgent(0) })
    renderWithApi(<Workspace {...panelProps(c)} />, fakeApi())
    expect(nextCard()).toHaveAccessibleName('下一步：紧急上报')
    expect(nextCard()).toHaveTextContent('先按上方紧急事件卡片通知主管')
    const resolve = within(others()).getByRole('button', { name: '标记已解决' })
    expect(resolve).toBeDisabled()
    expect(resolve).toHaveAccessibleDescription('紧急事件须先记录已通知主管（或由主管接手），才能标记已解决。')
    expect(screen.queryByLabelText(/^解决方案/)).toBeNull()
  })

  it('once someone was told, resolving is the next action, its form right in the card', async () => {
    const api = fakeApi()
    const c = detail({ status: 'in_progress', workflow: urgent(1) })
    api['cases:transition'].mockImplementation(async () => ({ ok: true, data: c }))
    renderWithApi(<Workspace {...panelProps(c)} />, api)
    expect(nextCard()).toHaveAccessibleName('下一步：标记已解决')
    const form = within(nextCard()).getByRole('form', { name: '标记已解决' })
    await userEvent.click(within(form).getByRole('button', { name: '标记已解决' }))
    expect(await within(form).findByText('此项必填')).toBeVisible()
    expect(api['cases:transition']).not.toHaveBeenCalled()
    await userEvent.type(within(form).getByLabelText(/解决方案/), '补足找零')
    await userEvent.click(within(form).getByRole('button', { name: '标记已解决' }))
    await waitFor(() =>
      expect(api['cases:transition']).toHaveBeenCalledWith({ id: c.id, action: 'resolve', resolution: '补足找零' }),
    )
    // The other actions never offer what the card already does.
    expect(within(others()).queryByRole('button', { name: '标记已解决' })).toBeNull()
  })

  it('Class 2 resolved without a written report: generating it is next; submitting and closing wait, with their reasons; no oral report', () => {
    const c = detail({ status: 'resolved', caseClass: 2, workflow: resolved })
    renderWithApi(<Workspace {...panelProps(c)} />, fakeApi())
    expect(nextCard()).toHaveAccessibleName('下一步：生成书面报告')
    expect(within(nextCard()).getByRole('button', { name: '生成书面报告' })).toBeEnabled()
    const submit = within(others()).getByRole('button', { name: '标记书面报告已提交' })
    expect(submit).toBeDisabled()
    expect(submit).toHaveAccessibleDescription('二类投诉须先生成书面报告，才能标记已提交。')
    expect(within(others()).getByRole('button', { name: '结案' })).toHaveAccessibleDescription(
      '投诉当前为“已解决”，须先记录回访才能结案。',
    )
    expect(screen.queryByRole('button', { name: '记录口头报告' })).toBeNull()
  })

  it('a follow-up before its window says when it opens and needs the early reason, sent to main', async () => {
    const api = fakeApi()
    const c = detail({ status: 'reported', workflow: { ...resolved, oralReport: oral, steps: reportStep } })
    api['cases:recordFollowUp'].mockImplementation(async () => ({ ok: true, data: c }))
    renderWithApi(<Workspace {...panelProps(c)} />, api)
    const form = within(nextCard()).getByRole('form', { name: '记录回访' })
    expect(screen.getByText(/回访时间未到（.+ 起）。如客户已主动反馈，请填写提前回访的原因。/)).toBeVisible()
    await userEvent.click(within(form).getByRole('radio', { name: '非常满意' }))
    await userEvent.click(within(form).getByRole('button', { name: '记录回访' }))
    expect(await within(form).findByText('此项必填')).toBeVisible()
    expect(api['cases:recordFollowUp']).not.toHaveBeenCalled()
    await userEvent.type(within(form).getByLabelText(/提前回访原因/), '客户已主动来电')
    await userEvent.click(within(form).getByRole('button', { name: '记录回访' }))
    await waitFor(() =>
      expect(api['cases:recordFollowUp']).toHaveBeenCalledWith(
        expect.objectContaining({ id: c.id, method: 'phone', satisfaction: 5, earlyReason: '客户已主动来电' }),
      ),
    )
  })

  it('a follow-up inside its window asks no reason', () => {
    const c = detail({ status: 'reported', workflow: { ...resolved, resolvedAt: hoursAgo(30), oralReport: oral } })
    renderWithApi(<Workspace {...panelProps(c)} />, fakeApi())
    expect(within(nextCard()).getByRole('form', { name: '记录回访' })).toBeVisible()
    expect(screen.queryByLabelText(/提前回访原因/)).toBeNull()
  })

  it('closing waits for promises kept (keeping one is the next action); main’s refusal shows next to 结案', async () => {
    const open: Commitment = {
      id: 'm1',
      what: '明天回电',
      owner: '李娜',
      dueAt: hoursAgo(-20),
      status: 'open',
      createdAt: stamp.at,
      createdBy: stamp.by,
      keptAt: null,
      reagreed: [],
    }
    const followUp: Workflow['followUp'] = { method: 'phone', satisfaction: 5, remarks: '', ...stamp }
    const workflow = { ...resolved, oralReport: oral, followUp }
    const api = fakeApi()
    const waiting = detail({ status: 'followed_up', workflow: { ...workflow, commitments: [open] } })
    const { unmount } = renderWithApi(<Workspace {...panelProps(waiting)} />, api)
    expect(nextCard()).toHaveAccessibleName('下一步：兑现承诺')
    expect(within(nextCard()).getByRole('button', { name: '标记已兑现' })).toBeEnabled()
    const blocked = within(others()).getByRole('button', { name: '结案' })
    expect(blocked).toBeDisabled()
    expect(blocked).toHaveAccessibleDescription('还有 1 项对客户的承诺未兑现，兑现后才能结案。')
    unmount()

    api['cases:transition'].mockImplementation(async () => ({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: '该投诉已被他人修改，请刷新。' },
    }))
    const ready = detail({ status: 'followed_up', workflow })
    renderWithApi(<Workspace {...panelProps(ready)} />, api)
    const close = within(nextCard()).getByRole('button', { name: '结案' })
    await userEvent.click(close)
    expect(await within(nextCard()).findByRole('alert')).toHaveTextContent('该投诉已被他人修改，请刷新。')
    expect(close).toHaveAccessibleDescription('该投诉已被他人修改，请刷新。')
  })

  it('a closed case has nothing next; reopening is offered, in a drawer with its reason', async () => {
    const c = detail({ status: 'closed', workflow: { ...resolved, closedAt: stamp.at } })
    renderWithApi(<Workspace {...panelProps(c)} />, fakeApi())
    expect(nextCard()).toHaveTextContent('已结案，没有待办事项')
    expect(screen.queryByRole('button', { name: '结案' })).toBeNull()
    expect(screen.queryByRole('button', { name: '标记需反省检讨' })).toBeNull()
    await userEvent.click(within(others()).getByRole('button', { name: '重新打开' }))
    const drawer = await screen.findByRole('dialog', { name: '重新打开' })
    expect(within(drawer).getByLabelText(/原因/)).toBeVisible()
  })

  it('class changes as allowed: raising for a Class 1 case; lowering needs a manager, a signed-in one approves', async () => {
    const one = detail({ status: 'in_progress' })
    const { unmount } = renderWithApi(<Workspace {...panelProps(one)} />, fakeApi())
    expect(within(others()).getByRole('button', { name: '升级为二类' })).toBeEnabled()
    expect(within(others()).queryByRole('button', { name: '降为一类' })).toBeNull()
    unmount()

    const two = detail({ status: 'in_progress', caseClass: 2 })
    renderWithApi(<Workspace {...panelProps(two, 'manager')} />, fakeApi())
    expect(within(others()).queryByRole('button', { name: '升级为二类' })).toBeNull()
    await userEvent.click(within(others()).getByRole('button', { name: '降为一类' }))
    const drawer = await screen.findByRole('dialog', { name: '降为一类' })
    expect(within(drawer).getByLabelText(/原因/)).toBeVisible()
    // The signed-in manager is the approver already (antd's select shows the name beside its search box).
    expect(
      within(drawer)
        .getByLabelText(/^审批主管/)
        .closest('.ant-select'),
    ).toHaveTextContent('陈主管')
    expect(within(drawer).getByLabelText(/主管 PIN 码/)).toBeVisible()
  })
})

describe('the escalation card: 待上报 → 已通知 → 已接手', () => {
  const c = (notified: number) =>
    detail({
      status: 'in_progress',
      caseClass: 2,
      situations: ['injury_or_harm'],
      description: '顾客在店里滑倒摔伤了',
      workflow: urgent(notified),
    })

  it('shouts 请立即上报主管 at a clerk before anyone is told, with every urgent reason and its keyword', () => {
    renderWithApi(<EscalationCard {...panelProps(c(0))} />, fakeApi())
    const card = screen.getByRole('alert')
    expect(card).toHaveAccessibleName('紧急事件 — 请立即上报主管')
    expect(within(card).getByRole('list', { name: '紧急原因' })).toHaveTextContent(
      '人身伤害/健康损害关键词“摔伤”，已勾选',
    )
    expect(within(card).getByLabelText(/已通知谁/)).toBeVisible()
    expect(within(card).getByRole('button', { name: '紧急上报' })).toHaveClass('ant-btn-primary')
  })

  it('never at a manager: the card asks them to take it over', () => {
    renderWithApi(<EscalationCard {...panelProps(c(0), 'manager')} />, fakeApi())
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('region', { name: '紧急事件 — 待主管接手' })).toBeVisible()
    expect(screen.queryByText(/请立即上报主管/)).toBeNull()
    // One main action: taking over; recording a call stays possible, as a plain button.
    const primaries = document.querySelectorAll('.escalation .ant-btn-primary')
    expect([...primaries].map((b) => b.textContent)).toEqual(['主管接手'])
    expect(screen.getByRole('button', { name: '紧急上报' })).not.toHaveClass('ant-btn-primary')
  })

  it('once a manager was told it stops shouting and says who was told', () => {
    renderWithApi(<EscalationCard {...panelProps(c(1))} />, fakeApi())
    expect(screen.queryByRole('alert')).toBeNull()
    const card = screen.getByRole('region', { name: '紧急事件 — 已通知主管，待主管接手' })
    expect(card).toHaveTextContent(/已通知 王店长/)
    // Telling someone else is recorded as another call, no longer the card's main action.
    expect(within(card).queryByRole('button', { name: '紧急上报' })).toBeNull()
    expect(within(card).getByRole('button', { name: '追加上报记录' })).not.toHaveClass('ant-btn-primary')
  })
})

describe('the header and the timeline', () => {
  it('the Steps bar is on the status; the next deadline counts down', () => {
    const c = detail({ status: 'in_progress', customerName: '张阿姨', phone: '13712345678' })
    renderWithApi(<CaseHeader c={c} settings={DEFAULT_WORKFLOW_SETTINGS} owner="李娜" actions={null} />, fakeApi())
    expect(screen.getByTestId('case-status')).toHaveTextContent('处理中')
    expect(screen.getByText('137****5678')).toBeVisible()
    expect(screen.queryByText('13712345678')).toBeNull()
    expect(screen.getByTestId('case-deadline')).toHaveTextContent(/^解决期限：(还剩|已逾期) /)
  })

  it('reads each entry in words: "回访：满意 4/5", never a bare "4/5"', () => {
    const c = detail({ timeline: [{ at: stamp.at, by: stamp.by, action: 'followUp.recorded', detail: '4/5' }] })
    renderWithApi(<CaseTimeline c={c} />, fakeApi())
    const timeline = screen.getByRole('complementary', { name: '处理记录' })
    expect(timeline).toHaveTextContent('回访：满意 4/5')
    expect(within(timeline).queryByText('4/5')).toBeNull()
  })
})

describe('LASTR', () => {
  it('报告 is ticked by the report record, never by hand', () => {
    const api = fakeApi()
    const c = detail({ status: 'in_progress' })
    const { unmount } = renderWithApi(<LastrPanel {...panelProps(c)} />, api)
    expect(screen.getByRole('button', { name: '完成“聆听”' })).toBeEnabled()
    expect(screen.queryByRole('button', { name: '完成“报告”' })).toBeNull()
    expect(screen.getByText('由报告记录自动完成')).toBeVisible()
    unmount()

    const reported = detail({
      status: 'reported',
      workflow: { ...resolved, oralReport: oral, steps: reportStep },
    })
    renderWithApi(<LastrPanel {...panelProps(reported)} />, api)
    expect(screen.queryByText('由报告记录自动完成')).toBeNull()
    expect(screen.getByText(/✓ .* 李娜/)).toBeVisible()
  })
})
