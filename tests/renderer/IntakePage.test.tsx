import { describe, expect, it, vi } from 'vitest'
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { OutputOf } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import type { IntakeDraft } from '@shared/schemas/draft'
import { IntakePage } from '../../renderer/src/pages/IntakePage'
import { createUnsavedRegistry, UnsavedContext } from '../../renderer/src/ui/unsaved'
import { makeCase, NO_FLAGS } from '../support/factories'
import { fakeApi, renderWithApi, type Answers } from './renderWithApi'

/** What main answers for a saved complaint: the whole case, as the contract says. */
const saved: CaseDetail = {
  ...makeCase({ id: 'c1', number: 'KS-20261122-0001' }),
  departmentName: '收银',
  flags: NO_FLAGS,
}

/** main's proposal for whatever is on the form: Class 1, nothing fired (what a blank form gets). */
const classOne: OutputOf<'cases:classify'> = { caseClass: 1, reasons: [], urgent: false, detectedSituations: [] }

function setUp(answers: Answers = {}) {
  const api = fakeApi({
    'departments:list': {
      ok: true,
      data: [
        { id: 'd0', name: '前台/服务台', active: true },
        { id: 'd1', name: '收银', active: true },
        { id: 'd9', name: '旧部门', active: false },
      ],
    },
    'cases:classify': { ok: true, data: classOne },
    'drafts:get': { ok: true, data: null },
    'drafts:save': { ok: true, data: { values: {}, savedAt: new Date().toISOString() } },
    'drafts:clear': { ok: true, data: null },
    ...answers,
  })
  const onSaved = vi.fn()
  const onCancel = vi.fn()
  const unsaved = createUnsavedRegistry()
  renderWithApi(
    <UnsavedContext.Provider value={unsaved}>
      <IntakePage onSaved={onSaved} onCancel={onCancel} />
    </UnsavedContext.Provider>,
    api,
  )
  return { api, onSaved, onCancel, unsaved, user: userEvent.setup({ delay: null }) }
}

const field = (label: RegExp) => screen.getByLabelText(label, { selector: 'input, textarea' })

/** The message shown under a field (its aria-describedby error), or null. */
function errorOf(label: RegExp | HTMLElement): string | null {
  const el = label instanceof RegExp ? field(label) : label
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ')
  const error = ids.filter((id) => id.endsWith('-error')).map((id) => document.getElementById(id))[0]
  return error?.textContent ?? null
}

/**
 * Enter as Chromium sends it: antd's select reads the legacy `which`, which user-event leaves
 * out in jsdom.
 */
function pressEnter(el: HTMLElement) {
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 })
  fireEvent.keyUp(el, { key: 'Enter', code: 'Enter', keyCode: 13, which: 13 })
}

/** Picks an option of a searchable select by typing into it, as a clerk does. */
async function choose(user: ReturnType<typeof userEvent.setup>, label: RegExp, typed: string) {
  const input = field(label)
  await user.click(input)
  await user.keyboard(typed)
  pressEnter(input)
  await waitFor(() => expect(input).toHaveAttribute('aria-expanded', 'false'))
}

async function fillValid(user: ReturnType<typeof userEvent.setup>) {
  await user.type(field(/^客户姓名/), '王秀英')
  await user.type(field(/^联系电话/), '13812341234')
  await user.click(screen.getByRole('radio', { name: '激动' }))
  await choose(user, /^涉及部门/, '收银')
  await choose(user, /^投诉类别/, '收银差错')
  await user.type(field(/^商品\/服务金额/), '10')
  await user.type(field(/^投诉内容/), '收银员少找了十元，顾客很生气。')
  await choose(user, /^客户诉求/, '退款')
}

/** What a select shows as chosen. */
const chosen = (label: RegExp) => field(label).closest('.ant-select')?.querySelector('.ant-select-content')?.textContent

/** The options an open select offers now. */
function offered(label: RegExp): string[] {
  const list = document.getElementById(field(label).getAttribute('aria-controls') ?? '')
  const popup = list?.closest('.ant-select-dropdown')
  return Array.from(popup?.querySelectorAll('.ant-select-item-option') ?? []).map((o) => o.textContent ?? '')
}

const ready = () => screen.findByLabelText(/^客户姓名/, { selector: 'input' })

// antd in jsdom on a shared 2-core machine: a journey through the form takes seconds, and a
// save (validation, then main's answer) may take more than waitFor's default second.
vi.setConfig({ testTimeout: 60_000 })
configure({ asyncUtilTimeout: 10_000 })

