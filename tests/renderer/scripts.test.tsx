import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { CaseDetail } from '@shared/schemas/case'
import type { Result } from '@shared/ipc/result'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { DEFAULT_PLAYBOOK } from '@shared/domain/playbook'
import { LastrPanel } from '../../renderer/src/case/LastrPanel'
import { ScriptsSettingsForm } from '../../renderer/src/pages/ScriptsSettingsForm'
import type { CasePanelProps } from '../../renderer/src/case/caseActions'
import { makeCase } from '../support/factories'
import { fakeApi, renderWithApi } from './renderWithApi'

function detail(c: Partial<CaseDetail> = {}): CaseDetail {
  return {
    ...makeCase(),
    status: 'in_progress',
    departmentName: '收银',
    flags: {
      escalated: false,
      overdue: [],
      commitmentsDueSoon: 0,
      commitmentsOverdue: 0,
      deadlines: { resolveBy: null, firstResponseBy: null, reportBy: null, followUpFrom: null, followUpBy: null },
    },
    ...c,
  }
}

const props = (c: CaseDetail, lang: 'zh' | 'en' = 'zh'): CasePanelProps => ({
  c,
  act: async (call: Promise<Result<CaseDetail>>) => call,
  managers: [{ id: 'm1', name: '陈主管', role: 'manager' }],
  defaultApprover: '',
  settings: DEFAULT_WORKFLOW_SETTINGS,
  lang,
  viewer: { role: 'staff' },
})

// Whole panels and forms rendered and typed into on a loaded machine: more than the default 5 s.
describe('the LASTR panel reads aloud well', { timeout: 30_000 }, () => {
  it('restates a demand 其他 without a bare label, with the customer’s words quoted beside it', () => {
    const c = detail({ demand: 'other', demandNote: '', product: '', customerWords: '我就想要个说法！' })
    renderWithApi(<LastrPanel {...props(c)} />, fakeApi())
    const restatement = screen.getByLabelText('复述（念给客户听）')
    expect(restatement.textContent).not.toMatch(/其他|—|undefined/)
    expect(restatement.textContent).toMatch(/我这样理解对吗？$/)
    expect(screen.getByLabelText('客户原话')).toHaveTextContent('我就想要个说法！')
    expect(within(screen.getByRole('listitem', { name: '聆听' })).getByText('先听，暂不解释、不争辩。')).toBeVisible()
    const satisfy = screen.getByRole('listitem', { name: '使满意' })
    expect(within(satisfy).getByText('“这件事我会报告主管，主管会在 24 小时内给您回电。”')).toBeVisible()
    expect(within(satisfy).getByText(/管理期望/, { selector: 'h4' })).toBeVisible()
    const avoid = screen.getByRole('table', { name: '忌用语：换个说法' })
    expect(within(avoid).getByText('不可能')).toBeVisible()
    expect(within(avoid).getByText('我来帮您联系负责的同事。')).toBeVisible()
    expect(screen.getByText(/AGREE 五步与 LASTR 对照/)).toBeVisible()
  })

  it('shows each style with its traits; picking one records 客户性格 through a correction', async () => {
    const api = fakeApi()
    const c = detail({ customerStyle: '' })
    renderWithApi(<LastrPanel {...props(c)} />, api)
    const chooser = screen.getByRole('radiogroup', { name: '客户性格：按特征选择' })
    expect(within(chooser).getAllByRole('radio')).toHaveLength(4)
    expect(within(chooser).getByText('擅长运用法律手段')).toBeVisible()
    const analytical = within(chooser).getByRole('radio', { name: '分析型' })
    expect(analytical).toHaveAccessibleDescription(/擅长运用法律手段/)
    await userEvent.click(within(chooser).getByText('擅长运用法律手段'))
    expect(api['cases:edit']).toHaveBeenCalledWith({ id: c.id, changes: { customerStyle: 'analytical' } })
  })

  it('reads in English from the English scripts', () => {
    const c = detail({ demand: 'compensation', claimFen: null, product: '', customerWords: '' })
    renderWithApi(<LastrPanel {...props(c, 'en')} />, fakeApi(), 'en')
    const text = screen.getByLabelText('Restatement (read it to the customer)').textContent ?? ''
    expect(text).toContain('You would like compensation. Is that right?')
    expect(text).not.toMatch(/us to Compensation|—/)
    expect(screen.getByText(/not recorded/)).toBeVisible()
  })
})

