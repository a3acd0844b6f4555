import { describe, expect, it, vi } from 'vitest'
import type { Api } from '@shared/ipc/contract'
import { firstCases, prefetchCases } from '../../renderer/src/pages/listPrefetch'

const answer = (n: number) => ({ ok: true as const, data: { items: [], total: n } })

describe('the list’s first page, asked for on the click that opens it', () => {
  it('is asked once: the list opening with the same query takes the answer already on its way', async () => {
    const list = vi.fn(async () => answer(7))
    const api = { 'cases:list': list } as unknown as Api
    prefetchCases(api, { sort: 'receivedAt', dir: 'desc' })
    expect(await firstCases(api, { sort: 'receivedAt', dir: 'desc' })).toEqual(answer(7))
    expect(list).toHaveBeenCalledTimes(1)
    // Taken once: the next opening (a reload, say) asks main again.
    await firstCases(api, { sort: 'receivedAt', dir: 'desc' })
    expect(list).toHaveBeenCalledTimes(2)
  })

  it('is not used for another query (the clerk opened another view)', async () => {
    const list = vi.fn(async (q: { view?: string }) => answer(q.view === 'urgent' ? 1 : 9))
    const api = { 'cases:list': list } as unknown as Api
    prefetchCases(api, { sort: 'receivedAt', dir: 'desc' })
    expect(await firstCases(api, { sort: 'receivedAt', dir: 'desc', view: 'urgent' })).toEqual(answer(1))
    expect(list).toHaveBeenCalledTimes(2)
  })
})
