import { describe, expect, it } from 'vitest'
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { SuggestionView } from '@shared/schemas/suggestion'
import { SuggestionsPage } from '../../renderer/src/pages/SuggestionsPage'
import { fakeApi, renderWithApi } from './renderWithApi'

const s: SuggestionView = {
  id: 'g1',
  number: 'JY-20261122-0001',
  kind: 'suggestion',
  channel: 'counter',
  customerName: '',
  phone: '',
  departmentId: '',
  departmentName: '',
  text: '希望生鲜区早上七点就开门。',
  receivedAt: new Date(2026, 10, 22, 9, 0).toISOString(),
  createdAt: new Date(2026, 10, 22, 9, 1).toISOString(),
  createdBy: { id: 's1', name: '李娜' },
  reply: null,
  voided: null,
}

function setUp(list: SuggestionView[]) {
  const api = fakeApi({
    'suggestions:list': { ok: true, data: list },
    'departments:list': { ok: true, data: [{ id: 'd1', name: '收银', active: true }] },
  })
  renderWithApi(<SuggestionsPage />, api)
  return api
}

describe('the suggestions page', { timeout: 30_000 }, () => {
  it('says so when nothing is recorded yet', async () => {
    setUp([])
    expect(await screen.findByText('还没有登记建议或意见。')).toBeInTheDocument()
  })

  it('asks in red, with the reason, before voiding; the reason is required', async () => {
    const api = setUp([s])
    api['suggestions:void'].mockResolvedValueOnce({
      ok: true,
      data: { ...s, voided: { reason: '重复登记', at: s.createdAt, by: s.createdBy } },
    })
    const item = await screen.findByRole('listitem', { name: 'JY-20261122-0001' })
    await userEvent.click(within(item).getByRole('button', { name: /作\s*废/ }))
    const dialog = await screen.findByRole('dialog', { name: '作废 JY-20261122-0001？' })
    const confirm = within(dialog).getByRole('button', { name: /作\s*废/ })
    expect(confirm.className).toMatch(/dangerous/)
    await userEvent.click(confirm)
    expect(await within(dialog).findByText('此项必填')).toBeInTheDocument()
    expect(api['suggestions:void']).not.toHaveBeenCalled()
    await userEvent.type(within(dialog).getByLabelText(/作废原因/), '重复登记')
    await userEvent.click(confirm)
    await waitFor(() => expect(api['suggestions:void']).toHaveBeenCalledWith({ id: 'g1', reason: '重复登记' }))
    expect(await screen.findByText('已作废 JY-20261122-0001')).toBeInTheDocument()
  })

  it('keeps the suggestion when the dialog is cancelled', async () => {
    const api = setUp([s])
    const item = await screen.findByRole('listitem', { name: 'JY-20261122-0001' })
    await userEvent.click(within(item).getByRole('button', { name: /作\s*废/ }))
    const dialog = await screen.findByRole('dialog')
    await userEvent.click(within(dialog).getByRole('button', { name: /取\s*消/ }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(api['suggestions:void']).not.toHaveBeenCalled()
  })
})