describe('the intake form', () => {
  it('labels every field of docs/domain.md §2, and starts in 客户姓名', async () => {
    setUp()
    await ready()
    for (const label of [
      /^受理时间/,
      /^受理渠道/,
      /^客户姓名/,
      /^联系电话/,
      /^客户类型/,
      /^客户性格/,
      /^涉及部门/,
      /^涉及商品\/服务/,
      /^商品\/服务金额（¥）/,
      /^损失金额（¥）/,
      /^索赔金额（¥）/,
      /^小票\/单号/,
      /^投诉类别/,
      /^投诉内容/,
      /^客户诉求/,
      /^诉求说明/,
      /^客户原话/,
      /^被投诉员工/,
    ])
      expect(field(label)).toBeInTheDocument()
    for (const radio of ['平静', '不满', '激动', '我方', '顾客', '待查', '未定', '是', '否'])
      expect(screen.getAllByRole('radio', { name: radio }).length).toBeGreaterThan(0)
    expect(screen.getByRole('checkbox', { name: '人身伤害/健康损害' })).toBeInTheDocument()
    await waitFor(() => expect(field(/^客户姓名/)).toHaveFocus())
  })

  it('says 待判定 until 投诉类别, 情绪 and 投诉内容 are filled — never 一类 on a blank form', async () => {
    const { user, api } = setUp()
    await ready()
    const panel = screen.getByRole('region', { name: /系统建议/ })
    await waitFor(() => expect(api['cases:classify']).toHaveBeenCalled())
    expect(panel).toHaveTextContent('待判定')
    expect(panel).toHaveTextContent('填写投诉类别、情绪、投诉内容后给出分类建议')
    expect(panel).not.toHaveTextContent('一类')
    await choose(user, /^投诉类别/, '收银差错')
    await user.click(screen.getByRole('radio', { name: '不满' }))
    expect(panel).toHaveTextContent('填写投诉内容后给出分类建议')
    await user.type(field(/^投诉内容/), '少找了十元')
    await waitFor(() => expect(panel).toHaveTextContent('一类投诉'))
    expect(panel).not.toHaveTextContent('待判定')
  })

  it('Enter moves to the next field and never saves; in 投诉内容 it is a new line; Ctrl+Enter saves', async () => {
    const { user, api } = setUp()
    await ready()
    await user.click(field(/^客户姓名/))
    await user.keyboard('王秀英{Enter}')
    expect(field(/^联系电话/)).toHaveFocus()
    await user.keyboard('13812341234{Enter}')
    // 情绪: the group's first radio.
    expect(screen.getByRole('radio', { name: '平静' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(field(/^客户类型/)).toHaveFocus()
    await user.click(field(/^投诉内容/))
    await user.keyboard('第一行{Enter}第二行')
    expect(field(/^投诉内容/)).toHaveValue('第一行\n第二行')
    expect(api['cases:create']).not.toHaveBeenCalled()
    // A select takes Enter to pick what was typed, then the form moves on.
    await user.click(field(/^投诉类别/))
    await user.keyboard('syc')
    pressEnter(field(/^投诉类别/))
    await waitFor(() => expect(field(/^投诉内容/)).toHaveFocus())
    expect(chosen(/^投诉类别/)).toBe('收银差错')
    // Past the last field Enter goes to 保存, and saves nothing by itself.
    await user.click(field(/^受理渠道/))
    await user.keyboard('{Escape}')
    pressEnter(field(/^受理渠道/))
    await waitFor(() => expect(screen.getByRole('button', { name: '保存' })).toHaveFocus())
    expect(api['cases:create']).not.toHaveBeenCalled()
  })

  it('saves with Ctrl+Enter from the description box', async () => {
    const { api, user } = setUp({ 'cases:create': { ok: true, data: saved } })
    await ready()
    await fillValid(user)
    await user.click(field(/^投诉内容/))
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(api['cases:create']).toHaveBeenCalledTimes(1))
  })

  it('finds an option by its Chinese text or by pinyin initials (syc → 收银差错)', async () => {
    const { user } = setUp()
    await ready()
    await choose(user, /^投诉类别/, 'syc')
    expect(chosen(/^投诉类别/)).toBe('收银差错')
    await choose(user, /^投诉类别/, '售后')
    expect(chosen(/^投诉类别/)).toBe('售后/退换货')
    await choose(user, /^涉及部门/, 'sy')
    expect(chosen(/^涉及部门/)).toBe('收银')
    // A department no longer in use is not offered.
    await user.click(field(/^涉及部门/))
    await waitFor(() => expect(offered(/^涉及部门/)).toEqual(['前台/服务台', '收银']))
  })

  it('shows zh-CN messages next to each invalid field, brings the clerk to the first one, and saves nothing', async () => {
    const { api, user } = setUp()
    await ready()
    await user.type(field(/^联系电话/), '12345')
    await user.type(field(/^商品\/服务金额/), '-3')
    await user.click(screen.getByRole('button', { name: '保存' }))
    expect(await screen.findByText(/还有 \d+ 项需要修改/)).toBeInTheDocument()
    expect(errorOf(/^客户姓名/)).toBe('此项必填')
    expect(errorOf(/^投诉内容/)).toBe('此项必填')
    expect(errorOf(/^联系电话/)).toBe('请输入正确的手机号（11 位）或座机号（区号-号码）')
    expect(errorOf(/^商品\/服务金额/)).toBe('金额不能为负数')
    expect(errorOf(/^投诉类别/)).toBe('请选择一项')
    expect(errorOf(document.getElementById('mood')!)).toBe('请选择一项')
    await waitFor(() => expect(field(/^客户姓名/)).toHaveFocus())
    expect(api['cases:create']).not.toHaveBeenCalled()
    // Fixed, the message goes.
    await user.type(field(/^客户姓名/), '王')
    await waitFor(() => expect(errorOf(/^客户姓名/)).toBeNull())
  })

  it('takes "20元" and "¥20" as amounts, and says at once what is wrong with "20元5"', async () => {
    const { user, api } = setUp({ 'cases:create': { ok: true, data: saved } })
    await ready()
    await user.type(field(/^损失金额/), '20元5')
    await user.tab()
    await waitFor(() => expect(errorOf(/^损失金额/)).toBe('请填写数字金额，如 20、20.5、20元 或 ¥20'))
    await user.clear(field(/^损失金额/))
    await user.type(field(/^损失金额/), '20元')
    await waitFor(() => expect(errorOf(/^损失金额/)).toBeNull())
    await fillValid(user)
    await user.type(field(/^索赔金额/), '¥20')
    await user.click(screen.getByRole('button', { name: '保存' }))
    await waitFor(() => expect(api['cases:create']).toHaveBeenCalledTimes(1))
    expect(api['cases:create'].mock.calls[0][0]).toMatchObject({ lossAmount: '20元', claimAmount: '¥20' })
  })

  it('submits a valid complaint once, with what the clerk typed', async () => {
    const { api, user, onSaved } = setUp({ 'cases:create': { ok: true, data: saved } })
    await ready()
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

  it("puts main's refusal next to the field it names and brings the clerk there", async () => {
    const refusal: Result<CaseDetail> = {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '提交的内容有误，未保存。',
        issues: [{ path: 'departmentId', message: '请选择一项' }],
      },
    }
    const { user, onSaved } = setUp({ 'cases:create': refusal })
    await ready()
    await fillValid(user)
    await user.click(screen.getByRole('button', { name: '保存' }))
    const outcome = await screen.findByRole('alert', { name: '' })
    expect(outcome).toHaveTextContent('提交的内容有误，未保存。')
    expect(errorOf(/^涉及部门/)).toBe('请选择一项')
    await waitFor(() => expect(field(/^涉及部门/)).toHaveFocus())
    expect(onSaved).not.toHaveBeenCalled()
  })

  it('pre-ticks an urgent situation the text suggests, once, and shows it as urgent', async () => {
    const { user } = setUp({
      'cases:classify': { ok: true, data: { ...classOne, urgent: true, detectedSituations: ['media_present'] } },
    })
    await ready()
    await user.type(field(/^投诉内容/), '客户说要找记者')
    await waitFor(() => expect(screen.getByRole('checkbox', { name: '媒体在场' })).toBeChecked())
    const panel = screen.getByRole('region', { name: /系统建议/ })
    expect(panel).toHaveTextContent('紧急事件：保存后请立即上报主管。')
    // Unticked by the clerk, it stays unticked.
    await user.click(screen.getByRole('checkbox', { name: '媒体在场' }))
    await user.type(field(/^投诉内容/), '。')
    await new Promise((r) => setTimeout(r, 400))
    expect(screen.getByRole('checkbox', { name: '媒体在场' })).not.toBeChecked()
  })
})

describe('the draft (issue 14: nothing lost)', () => {
  it('keeps what the clerk types in main, and leaving asks first only until it is kept', async () => {
    const { user, api, unsaved } = setUp()
    await ready()
    expect(unsaved.anyDirty()).toBe(false)
    await user.type(field(/^客户姓名/), '欧阳')
    expect(unsaved.anyDirty()).toBe(true) // typed, not kept yet
    await waitFor(() => expect(api['drafts:save']).toHaveBeenCalled())
    expect(api['drafts:save'].mock.calls.at(-1)![0].values).toMatchObject({ customerName: '欧阳' })
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/草稿已自动保存/))
    expect(unsaved.anyDirty()).toBe(false)
  })

  it('a draft that could not be kept says so, and leaving asks first', async () => {
    const { user, unsaved } = setUp({
      'drafts:save': { ok: false, error: { code: 'STORE_UNAVAILABLE', message: '数据文件只读，无法保存。' } },
    })
    await ready()
    await user.type(field(/^客户姓名/), '欧阳')
    expect(await screen.findByText('草稿未能保存：数据文件只读，无法保存。')).toBeInTheDocument()
    expect(unsaved.anyDirty()).toBe(true)
  })

  it('restores the clerk’s draft when they come back, and gives it up only when asked in red', async () => {
    const draft: IntakeDraft = {
      values: {
        customerName: '欧阳娜娜',
        category: 'cashier_error',
        lossAmount: '20元',
        situations: ['media_present'],
      },
      savedAt: new Date(2026, 10, 23, 9, 41).toISOString(),
    }
    const { user, api, unsaved } = setUp({ 'drafts:get': { ok: true, data: draft } })
    await ready()
    expect(field(/^客户姓名/)).toHaveValue('欧阳娜娜')
    expect(field(/^损失金额/)).toHaveValue('20元')
    expect(chosen(/^投诉类别/)).toBe('收银差错')
    expect(screen.getByRole('checkbox', { name: '媒体在场' })).toBeChecked()
    expect(screen.getByText('已恢复 2026-11-23 09:41 自动保存的草稿。')).toBeInTheDocument()
    expect(unsaved.anyDirty()).toBe(false) // all of it is in the draft

    await user.click(screen.getByRole('button', { name: '放弃草稿' }))
    const dialog = await screen.findByRole('dialog')
    expect(dialog).toHaveTextContent('放弃这条登记？')
    const giveUp = within(dialog).getByRole('button', { name: '放弃登记' })
    expect(giveUp).toHaveClass('ant-btn-dangerous')
    await user.click(giveUp)
    await waitFor(() => expect(api['drafts:clear']).toHaveBeenCalledTimes(1))
    await waitFor(() => expect(field(/^客户姓名/)).toHaveValue(''))
  })

  it('取消 with something typed asks in red, then removes the draft and leaves', async () => {
    const { user, api, onCancel } = setUp()
    await ready()
    await user.type(field(/^客户姓名/), '欧阳')
    const cancel = screen.getByRole('button', { name: '取消' })
    await user.click(cancel)
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '取消' }))
    expect(onCancel).not.toHaveBeenCalled()
    expect(api['drafts:clear']).not.toHaveBeenCalled()
    await user.click(cancel)
    const asked = await screen.findAllByRole('dialog')
    await user.click(within(asked.at(-1)!).getByRole('button', { name: '放弃登记' }))
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1))
    expect(api['drafts:clear']).toHaveBeenCalled()
  })

  it('取消 on a blank form just leaves', async () => {
    const { user, onCancel } = setUp()
    await ready()
    await user.click(screen.getByRole('button', { name: '取消' }))
    await waitFor(() => expect(onCancel).toHaveBeenCalledTimes(1))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('does not save a draft after the complaint is saved', async () => {
    const { user, api, onSaved } = setUp({ 'cases:create': { ok: true, data: saved } })
    await ready()
    await fillValid(user)
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(onSaved).toHaveBeenCalled())
    const saves = api['drafts:save'].mock.calls.length
    await act(() => new Promise((r) => setTimeout(r, 700)))
    expect(api['drafts:save'].mock.calls.length).toBe(saves)
    const order = [
      ...api['drafts:save'].mock.invocationCallOrder.map((n) => ({ n, call: 'save' })),
      ...api['cases:create'].mock.invocationCallOrder.map((n) => ({ n, call: 'create' })),
    ].sort((a, b) => a.n - b.n)
    expect(order.at(-1)!.call).toBe('create')
  })
})

describe('long text in the intake form', () => {
  it('keeps a pasted 20,000-character description whole, counts it and says it is over the limit', async () => {
    const { user, api } = setUp()
    await ready()
    const box = field(/^投诉内容/) as HTMLTextAreaElement
    await user.click(box)
    await user.paste('长'.repeat(20_000))
    expect(box.value).toHaveLength(20_000) // never cut
    expect(screen.getByText('20000 / 5000')).toBeInTheDocument()
    await waitFor(() => expect(errorOf(/^投诉内容/)).toBe('最多 5000 个字'))
    await user.click(screen.getByRole('button', { name: /保存/ }))
    expect(api['cases:create']).not.toHaveBeenCalled()
  })
})
