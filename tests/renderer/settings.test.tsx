import type { ReactElement } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { DEFAULT_PLAYBOOK } from '@shared/domain/playbook'
import { USE_ELEVATION } from '@shared/schemas/common'
import type { Session, StaffEntry } from '@shared/schemas/staff'
import type { WorkflowSettings } from '@shared/schemas/settings'
import { SetupPage } from '../../renderer/src/pages/SetupPage'
import { PeopleTab } from '../../renderer/src/pages/settings/PeopleTab'
import { ContactsForm } from '../../renderer/src/pages/settings/ContactsForm'
import { PolicySectionForm } from '../../renderer/src/pages/WorkflowSettingsForm'
import { ScriptsSettingsForm } from '../../renderer/src/pages/ScriptsSettingsForm'
import { SettingsPage } from '../../renderer/src/pages/SettingsPage'
import { RetentionCard } from '../../renderer/src/pages/RetentionCard'
import { SessionContext } from '../../renderer/src/ui/session'
import { fakeApi, renderWithApi, type FakeApi } from './renderWithApi'

// Ant Design in jsdom on a busy two-core machine: a journey through a whole form takes seconds.
vi.setConfig({ testTimeout: 30_000 })

const MANAGER = { id: 'm1', name: '陈主管', role: 'manager' as const }
const CLERK = { id: 's1', name: '李娜', role: 'staff' as const }
const SETTINGS: WorkflowSettings = {
  ...DEFAULT_WORKFLOW_SETTINGS,
  managerContacts: [{ name: '陈主管', role: '店长', phone: '13800000000' }],
  serviceContact: '021-62345678',
}
const session = (o: Partial<Session> = {}): Session => ({ staff: CLERK, signedInAt: new Date().toISOString(), ...o })
const elevated = (): Session =>
  session({
    staff: MANAGER,
    elevation: { by: { id: MANAGER.id, name: MANAGER.name }, until: new Date(Date.now() + 5 * 60_000).toISOString() },
  })

/** Picks an option of an antd select: opened, the option (drawn in its list) clicked. */
async function choose(user: ReturnType<typeof userEvent.setup>, select: HTMLElement, option: string) {
  await user.click(select)
  const item = await waitFor(() => {
    const found = document.querySelector<HTMLElement>(`.ant-select-item-option[title="${option}"]`)
    if (!found) throw new Error(`no option ${option}`)
    return found
  })
  await user.click(item)
}

/**
 * The dialog showing `text`. (antd names every dialog by one id under test, so a dialog cannot be
 * found by its name here; in the browser each has its own.)
 */
async function dialogWith(text: string): Promise<HTMLElement> {
  // A red question (modal.confirm) draws its title twice, and one answered may still be closing: the newest.
  return (await screen.findAllByText(text)).at(-1)!.closest('[role="dialog"]') as HTMLElement
}

/** The PIN dialog a manager action without fields opens when no approval stands (its form is #approval-dialog). */
async function pinDialog(): Promise<HTMLElement> {
  return waitFor(() => {
    const form = document.getElementById('approval-dialog')
    if (!form) throw new Error('no PIN dialog')
    return form.closest('[role="dialog"]') as HTMLElement
  })
}

/** Renders inside the app's session (who is signed in here, and any 主管授权 standing). */
function renderAs(ui: ReactElement, api: FakeApi, who: Session = session()) {
  return renderWithApi(
    <SessionContext.Provider value={{ session: who, refresh: async () => undefined }}>{ui}</SessionContext.Provider>,
    api,
  )
}

