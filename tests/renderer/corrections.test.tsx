import { describe, expect, it } from 'vitest'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseDetail } from '@shared/schemas/case'
import type { Workflow } from '@shared/schemas/workflow'
import type { Result } from '@shared/ipc/result'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { EditForm } from '../../renderer/src/case/CorrectionsPanel'
import { NotesPanel } from '../../renderer/src/case/NotesPanel'
import { OwnerLine } from '../../renderer/src/case/OwnerPanel'
import { ActionsCard } from '../../renderer/src/case/ActionsCard'
import { CaseFacts } from '../../renderer/src/case/CaseFacts'
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

/** Picks an option of an Ant Design Select by its text. */
async function choose(combobox: HTMLElement, option: string) {
  fireEvent.mouseDown(combobox)
  const item = await waitFor(() => {
    const found = document.querySelector(`.ant-select-item-option[title="${option}"]`)
    if (!found) throw new Error(`option ${option} not shown`)
    return found as HTMLElement
  })
  fireEvent.click(item)
}

describe('更正登记信息', { timeout: 30_000 }, () => {
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
    renderWithApi(<EditForm {...panelProps(c)} />, api)
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

  it('a wrong value is refused next to its field before anything is sent, and cleared once fixed; main refusal goes next to its field too', async () => {
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
    renderWithApi(<EditForm {...panelProps(c)} />, api)
    const form = screen.getByRole('form', { name: /只保存改动的项目/ })
    const phone = within(form).getByLabelText('联系电话')
    await userEvent.clear(phone)
    await userEvent.type(phone, '1391111')
    await userEvent.click(within(form).getByRole('button', { name: '保存更正' }))
    expect(await within(form).findByText(/请输入正确的手机号/)).toBeInTheDocument()
    expect(phone).toHaveAttribute('aria-invalid', 'true')
    expect(api['cases:edit']).not.toHaveBeenCalled()
    await userEvent.clear(phone)
    await userEvent.type(phone, '13911112223')
    await choose(within(form).getByLabelText('涉及部门'), '售后服务')
    await userEvent.click(within(form).getByRole('button', { name: '保存更正' }))
    expect(await within(form).findByText('请选择一项')).toBeInTheDocument()
    expect(within(form).queryByText(/请输入正确的手机号/)).toBeNull()
    expect(api['cases:edit']).toHaveBeenCalledWith({ id: c.id, changes: { departmentId: 'dept-2' } })
    // The refusal names its field: no banner far from it.
    expect(within(form).queryByText('提交的内容有误，未保存。')).toBeNull()
  })

  it('a closed case shows why it cannot be corrected', () => {
    renderWithApi(
      <ActionsCard {...panelProps(detail({ status: 'closed' }))} onOpen={() => {}} onOffer={() => {}} />,
      fakeApi(),
    )
    const edit = screen.getByRole('button', { name: '更正登记信息' })
    expect(edit).toBeDisabled()
    expect(edit).toHaveAccessibleDescription('投诉已结案，须先重新打开才能更正登记信息。')
  })

  it('shows the proposal to lower when the rules no longer find a Class 2 reason', () => {
    renderWithApi(<CaseFacts c={detail({ caseClass: 2, workflow: { reasons: [] } })} />, fakeApi())
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
    const api = fakeApi({ 'departments:list': { ok: true, data: DEPARTMENTS } })
    const first = renderWithApi(<OwnerLine {...panelProps(detail())} onAssign={() => {}} />, api)
    expect(screen.getByTestId('owner-name')).toHaveTextContent('李娜')
    expect(screen.getByRole('button', { name: '转交' })).toBeEnabled()
    first.unmount()
    renderWithApi(
      <OwnerLine
        {...panelProps(detail({ workflow: { owner: null, ownerDepartmentId: 'dept-2' } }))}
        onAssign={() => {}}
      />,
      api,
    )
    expect(await screen.findByText('售后服务（待认领）')).toBeInTheDocument()
  })

  it('notes and customer updates are listed, each with its button; none yet says so', () => {
    const by = { id: 's1', name: '李娜' }
    const at = new Date().toISOString()
    const c = detail({
      workflow: {
        notes: [{ id: 'n1', text: '客户上周也投诉过', at, by }],
        customerUpdates: [{ id: 'u1', informedAt: at, method: 'phone', said: '明天中午前回电', at, by }],
      },
    })
    const opened: string[] = []
    const { unmount } = renderWithApi(<NotesPanel {...panelProps(c)} onOpen={(a) => opened.push(a)} />, fakeApi())
    expect(screen.getByRole('list', { name: '内部备注' })).toHaveTextContent('客户上周也投诉过')
    expect(screen.getByText('明天中午前回电')).toBeInTheDocument()
    fireEvent.click(screen.getByRole('button', { name: '添加备注' }))
    fireEvent.click(screen.getByRole('button', { name: '记录已告知客户' }))
    expect(opened).toEqual(['addNote', 'recordCustomerUpdate'])
    unmount()
    renderWithApi(<NotesPanel {...panelProps(detail())} onOpen={() => {}} />, fakeApi())
    expect(screen.getByText('还没有内部备注。')).toBeInTheDocument()
    expect(screen.getByText('还没有告知客户进展的记录。')).toBeInTheDocument()
  })
})
