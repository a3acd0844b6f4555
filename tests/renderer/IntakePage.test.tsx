import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import { IntakePage } from '../../renderer/src/pages/IntakePage'
import { makeCase, NO_FLAGS } from '../support/factories'
import { fakeApi, renderWithApi } from './renderWithApi'

/** What main answers for a saved complaint: the whole case, as the contract says. */
const saved: CaseDetail = {
  ...makeCase({ id: 'c1', number: 'KS-20261122-0001' }),
  departmentName: '收银',
  flags: NO_FLAGS,
}

function setUp(createAnswer?: Result<CaseDetail>) {
  const api = fakeApi({
    'departments:list': { ok: true, data: [{ id: 'd1', name: '收银', active: true }] },
    ...(createAnswer ? { 'cases:create': createAnswer } : {}),
  })
  const onSaved = vi.fn()
  renderWithApi(<IntakePage onSaved={onSaved} onCancel={vi.fn()} />, api)
  return { api, onSaved, user: userEvent.setup() }
}

function errorOf(label: string): string | null {
  const field = screen.getByLabelText(label, { selector: 'input, select, textarea' })
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ')
  const error = ids.map((id) => document.getElementById(id)).find((el) => el?.classList.contains('error'))
  return error?.textContent ?? null
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText(/客户姓名/), '王秀英')
  await user.type(screen.getByLabelText(/联系电话/), '13812341234')
  await user.click(screen.getByRole('radio', { name: '激动' }))
  await waitFor(() => expect(screen.getByRole('option', { name: '收银' })).toBeInTheDocument())
  await user.selectOptions(screen.getByLabelText(/涉及部门/), 'd1')
  await user.selectOptions(screen.getByLabelText(/投诉类别/), 'cashier_error')
  await user.type(screen.getByLabelText(/商品\/服务金额/), '10')
  await user.type(screen.getByLabelText(/投诉内容/), '收银员少找了十元，顾客很生气。')
  await user.selectOptions(screen.getByLabelText(/客户诉求/), 'refund')
}

describe('the intake form', () => {
  it('labels every field of docs/domain.md §2 for screen readers', () => {
    setUp()
    for (const label of [
      '受理时间',
      '受理渠道',
      '客户姓名',
      '联系电话',
      '客户类型',
      '客户性格',
      '涉及部门',
      '涉及商品/服务',
      '商品/服务金额（¥）',
      '损失金额（¥）',
      '小票/单号',
      '投诉类别',
      '投诉内容',
      '客户诉求',
      '诉求说明',
    ]) {
      expect(screen.getByLabelText(new RegExp(`^${label.replace(/[()（）¥/]/g, '.')}`))).toBeInTheDocument()
    }
    expect(screen.getByRole('group', { name: /情绪/ })).toBeInTheDocument()
    expect(screen.getByRole('group', { name: /责任方/ })).toBeInTheDocument()
    expect(screen.getByRole('group', { name: /现场是否解决/ })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: '人身伤害/健康损害' })).toBeInTheDocument()
    expect(screen.getByLabelText(/客户姓名/)).toHaveFocus()
  })

  it('shows zh-CN messages next to each invalid field and saves nothing', async () => {
    const { api, user } = setUp()
    await user.type(screen.getByLabelText(/联系电话/), '12345')
    await user.type(screen.getByLabelText(/商品\/服务金额/), '-3')
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(await screen.findByText(/项需要修改/)).toBeInTheDocument()
    expect(errorOf('客户姓名 *')).toBe('此项必填')
    expect(errorOf('投诉内容 *')).toBe('此项必填')
    expect(errorOf('联系电话')).toBe('请输入正确的手机号（11 位）或座机号（区号-号码）')
    expect(errorOf('商品/服务金额（¥）')).toBe('金额不能为负数')
    expect(errorOf('投诉类别 *')).toBe('请选择一项')
    expect(within(screen.getByRole('group', { name: /情绪/ })).getByRole('alert')).toHaveTextContent('请选择一项')
    expect(api['cases:create']).not.toHaveBeenCalled()
  })

  it('submits a valid complaint once, with what the clerk typed', async () => {
    const { api, user, onSaved } = setUp({ ok: true, data: saved })
    await fillValid(user)
    await user.click(screen.getByRole('checkbox', { name: '媒体在场' }))
    await user.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved))
    expect(api['cases:create']).toHaveBeenCalledTimes(1)
    expect(api['cases:create'].mock.calls[0][0]).toMatchObject({
      customerName: '王秀英',
      phone: '13812341234',
      mood: 'angry',
      departmentId: 'd1',
      category: 'cashier_error',
      amount: '10',
      demand: 'refund',
      situations: ['media_present'],
      channel: 'counter',
      fault: 'unclear',
    })
  })

  it('saves with Ctrl+Enter from the description box', async () => {
    const { api, user } = setUp({ ok: true, data: saved })
    await fillValid(user)
    await user.click(screen.getByLabelText(/投诉内容/))
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(api['cases:create']).toHaveBeenCalledTimes(1))
  })

  it("shows main's refusal next to the field it names", async () => {
    const refusal: Result<CaseDetail> = {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '提交的内容有误，未保存。',
        issues: [{ path: 'departmentId', message: '请选择一项' }],
      },
    }
    const { user, onSaved } = setUp(refusal)
    await fillValid(user)
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(await screen.findByText('提交的内容有误，未保存。')).toBeInTheDocument()
    expect(errorOf('涉及部门 *')).toBe('请选择一项')
    expect(onSaved).not.toHaveBeenCalled()
  })
})

describe('long text in the intake form', () => {
  it('keeps a pasted 20,000-character description whole, counts it and says it is over the limit', async () => {
    const { user, api } = setUp()
    const box = screen.getByLabelText(/投诉内容/) as HTMLTextAreaElement
    await user.click(box)
    await user.paste('长'.repeat(20_000))
    expect(box.value).toHaveLength(20_000) // never cut
    expect(screen.getByText('20000 / 5000')).toHaveClass('counter-over')
    expect(errorOf('投诉内容 *')).toBe('最多 5000 个字')
    await user.click(screen.getByRole('button', { name: /保存/ }))
    expect(api['cases:create']).not.toHaveBeenCalled()
  })
})
