import { describe, expect, it, vi } from 'vitest'
import { waitFor } from '@testing-library/react'
import { ListWarmUp } from '../../renderer/src/pages/ListWarmUp'
import { fakeApi, renderWithApi } from './renderWithApi'

describe('the case list drawn once out of sight while the desk is idle', () => {
  it('draws the list’s controls and rows hidden and inert, asks nothing of main, and is gone after; once per start', async () => {
    // jsdom has no idle callbacks: the desk is idle at once.
    vi.stubGlobal('requestIdleCallback', (run: () => void) => setTimeout(run, 0))
    vi.stubGlobal('cancelIdleCallback', (id: number) => clearTimeout(id))
    const api = fakeApi()
    const first = renderWithApi(<ListWarmUp />, api)
    const drawn = await waitFor(() => {
      const box = first.container.querySelector('.warm-up')
      if (!box) throw new Error('not drawn yet')
      expect(box.querySelector('.case-table .ant-table-row')).not.toBeNull()
      return box
    })
    expect(drawn).toHaveAttribute('inert')
    expect(drawn.querySelector('[role="search"]')).not.toBeNull()
    await waitFor(() => expect(first.container.querySelector('.warm-up')).toBeNull())
    first.unmount()
    // The home page after sign-in draws it no more: the code is compiled by now.
    const again = renderWithApi(<ListWarmUp />, api)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(again.container.querySelector('.warm-up')).toBeNull()
    for (const channel of Object.values(api)) expect(channel).not.toHaveBeenCalled()
    vi.unstubAllGlobals()
  })
})
