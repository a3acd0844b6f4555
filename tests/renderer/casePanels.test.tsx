import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseDetail } from '@shared/schemas/case'
import type { Commitment, Workflow } from '@shared/schemas/workflow'
import type { Result } from '@shared/ipc/result'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { LoopPanel } from '../../renderer/src/case/LoopPanel'
import { LastrPanel } from '../../renderer/src/case/LastrPanel'
import { ClassPanel } from '../../renderer/src/case/ClassPanel'
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

const resolved = { resolvedAt: hoursAgo(1), resolution: '补足找零并致歉' }
const oral: Workflow['oralReport'] = { to: '陈主管', at: hoursAgo(1), summary: '已补足', by: stamp.by }
const reportStep = { ...makeCase().workflow.steps, report: stamp }

describe('the case page draws its actions from the lifecycle', () => {
  it('an urgent case nobody was told about: 标记已解决 is shown disabled with why', () => {
    const api = fakeApi()
    const c = detail({ status: 'in_progress', caseClass: 2, workflow: { urgent: true } })
    renderWithApi(<LoopPanel {...panelProps(c)} />, api)
    const resolve = screen.getByRole('button', { name: '标记已解决' })
    expect(resolve).toBeDisabled()
    expect(resolve).toHaveAccessibleDescription('紧急事件须先记录已通知主管（或由主管接手），才能标记已解决。')
    expect(screen.getByText('紧急事件须先记录已通知主管（或由主管接手），才能标记已解决。')).toBeVisible()
    expect(screen.queryByLabelText(/^解决方案/)).toBeNull()
  })

  it('once someone was notified the resolution form is there', () => {
    const api = fakeApi()
    const c = detail({
      status: 'in_progress',
      workflow: { urgent: true, escalation: { notified: [{ who: '王店长', ...stamp }], takenOverBy: null } },
    })
    renderWithApi(<LoopPanel {...panelProps(c)} />, api)
    expect(screen.getByLabelText(/^解决方案/)).toBeEnabled()
    expect(screen.getByRole('button', { name: '标记已解决' })).toBeEnabled()
  })

  it('Class 2 resolved without a written report: submitting and closing wait, with their reasons; no oral report', () => {
    const api = fakeApi()
    const c = detail({ status: 'resolved', caseClass: 2, workflow: resolved })
    renderWithApi(<LoopPanel {...panelProps(c)} />, api)
    const submit = screen.getByRole('button', { name: '标记书面报告已提交' })
    expect(submit).toBeDisabled()
    expect(submit).toHaveAccessibleDescription('二类投诉须先生成书面报告，才能标记已提交。')
    expect(screen.getByRole('button', { name: '结案' })).toHaveAccessibleDescription(
      '投诉当前为“已解决”，须先记录回访才能结案。',
    )
    expect(screen.getByRole('button', { name: '生成书面报告' })).toBeEnabled()
    expect(screen.queryByRole('button', { name: '记录口头报告' })).toBeNull()
  })

  it('a follow-up before its window says when it opens and needs the early reason, sent to main', async () => {
    const api = fakeApi()
    api['cases:recordFollowUp'].mockImplementation(async () => ({ ok: true, data: c }))
    const c = detail({ status: 'reported', workflow: { ...resolved, oralReport: oral, steps: reportStep } })
    renderWithApi(<LoopPanel {...panelProps(c)} />, api)
    const form = screen.getByRole('form', { name: '记录回访' })
    expect(screen.getByText(/回访时间未到（.+ 起）。如客户已主动反馈，请填写提前回访的原因。/)).toBeVisible()
    await userEvent.click(within(form).getByRole('radio', { name: '非常满意' }))
    await userEvent.click(within(form).getByRole('button', { name: '记录回访' }))
    expect(await within(form).findByText('此项必填')).toBeVisible()
    expect(api['cases:recordFollowUp']).not.toHaveBeenCalled()
    await userEvent.type(within(form).getByLabelText(/^提前回访原因/), '客户已主动来电')
    await userEvent.click(within(form).getByRole('button', { name: '记录回访' }))
    await waitFor(() =>
      expect(api['cases:recordFollowUp']).toHaveBeenCalledWith(
        expect.objectContaining({ id: c.id, satisfaction: 5, earlyReason: '客户已主动来电' }),
      ),
    )
  })

  it('a follow-up inside its window asks no reason', () => {
    const api = fakeApi()
    const c = detail({ status: 'reported', workflow: { ...resolved, resolvedAt: hoursAgo(30), oralReport: oral } })
    renderWithApi(<LoopPanel {...panelProps(c)} />, api)
    expect(screen.getByRole('form', { name: '记录回访' })).toBeVisible()
    expect(screen.queryByLabelText(/^提前回访原因/)).toBeNull()
  })

  it('closing waits for promises kept; main’s refusal shows next to 结案', async () => {
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
    const { unmount } = renderWithApi(<LoopPanel {...panelProps(waiting)} />, api)
    expect(screen.getByRole('button', { name: '结案' })).toBeDisabled()
    expect(screen.getByText('还有 1 项对客户的承诺未兑现，兑现后才能结案。')).toBeVisible()
    unmount()

    api['cases:transition'].mockImplementation(async () => ({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: '该投诉已被他人修改，请刷新。' },
    }))
    const ready = detail({ status: 'followed_up', workflow })
    renderWithApi(<LoopPanel {...panelProps(ready)} />, api)
    const close = screen.getByRole('button', { name: '结案' })
    await userEvent.click(close)
    expect(await screen.findByRole('alert')).toHaveTextContent('该投诉已被他人修改，请刷新。')
    expect(close).toHaveAccessibleDescription('该投诉已被他人修改，请刷新。')
  })

  it('a closed case offers reopening and nothing else from the loop', () => {
    const api = fakeApi()
    const c = detail({ status: 'closed', workflow: { ...resolved, closedAt: stamp.at } })
    renderWithApi(<LoopPanel {...panelProps(c)} />, api)
    expect(screen.queryByRole('button', { name: '结案' })).toBeNull()
    expect(screen.getByText('重新打开', { selector: 'summary' })).toBeVisible()
    expect(screen.queryByRole('button', { name: '标记需反省检讨' })).toBeNull()
  })

  it('LASTR: 报告 is ticked by the report record, never by hand', () => {
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

  it('class changes as allowed: raising for a Class 1 case; lowering needs a manager, preselected when one is signed in', async () => {
    const api = fakeApi()
    const one = detail({ status: 'in_progress' })
    const { unmount } = renderWithApi(<ClassPanel {...panelProps(one)} />, api)
    expect(screen.getByText('升级为二类', { selector: 'summary' })).toBeVisible()
    expect(screen.queryByText('降为一类（需主管审批）', { selector: 'summary' })).toBeNull()
    unmount()

    const two = detail({ status: 'in_progress', caseClass: 2 })
    renderWithApi(<ClassPanel {...panelProps(two, 'manager')} />, api)
    expect(screen.queryByText('升级为二类', { selector: 'summary' })).toBeNull()
    await userEvent.click(screen.getByText('降为一类（需主管审批）', { selector: 'summary' }))
    const form = screen.getByRole('form', { name: '降为一类（需主管审批）' })
    // antd's select shows the chosen manager by name beside its search box.
    expect(
      within(form)
        .getByLabelText(/^审批主管/)
        .closest('.ant-select'),
    ).toHaveTextContent('陈主管')
    expect(within(form).getByLabelText(/^主管 PIN 码/)).toBeVisible()
  })
})
