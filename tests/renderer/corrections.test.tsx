import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseDetail } from '@shared/schemas/case'
import type { Workflow } from '@shared/schemas/workflow'
import type { Result } from '@shared/ipc/result'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { CorrectionsPanel } from '../../renderer/src/case/CorrectionsPanel'
import { NotesPanel } from '../../renderer/src/case/NotesPanel'
import { OwnerPanel } from '../../renderer/src/case/OwnerPanel'
import { TimelineChanges } from '../../renderer/src/case/TimelineChanges'
import type { CasePanelProps } from '../../renderer/src/case/caseActions'
import { makeCase, NO_FLAGS } from '../support/factories'
import { fakeApi, renderWithApi } from './renderWithApi'

const DEPARTMENTS = [
  { id: 'dept-1', name: '前台/服务台', active: true },
  { id: 'dept-2', name: '售后服务', active: true },
]

function detail(c: Partial<Omit<CaseDetail, 'workflow'>> & { workflow?: Partial<Workflow> } = {}): CaseDetail {
  const base = makeCase({ phone: '13911112223', departmentId: 'dept-1' })
  return {
    ...base,
    ...c,
    workflow: { ...base.workflow, owner: { id: 's1', name: '李娜' }, ...c.workflow },
    departmentName: '前台/服务台',
    flags: NO_FLAGS,
  }
}

function panelProps(c: CaseDetail): CasePanelProps {
  return {
    c,
    act: async (call: Promise<Result<CaseDetail>>) => call,
    managers: [{ id: 'm1', name: '陈主管', role: 'manager' }],
    defaultApprover: '',
    settings: DEFAULT_WORKFLOW_SETTINGS,
    lang: 'zh',
    viewer: { role: 'staff' },
  }
}

describe('更正登记信息', () => {
  it('opens prefilled with the case, sends only the changed fields, and says what the rules did', async () => {
    const c = detail()
    const saved = detail({
      phone: '13911112222',
      caseClass: 2,
      timeline: [
        {
          at: new Date().toISOString(),
          by: { id: 's1', name: '李娜' },
          action: 'edited.raised',
          changes: [{ field: 'phone', before: '139****2223', after: '139****2222' }],
        },
      ],
    })
    const api = fakeApi({
      'departments:list': { ok: true, data: DEPARTMENTS },
      'cases:edit': { ok: true, data: saved },
    })
    renderWithApi(<CorrectionsPanel {...panelProps(c)} />, api)
    await userEvent.click(screen.getByRole('button', { name: '更正登记信息' }))
    const form = screen.getByRole('form', { name: /只保存改动的项目/ })
    expect(within(form).getByLabelText('联系电话')).toHaveValue('13911112223')
    expect(within(form).getByLabelText('商品/服务金额（¥）')).toHaveValue('299.00')
    await userEvent.clear(within(form).getByLabelText('联系电话'))
    await userEvent.type(within(form).getByLabelText('联系电话'), '13911112222')
    await userEvent.click(within(form).getByRole('button', { name: '保存更正' }))
    await waitFor(() => expect(api['cases:edit']).toHaveBeenCalledTimes(1))
    expect(api['cases:edit']).toHaveBeenCalledWith({ id: c.id, changes: { phone: '13911112222' } })
    expect(await screen.findByText('已更正 1 项：更正登记信息，规则判定升级为二类')).toBeInTheDocument()
  })

  it('a wrong value is refused next to its field before anything is sent; main refusal goes next to its field too', async () => {
    const c = detail()
    const api = fakeApi({
      'departments:list': { ok: true, data: DEPARTMENTS },
      'cases:edit': {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '提交的内容有误，未保存。',
          issues: [{ path: 'changes.departmentId', message: '请选择一项' }],
        },
      },
    })
    renderWithApi(<CorrectionsPanel {...panelProps(c)} />, api)
    await userEvent.click(screen.getByRole('button', { name: '更正登记信息' }))
    const form = screen.getByRole('form', { name: /只保存改动的项目/ })
    const phone = within(form).getByLabelText('联系电话')
    await userEvent.clear(phone)
    await userEvent.type(phone, '1391111')
    await userEvent.click(within(form).getByRole('button', { name: '保存更正' }))
    expect(await within(form).findByText(/请输入正确的手机号/)).toBeInTheDocument()
    expect(api['cases:edit']).not.toHaveBeenCalled()
    await userEvent.clear(phone)
    await userEvent.type(phone, '13911112223')
    await userEvent.selectOptions(within(form).getByLabelText('涉及部门'), '售后服务')
    await userEvent.click(within(form).getByRole('button', { name: '保存更正' }))
    expect(await within(form).findByText('请选择一项')).toBeInTheDocument()
    expect(api['cases:edit']).toHaveBeenCalledWith({ id: c.id, changes: { departmentId: 'dept-2' } })
  })

  it('a closed case shows why it cannot be corrected; a lowering the rules propose is shown', () => {
    const api = fakeApi()
    renderWithApi(<CorrectionsPanel {...panelProps(detail({ status: 'closed' }))} />, api)
    expect(screen.getByRole('button', { name: '更正登记信息' })).toBeDisabled()
    expect(screen.getByText('投诉已结案，须先重新打开才能更正登记信息。')).toBeInTheDocument()
  })

  it('shows the proposal to lower when the rules no longer find a Class 2 reason', () => {
    renderWithApi(<CorrectionsPanel {...panelProps(detail({ caseClass: 2, workflow: { reasons: [] } }))} />, fakeApi())
    expect(screen.getByText(/规则建议降为一类，需主管审批/)).toBeInTheDocument()
  })
})