describe('设置 → 话术与提示', { timeout: 30_000 }, () => {
  const render = (api = fakeApi()) =>
    renderWithApi(
      <ScriptsSettingsForm
        settings={DEFAULT_WORKFLOW_SETTINGS}
        managers={[{ id: 'm1', name: '陈主管', role: 'manager' }]}
        approver="m1"
        onSaved={() => {}}
      />,
      api,
    )

  it('refuses a template with an unknown slot before sending, saying where', async () => {
    const api = fakeApi()
    render(api)
    const other = within(screen.getByRole('group', { name: '复述模板（按客户诉求）' })).getByLabelText('其他')
    await userEvent.clear(other)
    await userEvent.type(other, '您希望我们 {{demand}，对吗？')
    await userEvent.type(screen.getByLabelText(/主管 PIN 码/, { selector: '#scripts-approver-pin' }), '246810')
    await userEvent.click(screen.getByRole('button', { name: '保存话术' }))
    expect(await screen.findByText(/有内容不符合要求/)).toBeVisible()
    expect(screen.getByText(/模板格式不正确/)).toBeVisible()
    expect(api['scripts:update']).not.toHaveBeenCalled()
  })

  it('sends the edited playbook with the approval', async () => {
    const api = fakeApi({ 'scripts:update': { ok: true, data: DEFAULT_PLAYBOOK } })
    render(api)
    const attend = screen.getByLabelText('关心 · 话术')
    await userEvent.clear(attend)
    await userEvent.type(attend, '真的很抱歉。{enter}我理解您的心情。')
    await userEvent.type(screen.getByLabelText(/主管 PIN 码/, { selector: '#scripts-approver-pin' }), '246810')
    await userEvent.click(screen.getByRole('button', { name: '保存话术' }))
    await waitFor(() => expect(api['scripts:update']).toHaveBeenCalled())
    const sent = api['scripts:update'].mock.calls[0][0]
    expect(sent.playbook.steps.attend.zh).toEqual(['真的很抱歉。', '我理解您的心情。'])
    expect(sent.playbook.steps.listen).toEqual(DEFAULT_PLAYBOOK.steps.listen)
    expect(sent.approval).toEqual({ managerId: 'm1', pin: '246810' })
    expect(await screen.findByText('话术已保存。')).toBeVisible()
  })

  it('a reset keeps what was typed, unsaved, in the other sections', async () => {
    const api = fakeApi({ 'scripts:reset': { ok: true, data: DEFAULT_PLAYBOOK } })
    render(api)
    const thank = screen.getByLabelText('感谢 · 话术')
    await userEvent.clear(thank)
    await userEvent.type(thank, '多谢您！')
    await userEvent.click(screen.getByRole('button', { name: '恢复默认：客户性格：特征与提示' }))
    const confirm = screen.getByRole('group', { name: /确定把“客户性格：特征与提示”/ })
    await userEvent.type(within(confirm).getByLabelText('主管 PIN 码'), '246810')
    await userEvent.click(within(confirm).getByRole('button', { name: '确定恢复' }))
    expect(await screen.findByText('“客户性格：特征与提示”已恢复默认。')).toBeVisible()
    expect(screen.getByLabelText('感谢 · 话术')).toHaveValue('多谢您！')
  })

  it('恢复默认 asks first, then resets that section only', async () => {
    const api = fakeApi({ 'scripts:reset': { ok: true, data: DEFAULT_PLAYBOOK } })
    render(api)
    await userEvent.click(screen.getByRole('button', { name: '恢复默认：忌用语及替代说法' }))
    expect(api['scripts:reset']).not.toHaveBeenCalled()
    const confirm = screen.getByRole('group', { name: /确定把“忌用语及替代说法”恢复为系统默认内容吗/ })
    expect(within(confirm).getByLabelText('审批主管')).toHaveValue('m1')
    await userEvent.type(within(confirm).getByLabelText('主管 PIN 码'), '246810')
    await userEvent.click(within(confirm).getByRole('button', { name: '确定恢复' }))
    await waitFor(() =>
      expect(api['scripts:reset']).toHaveBeenCalledWith({
        section: 'avoidWords',
        approval: { managerId: 'm1', pin: '246810' },
      }),
    )
    expect(await screen.findByText('“忌用语及替代说法”已恢复默认。')).toBeVisible()
  })
})