describe('首次使用设置: a step at a time', () => {
  async function toContacts(user: ReturnType<typeof userEvent.setup>) {
    await user.type(screen.getByLabelText(/网点名称/), '静安寺店')
    await user.type(screen.getByLabelText(/网点编号/), 'SH01')
    await user.click(screen.getByRole('button', { name: '下一步' }))
    await user.type(await screen.findByLabelText(/主管姓名/), '陈主管')
    await user.type(screen.getByLabelText(/^PIN 码/), '246810')
    await user.type(screen.getByLabelText(/再次输入 PIN 码/), '246810')
    await user.click(screen.getByRole('button', { name: '下一步' }))
    await screen.findByRole('heading', { name: '紧急联系人与服务电话', level: 2 })
  }

  it('does not open the next step while this one has errors, each said under its field', async () => {
    const user = userEvent.setup({ delay: null })
    renderAs(<SetupPage onDone={() => {}} />, fakeApi())
    await user.type(screen.getByLabelText(/网点编号/), 'x')
    await user.click(screen.getByRole('button', { name: '下一步' }))
    expect(await screen.findByText('此项必填')).toBeVisible()
    expect(screen.getByText('网点编号为 2–16 位字母、数字或“-”')).toBeVisible()
    expect(screen.getByRole('heading', { name: '网点信息', level: 2 })).toBeVisible()
    // Fixed, the message goes as the field is typed in.
    await user.type(screen.getByLabelText(/网点编号/), 'SH01')
    await waitFor(() => expect(screen.queryByText('网点编号为 2–16 位字母、数字或“-”')).toBeNull())
  })

  it('asks for a contact with a phone the desk can call and a service phone, then the departments; sends them all', async () => {
    const user = userEvent.setup({ delay: null })
    const onDone = vi.fn()
    const api = fakeApi({ 'setup:init': { ok: true, data: session({ staff: MANAGER }) } })
    renderAs(<SetupPage onDone={onDone} />, api)
    await toContacts(user)
    // The first manager is offered as the first contact; the phones are asked.
    expect(screen.getByLabelText(/^姓名/)).toHaveValue('陈主管')
    await user.type(screen.getByLabelText(/^电话/), '12345')
    await user.type(screen.getByLabelText(/^服务电话/), '服务台')
    await user.click(screen.getByRole('button', { name: '下一步' }))
    expect(await screen.findByText('请输入正确的手机号（11 位）或座机号（区号-号码）')).toBeVisible()
    expect(screen.getByText(/请输入正确的服务电话/)).toBeVisible()
    await user.clear(screen.getByLabelText(/^电话/))
    await user.type(screen.getByLabelText(/^电话/), '13800001111')
    await user.clear(screen.getByLabelText(/^服务电话/))
    await user.type(screen.getByLabelText(/^服务电话/), '400-820-1234')
    await user.click(screen.getByRole('button', { name: '下一步' }))

    // The default departments, editable.
    expect(await screen.findByLabelText('部门 1')).toHaveValue('前台/服务台')
    await user.click(screen.getByRole('button', { name: '删除部门 4' }))
    await user.click(screen.getByRole('button', { name: '添加部门' }))
    await user.type(screen.getByLabelText('部门 4'), '收银')
    await user.click(screen.getByRole('button', { name: '完成设置并登录' }))
    expect(await screen.findByText('名称重复')).toBeVisible()
    expect(api['setup:init']).not.toHaveBeenCalled()
    await user.clear(screen.getByLabelText('部门 4'))
    await user.type(screen.getByLabelText('部门 4'), '生鲜部')
    await user.click(screen.getByRole('button', { name: '完成设置并登录' }))

    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(api['setup:init']).toHaveBeenCalledWith({
      kind: 'branch',
      branch: { name: '静安寺店', code: 'SH01' },
      manager: { name: '陈主管', pin: '246810', pinConfirm: '246810' },
      contacts: {
        managerContacts: [{ name: '陈主管', role: '', phone: '13800001111' }],
        serviceContact: '400-820-1234',
      },
      departments: ['前台/服务台', '收银', '售后服务', '生鲜部'],
    })
  })

  it('as head office (总部): two steps, no contacts or departments asked or sent', async () => {
    const user = userEvent.setup({ delay: null })
    const onDone = vi.fn()
    const api = fakeApi({ 'setup:init': { ok: true, data: session({ staff: MANAGER }) } })
    renderAs(<SetupPage onDone={onDone} />, api)
    expect(screen.getByText('紧急联系人与服务电话')).toBeVisible() // a branch's step, before the choice
    await user.click(screen.getByRole('radio', { name: '总部' }))
    expect(screen.queryByText('紧急联系人与服务电话')).toBeNull()
    await user.type(screen.getByLabelText(/网点名称/), '华东总部')
    await user.type(screen.getByLabelText(/网点编号/), 'HQ')
    await user.click(screen.getByRole('button', { name: '下一步' }))
    await user.type(await screen.findByLabelText(/主管姓名/), '陈主管')
    await user.type(screen.getByLabelText(/^PIN 码/), '246810')
    await user.type(screen.getByLabelText(/再次输入 PIN 码/), '246810')
    await user.click(screen.getByRole('button', { name: '完成设置并登录' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    expect(api['setup:init']).toHaveBeenCalledWith({
      kind: 'headoffice',
      branch: { name: '华东总部', code: 'HQ' },
      manager: { name: '陈主管', pin: '246810', pinConfirm: '246810' },
    })
  })

  it('a refusal from main about a field opens its step with the message under it', async () => {
    const user = userEvent.setup({ delay: null })
    const api = fakeApi({
      'setup:init': {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '提交的内容有误，未保存。',
          issues: [{ path: 'contacts.serviceContact', message: '服务电话不能用' }],
        },
      },
    })
    renderAs(<SetupPage onDone={() => {}} />, api)
    await toContacts(user)
    await user.type(screen.getByLabelText(/^电话/), '13800001111')
    await user.type(screen.getByLabelText(/^服务电话/), '95588')
    await user.click(screen.getByRole('button', { name: '下一步' }))
    await user.click(await screen.findByRole('button', { name: '完成设置并登录' }))
    expect(await screen.findByText('服务电话不能用')).toBeVisible()
    expect(screen.getByRole('heading', { name: '紧急联系人与服务电话', level: 2 })).toBeVisible()
  })
})

describe('设置 → 员工与部门', () => {
  const entry = (o: Partial<StaffEntry>): StaffEntry => ({
    ...CLERK,
    active: true,
    lockedUntil: null,
    openCases: 0,
    ...o,
  })
  const api = () =>
    fakeApi({
      'staff:directory': {
        ok: true,
        data: [entry({ ...MANAGER }), entry({ openCases: 2 }), entry({ id: 's2', name: '王芳', active: false })],
      },
      'departments:directory': {
        ok: true,
        data: [
          { id: 'd1', name: '收银', active: true, openCases: 1 },
          { id: 'd2', name: '旧柜台', active: false, openCases: 0 },
        ],
      },
      'staff:setActive': { ok: true, data: entry({ active: false, openCases: 2 }) },
      'departments:setActive': { ok: true, data: { id: 'd2', name: '旧柜台', active: true, openCases: 0 } },
    })

  it('says why the last manager, or oneself, cannot be deactivated; the last active department neither', async () => {
    renderAs(<PeopleTab signedIn={MANAGER} onChanged={() => {}} />, api(), session({ staff: MANAGER }))
    const own = await screen.findByRole('button', { name: '停用：陈主管' })
    expect(own).toBeDisabled()
    expect(own).toHaveAccessibleDescription(/不能停用自己的账号/)
    expect(screen.getByRole('button', { name: '停用：李娜' })).toBeEnabled()
    expect(screen.getByRole('button', { name: '启用：王芳' })).toBeEnabled()
    expect(await screen.findByRole('button', { name: '停用：收银' })).toHaveAccessibleDescription(/至少要保留一个/)
  })

  it('deactivating asks first in red, names the open cases, then sends under the standing approval', async () => {
    const user = userEvent.setup({ delay: null })
    const fake = api()
    renderAs(<PeopleTab signedIn={MANAGER} onChanged={() => {}} />, fake, elevated())
    await user.click(await screen.findByRole('button', { name: '停用：李娜' }))
    const question = await screen.findByRole('dialog')
    expect(question).toHaveTextContent('停用员工“李娜”？')
    expect(question).toHaveTextContent('李娜 仍负责 2 件未结案投诉')
    expect(fake['staff:setActive']).not.toHaveBeenCalled()
    expect(within(question).getByRole('button', { name: '停用' })).toHaveClass('ant-btn-dangerous')
    await user.click(within(question).getByRole('button', { name: '停用' }))
    await waitFor(() =>
      expect(fake['staff:setActive']).toHaveBeenCalledWith({
        staffId: 's1',
        active: false,
        approval: { managerId: 'm1', pin: USE_ELEVATION },
      }),
    )
    expect(await screen.findByText('已停用：李娜')).toBeVisible()
  })

  it('cancelled, nothing is sent; without a standing approval the manager types the PIN, and a wrong one is said under it', async () => {
    const user = userEvent.setup({ delay: null })
    const fake = api()
    fake['departments:setActive']
      .mockResolvedValueOnce({ ok: false, error: { code: 'WRONG_PIN', message: 'PIN 码不正确，还可再试 4 次。' } })
      .mockResolvedValueOnce({ ok: true, data: { id: 'd2', name: '旧柜台', active: true, openCases: 0 } })
    // A manager signed in a while ago: no approval stands any more.
    renderAs(<PeopleTab signedIn={MANAGER} onChanged={() => {}} />, fake, session({ staff: MANAGER }))
    await user.click(await screen.findByRole('button', { name: '停用：李娜' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '取消' }))
    expect(fake['staff:setActive']).not.toHaveBeenCalled()

    // 启用 is not destructive: straight to the approval.
    await user.click(await screen.findByRole('button', { name: '启用：旧柜台' }))
    const dialog = await dialogWith('重新启用“旧柜台”？')
    await choose(user, within(dialog).getByLabelText(/审批主管/), '陈主管')
    await user.type(within(dialog).getByLabelText(/主管 PIN 码/), '1111')
    await user.click(within(dialog).getByRole('button', { name: '启用' }))
    expect(await within(dialog).findByText('PIN 码不正确，还可再试 4 次。')).toBeVisible()
    await user.type(within(dialog).getByLabelText(/主管 PIN 码/), '246810')
    await user.click(within(dialog).getByRole('button', { name: '启用' }))
    await waitFor(() =>
      expect(fake['departments:setActive']).toHaveBeenLastCalledWith({
        departmentId: 'd2',
        active: true,
        approval: { managerId: 'm1', pin: '246810' },
      }),
    )
    expect(await screen.findByText('已启用：旧柜台')).toBeVisible()
  })
  it('the rows’ buttons are plain (a column of red ones shouts); 重置 PIN 码 asks in red before anything is sent', async () => {
    const user = userEvent.setup({ delay: null })
    const fake = api()
    fake['staff:resetPin'].mockResolvedValue({ ok: true, data: CLERK })
    renderAs(<PeopleTab signedIn={MANAGER} onChanged={() => {}} />, fake, elevated())
    expect(await screen.findByRole('button', { name: '停用：李娜' })).not.toHaveClass('ant-btn-dangerous')
    expect(screen.getByRole('button', { name: '启用：王芳' })).not.toHaveClass('ant-btn-dangerous')
    const row = screen.getByRole('row', { name: /李娜/ })
    expect(within(row).getByRole('button', { name: '改名' })).not.toHaveClass('ant-btn-dangerous')
    const reset = within(row).getByRole('button', { name: '重置 PIN 码' })
    expect(reset).not.toHaveClass('ant-btn-dangerous')
    await user.click(reset)
    const dialog = await dialogWith('为 李娜 重置 PIN 码')
    await user.type(within(dialog).getByLabelText(/^PIN 码/), '135790')
    await user.type(within(dialog).getByLabelText(/再次输入 PIN 码/), '135790')
    const ok = within(dialog).getByRole('button', { name: '重置 PIN 码' })
    expect(ok).toHaveClass('ant-btn-dangerous')
    await user.click(ok)
    const question = await dialogWith('重置“李娜”的 PIN 码？')
    expect(fake['staff:resetPin']).not.toHaveBeenCalled()
    const yes = within(question).getByRole('button', { name: '重置 PIN 码' })
    expect(yes).toHaveClass('ant-btn-dangerous')
    await user.click(yes)
    await waitFor(() =>
      expect(fake['staff:resetPin']).toHaveBeenCalledWith({
        staffId: 's1',
        pin: '135790',
        pinConfirm: '135790',
        approval: { managerId: 'm1', pin: USE_ELEVATION },
      }),
    )
  })
})

describe('设置 → policy sections and contacts', () => {
  it('an amount it cannot read is said under the field, nothing is sent, and the message goes once fixed', async () => {
    const user = userEvent.setup({ delay: null })
    const api = fakeApi()
    renderAs(
      <PolicySectionForm section="rules" settings={SETTINGS} managers={[MANAGER]} onSaved={() => {}} />,
      api,
      elevated(),
    )
    const limit = screen.getByLabelText(/前台补偿权限/)
    await user.clear(limit)
    await user.type(limit, '两百')
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(await screen.findByText('请输入不小于 0 的金额，最多两位小数')).toBeVisible()
    expect(api['settings:update']).not.toHaveBeenCalled()
    await user.clear(limit)
    await user.type(limit, '300')
    await waitFor(() => expect(screen.queryByText('请输入不小于 0 的金额，最多两位小数')).toBeNull())
  })

  it('saves its own part of the policy, never the contacts, and says so', async () => {
    const user = userEvent.setup({ delay: null })
    const onSaved = vi.fn()
    const api = fakeApi({ 'settings:update': { ok: true, data: { ...SETTINGS, authorityLimitFen: 300_00 } } })
    renderAs(
      <PolicySectionForm section="rules" settings={SETTINGS} managers={[MANAGER]} onSaved={onSaved} />,
      api,
      elevated(),
    )
    const limit = screen.getByLabelText(/前台补偿权限/)
    await user.clear(limit)
    await user.type(limit, '300')
    const callback = screen.getByLabelText(/升级后主管回电/)
    await user.clear(callback)
    await user.type(callback, '100')
    await user.click(screen.getByRole('button', { name: '保存' }))
    // The schema's own rule (call-back no later than the first response) is said by its field.
    expect(await screen.findByText('主管回电时限不能长于二类首次响应时限')).toBeVisible()
    await user.clear(callback)
    await user.type(callback, '2')
    await user.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(api['settings:update']).toHaveBeenCalled())
    const sent = api['settings:update'].mock.calls[0][0]
    expect(sent.workflow.authorityLimitFen).toBe(300_00)
    expect(sent.workflow.deadlines.managerCallbackHours).toBe(2)
    expect(sent.workflow).not.toHaveProperty('managerContacts')
    expect(sent.workflow).not.toHaveProperty('serviceContact')
    expect(sent.approval).toEqual({ managerId: 'm1', pin: USE_ELEVATION })
    expect(await screen.findByText('已保存：金额、规则与处理时限')).toBeVisible()
    expect(onSaved).toHaveBeenCalled()
  })

  it('contacts: the last one cannot be removed, a bad phone is said under it, the service phone is checked', async () => {
    const user = userEvent.setup({ delay: null })
    const api = fakeApi({ 'settings:setContacts': { ok: true, data: SETTINGS } })
    renderAs(<ContactsForm settings={SETTINGS} managers={[MANAGER]} onSaved={() => {}} />, api, elevated())
    expect(screen.getByRole('button', { name: '删除联系人 1' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: '添加联系人' }))
    const second = screen.getByRole('group', { name: '联系人 2' })
    await user.type(within(second).getByLabelText(/^姓名/), '王经理')
    await user.type(within(second).getByLabelText(/^电话/), '5551234')
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(await within(second).findByText('请输入正确的手机号（11 位）或座机号（区号-号码）')).toBeVisible()
    await user.clear(within(second).getByLabelText(/^电话/))
    await user.type(within(second).getByLabelText(/^电话/), '021-62345678-8001')
    await user.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() =>
      expect(api['settings:setContacts']).toHaveBeenCalledWith({
        managerContacts: [
          { name: '陈主管', role: '店长', phone: '13800000000' },
          { name: '王经理', role: '', phone: '021-62345678-8001' },
        ],
        serviceContact: '021-62345678',
        approval: { managerId: 'm1', pin: USE_ELEVATION },
      }),
    )
    expect(await screen.findByText('已保存紧急联系人和服务电话')).toBeVisible()
  })
})