describe('timeline changes, owner and notes', () => {
  it('a change reads in the user language, phones masked as stored', () => {
    const changes = [
      { field: 'phone', before: '139****2223', after: '139****2222' },
      { field: 'resolvedAtDesk', before: 'pending', after: 'no' },
    ]
    const zh = renderWithApi(<TimelineChanges changes={changes} />, fakeApi())
    expect(zh.container).toHaveTextContent('联系电话：139****2223 → 139****2222')
    expect(zh.container).toHaveTextContent('现场是否解决：未定 → 否')
    zh.unmount()
    const en = renderWithApi(<TimelineChanges changes={changes} />, fakeApi(), 'en')
    expect(en.container).toHaveTextContent('Resolved at the desk: Not yet → No')
  })

  it('the owner is shown; handed to a department it waits there', async () => {
    const api = fakeApi({
      'auth:listStaff': { ok: true, data: [{ id: 's1', name: '李娜', role: 'staff' }] },
      'departments:list': { ok: true, data: DEPARTMENTS },
    })
    const first = renderWithApi(<OwnerPanel {...panelProps(detail())} />, api)
    expect(screen.getByTestId('owner-name')).toHaveTextContent('李娜')
    first.unmount()
    renderWithApi(
      <OwnerPanel {...panelProps(detail({ workflow: { owner: null, ownerDepartmentId: 'dept-2' } }))} />,
      api,
    )
    expect(await screen.findByText('售后服务（待认领）')).toBeInTheDocument()
  })

  it('notes and customer updates are listed, with their forms', () => {
    const by = { id: 's1', name: '李娜' }
    const at = new Date().toISOString()
    const c = detail({
      workflow: {
        notes: [{ id: 'n1', text: '客户上周也投诉过', at, by }],
        customerUpdates: [{ id: 'u1', informedAt: at, method: 'phone', said: '明天中午前回电', at, by }],
      },
    })
    renderWithApi(<NotesPanel {...panelProps(c)} />, fakeApi())
    expect(screen.getByRole('list', { name: '内部备注' })).toHaveTextContent('客户上周也投诉过')
    expect(screen.getByText('明天中午前回电')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '添加备注' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '记录已告知客户' })).toBeInTheDocument()
  })
})
