import { describe, expect, it, vi } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Handover, HandoverSnapshot } from '@shared/schemas/handover'
import type { StaffPublic } from '@shared/schemas/staff'
import { HandoverPage } from '../../renderer/src/pages/HandoverPage'
import { fakeApi, renderWithApi } from './renderWithApi'

const me: StaffPublic = { id: 's1', name: '李娜', role: 'staff' }
const manager: StaffPublic = { id: 's2', name: '陈主管', role: 'manager' }
const empty: HandoverSnapshot = { openCases: [], commitmentsDue: [], escalations: [], windowHours: 8 }
const signed: Handover = {
  id: 'h1',
  at: new Date(2026, 10, 22, 17, 30).toISOString(),
  outgoing: { id: 's1', name: '李娜' },
  incoming: { id: 's2', name: '陈主管' },
  notes: '',
  snapshot: empty,
}

function setUp() {
  const api = fakeApi({
    'handover:prepare': { ok: true, data: empty },
    'handover:list': { ok: true, data: [] },
    'auth:listStaff': { ok: true, data: [me, manager] },
  })
  renderWithApi(<HandoverPage signedIn={me} onOpen={vi.fn()} />, api)
  return api
}

/** Opens the antd select and clicks the option shown (its listbox of role=option is for screen readers only). */
async function pickIncoming(name: string) {
  await userEvent.click(screen.getByRole('combobox', { name: /^接班人/ }))
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll<HTMLElement>('.ant-select-item-option')].find(
      (o) => o.textContent === name,
    )
    if (!found) throw new Error(`no option ${name}`)
    return found
  })
  await userEvent.click(option)
}

const shownOptions = () => [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent)

describe('the handover page', { timeout: 30_000 }, () => {
  it('says what each part lacks, next to it, and sends nothing', async () => {
    const api = setUp()
    await screen.findByText('没有未结案的投诉。')
    await userEvent.click(screen.getByRole('button', { name: '接班人确认签收' }))
    const incoming = screen.getByRole('combobox', { name: /^接班人/ })
    await waitFor(() => expect(incoming).toHaveAttribute('aria-invalid', 'true'))
    expect(incoming).toHaveAccessibleDescription('请选择一项')
    expect(screen.getByLabelText('接班人 PIN 码')).toHaveAccessibleDescription(/PIN 码须为 4–8 位数字/)
    expect(api['handover:submit']).not.toHaveBeenCalled()
    // Fixed, the error goes at once.
    await pickIncoming('陈主管')
    await waitFor(() => expect(incoming).not.toHaveAttribute('aria-invalid'))
  })

  it('puts a wrong PIN next to the PIN field, and offers only colleagues as the incoming clerk', async () => {
    const api = setUp()
    api['handover:submit'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'WRONG_PIN', message: 'PIN 码不正确，还可再试 4 次。' },
    })
    await screen.findByText('没有未结案的投诉。')
    await pickIncoming('陈主管')
    expect(shownOptions()).toEqual(['陈主管'])
    await userEvent.type(screen.getByLabelText('接班人 PIN 码'), '111111')
    await userEvent.click(screen.getByRole('button', { name: '接班人确认签收' }))
    const pin = screen.getByLabelText('接班人 PIN 码')
    await waitFor(() => expect(pin).toHaveAttribute('aria-invalid', 'true'))
    expect(pin).toHaveAccessibleDescription('PIN 码不正确，还可再试 4 次。')
    expect(pin).toHaveValue('')
  })

  it('signs off: a toast names both, the sheet can be printed, the form is empty again', async () => {
    const api = setUp()
    api['handover:submit'].mockResolvedValueOnce({ ok: true, data: { ...signed, notes: '王女士下午来取货' } })
    await screen.findByText('没有未结案的投诉。')
    await userEvent.type(screen.getByLabelText('交接说明'), '王女士下午来取货')
    await pickIncoming('陈主管')
    await userEvent.type(screen.getByLabelText('接班人 PIN 码'), '246810')
    await userEvent.click(screen.getByRole('button', { name: '接班人确认签收' }))
    await waitFor(() =>
      expect(api['handover:submit']).toHaveBeenCalledWith({
        hours: 8,
        notes: '王女士下午来取货',
        incoming: { staffId: 's2', pin: '246810' },
      }),
    )
    expect((await screen.findAllByText(/交接已签收：李娜 → 陈主管/)).length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: '打印交接班表' })).toBeInTheDocument()
    expect(screen.getByLabelText('交接说明')).toHaveValue('')
    await waitFor(() => expect(api['handover:list']).toHaveBeenCalledTimes(2))
  })
})