describe('设置 → 话术', () => {
  const render = (api = fakeApi(), who: Session = session()) =>
    renderAs(<ScriptsSettingsForm settings={SETTINGS} managers={[MANAGER]} onSaved={() => {}} />, api, who)

  it('refuses a template with an unknown slot before sending, under the template', async () => {
    const user = userEvent.setup({ delay: null })
    const api = fakeApi()
    render(api, elevated())
    const other = within(screen.getByRole('group', { name: '复述模板（按客户诉求）' })).getByLabelText('其他')
    await user.clear(other)
    await user.type(other, '您希望我们 {{demand}，对吗？')
    await user.click(screen.getByRole('button', { name: '保存话术' }))
    expect(await screen.findByText(/有内容不符合要求/)).toBeVisible()
    const group = screen.getByRole('group', { name: '复述模板（按客户诉求）' })
    expect(within(group).getByText(/模板格式不正确/)).toBeVisible()
    expect(api['scripts:update']).not.toHaveBeenCalled()
  })

  it('sends the edited playbook with the approval', async () => {
    const user = userEvent.setup({ delay: null })
    const api = fakeApi({ 'scripts:update': { ok: true, data: DEFAULT_PLAYBOOK } })
    render(api)
    const attend = screen.getByLabelText('关心 · 话术')
    await user.clear(attend)
    await user.type(attend, '真的很抱歉。{enter}我理解您的心情。')
    await choose(user, screen.getByLabelText(/审批主管/), '陈主管')
    await user.type(screen.getByLabelText(/主管 PIN 码/), '246810')
    await user.click(screen.getByRole('button', { name: '保存话术' }))
    await waitFor(() => expect(api['scripts:update']).toHaveBeenCalled())
    const sent = api['scripts:update'].mock.calls[0][0]
    expect(sent.playbook.steps.attend.zh).toEqual(['真的很抱歉。', '我理解您的心情。'])
    expect(sent.playbook.steps.listen).toEqual(DEFAULT_PLAYBOOK.steps.listen)
    expect(sent.approval).toEqual({ managerId: 'm1', pin: '246810' })
    expect(await screen.findByText('话术已保存。')).toBeVisible()
  })

  it('恢复默认 asks first in red, resets that section only, and keeps what was typed elsewhere', async () => {
    const user = userEvent.setup({ delay: null })
    const api = fakeApi({ 'scripts:reset': { ok: true, data: DEFAULT_PLAYBOOK } })
    render(api, elevated())
    const thank = screen.getByLabelText('感谢 · 话术')
    await user.clear(thank)
    await user.type(thank, '多谢您！')
    await user.click(screen.getByRole('button', { name: '恢复默认：忌用语及替代说法' }))
    const question = await screen.findByRole('dialog')
    expect(question).toHaveTextContent('确定把“忌用语及替代说法”恢复为系统默认内容吗')
    expect(api['scripts:reset']).not.toHaveBeenCalled()
    await user.click(within(question).getByRole('button', { name: '确定恢复' }))
    await waitFor(() =>
      expect(api['scripts:reset']).toHaveBeenCalledWith({
        section: 'avoidWords',
        approval: { managerId: 'm1', pin: USE_ELEVATION },
      }),
    )
    expect(await screen.findByText('“忌用语及替代说法”已恢复默认。')).toBeVisible()
    expect(screen.getByLabelText('感谢 · 话术')).toHaveValue('多谢您！')
  })
  it('恢复默认 is red; without a standing approval the red question is followed by the PIN dialog, a wrong PIN said under it', async () => {
    const user = userEvent.setup({ delay: null })
    const api = fakeApi()
    api['scripts:reset']
      .mockResolvedValueOnce({ ok: false, error: { code: 'WRONG_PIN', message: 'PIN 码不正确，还可再试 4 次。' } })
      .mockResolvedValueOnce({ ok: true, data: DEFAULT_PLAYBOOK })
    render(api, session({ staff: MANAGER }))
    const button = screen.getByRole('button', { name: '恢复默认：忌用语及替代说法' })
    expect(button).toHaveClass('ant-btn-dangerous')
    await user.click(button)
    const question = await screen.findByRole('dialog')
    const yes = within(question).getByRole('button', { name: '确定恢复' })
    expect(yes).toHaveClass('ant-btn-dangerous')
    await user.click(yes)
    const dialog = await pinDialog()
    expect(api['scripts:reset']).not.toHaveBeenCalled()
    await choose(user, within(dialog).getByLabelText(/审批主管/), '陈主管')
    await user.type(within(dialog).getByLabelText(/主管 PIN 码/), '1111')
    const ok = within(dialog).getByRole('button', { name: '确定恢复' })
    expect(ok).toHaveClass('ant-btn-dangerous')
    await user.click(ok)
    expect(await within(dialog).findByText('PIN 码不正确，还可再试 4 次。')).toBeVisible()
    await user.clear(within(dialog).getByLabelText(/主管 PIN 码/))
    await user.type(within(dialog).getByLabelText(/主管 PIN 码/), '246810')
    await user.click(within(dialog).getByRole('button', { name: '确定恢复' }))
    await waitFor(() =>
      expect(api['scripts:reset']).toHaveBeenLastCalledWith({
        section: 'avoidWords',
        approval: { managerId: 'm1', pin: '246810' },
      }),
    )
    expect(await screen.findByText('“忌用语及替代说法”已恢复默认。')).toBeVisible()
  })
})

describe('设置 → 到期匿名处理', () => {
  const row = (id: string, day: string, status: 'closed' | 'voided') => ({
    id,
    number: `SH01-2023010${day}-001`,
    status,
    category: 'product_quality' as const,
    receivedAt: `2023-01-0${day}T02:00:00.000Z`,
  })
  const api = () =>
    fakeApi({
      'retention:due': { ok: true, data: { months: 24, items: [row('c1', '1', 'closed'), row('c2', '2', 'voided')] } },
      'retention:anonymise': { ok: true, data: { anonymised: 2 } },
    })

  it('全部匿名处理 is one red button, no PIN in the card; it asks in red, then sends under the standing approval', async () => {
    const user = userEvent.setup({ delay: null })
    const fake = api()
    renderAs(<RetentionCard managers={[MANAGER]} reload={24} />, fake, elevated())
    const button = await screen.findByRole('button', { name: '全部匿名处理' })
    expect(button).toHaveClass('ant-btn-dangerous')
    expect(screen.queryByLabelText(/主管 PIN 码/)).toBeNull()
    await user.click(button)
    const question = await dialogWith('匿名处理 2 件投诉？')
    expect(question).toHaveTextContent('无法恢复')
    expect(fake['retention:anonymise']).not.toHaveBeenCalled()
    const yes = within(question).getByRole('button', { name: '全部匿名处理' })
    expect(yes).toHaveClass('ant-btn-dangerous')
    await user.click(yes)
    await waitFor(() =>
      expect(fake['retention:anonymise']).toHaveBeenCalledWith({
        ids: ['c1', 'c2'],
        approval: { managerId: 'm1', pin: USE_ELEVATION },
      }),
    )
    expect(await screen.findByText('已匿名处理 2 件。')).toBeVisible()
  })

  it('cancelled, nothing is sent; without a standing approval the PIN dialog follows the red question', async () => {
    const user = userEvent.setup({ delay: null })
    const fake = api()
    renderAs(<RetentionCard managers={[MANAGER]} reload={24} />, fake, session({ staff: MANAGER }))
    await user.click(await screen.findByRole('button', { name: '全部匿名处理' }))
    expect(screen.queryByLabelText(/主管 PIN 码/)).toBeNull()
    await user.click(within(await dialogWith('匿名处理 2 件投诉？')).getByRole('button', { name: '取消' }))
    expect(fake['retention:anonymise']).not.toHaveBeenCalled()

    const card = screen.getByRole('region', { name: '到期匿名处理' })
    await user.click(within(card).getByRole('button', { name: '全部匿名处理' }))
    await user.click(within(await dialogWith('匿名处理 2 件投诉？')).getByRole('button', { name: '全部匿名处理' }))
    const dialog = await pinDialog()
    await choose(user, within(dialog).getByLabelText(/审批主管/), '陈主管')
    await user.type(within(dialog).getByLabelText(/主管 PIN 码/), '246810')
    await user.click(within(dialog).getByRole('button', { name: '全部匿名处理' }))
    await waitFor(() =>
      expect(fake['retention:anonymise']).toHaveBeenCalledWith({
        ids: ['c1', 'c2'],
        approval: { managerId: 'm1', pin: '246810' },
      }),
    )
    expect(await screen.findByText('已匿名处理 2 件。')).toBeVisible()
  })
  it('a refusal from main under the standing approval is said, not swallowed', async () => {
    const user = userEvent.setup({ delay: null })
    const fake = api()
    fake['retention:anonymise'].mockResolvedValue({
      ok: false,
      error: { code: 'STORE_UNAVAILABLE', message: '数据文件无法写入，未保存。' },
    })
    renderAs(<RetentionCard managers={[MANAGER]} reload={24} />, fake, elevated())
    await user.click(await screen.findByRole('button', { name: '全部匿名处理' }))
    await user.click(within(await dialogWith('匿名处理 2 件投诉？')).getByRole('button', { name: '全部匿名处理' }))
    expect(await screen.findByText('数据文件无法写入，未保存。')).toBeVisible()
    expect(screen.queryByText(/已匿名处理/)).toBeNull()
  })
})

describe('设置, the page', () => {
  it('says on every tab while the contacts or the service phone are missing, opens 通用, and remembers it', async () => {
    window.localStorage.clear()
    const user = userEvent.setup({ delay: null })
    const api = fakeApi({
      'auth:listStaff': { ok: true, data: [MANAGER] },
      'settings:get': { ok: true, data: { ...SETTINGS, managerContacts: [], serviceContact: '' } },
    })
    const page = <SettingsPage locale="zh-CN" onLocale={() => {}} signedIn={MANAGER} onRestored={() => {}} />
    const first = renderAs(page, api, elevated())
    expect(await screen.findByText(/尚未填写紧急联系人或服务电话/)).toBeVisible()
    expect(screen.getByRole('tab', { name: '员工与部门', selected: true })).toBeVisible()
    await user.click(screen.getByRole('button', { name: '去填写' }))
    expect(screen.getByRole('tab', { name: '通用', selected: true })).toBeVisible()
    first.unmount()
    // Coming back to 设置 opens the tab last in view.
    renderAs(page, api, elevated())
    expect(await screen.findByRole('tab', { name: '通用', selected: true })).toBeVisible()
    expect(screen.queryByRole('button', { name: '去填写' })).toBeNull()
  })
  it('the language is a select searched like every other: typing English picks it', async () => {
    window.localStorage.clear()
    const user = userEvent.setup({ delay: null })
    const api = fakeApi({
      'auth:listStaff': { ok: true, data: [MANAGER] },
      'settings:get': { ok: true, data: SETTINGS },
    })
    const onLocale = vi.fn()
    renderAs(
      <SettingsPage locale="zh-CN" onLocale={onLocale} signedIn={MANAGER} onRestored={() => {}} />,
      api,
      elevated(),
    )
    await user.click(await screen.findByRole('tab', { name: '通用' }))
    await user.type(await screen.findByLabelText('界面语言'), 'Eng')
    const option = (label: string) => document.querySelector<HTMLElement>(`.ant-select-item-option[title="${label}"]`)
    await waitFor(() => expect(option('English')).not.toBeNull())
    expect(option('简体中文')).toBeNull() // filtered out
    await user.click(option('English')!)
    expect(onLocale).toHaveBeenCalledWith('en')
  })
})
