import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderHook } from '@testing-library/react'
import { useEvery } from '../../renderer/src/hooks/useEvery'

const visibility = (state: DocumentVisibilityState) =>
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true })

afterEach(() => {
  vi.useRealTimers()
  visibility('visible')
})

describe('useEvery (an open page reads main again for changes made elsewhere)', () => {
  it('calls the latest tick every period while the window is in view, and stops when unmounted', () => {
    vi.useFakeTimers()
    const first = vi.fn()
    const second = vi.fn()
    const { rerender, unmount } = renderHook(({ tick }) => useEvery(tick, 5_000), { initialProps: { tick: first } })
    vi.advanceTimersByTime(4_999)
    expect(first).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(first).toHaveBeenCalledTimes(1)
    rerender({ tick: second })
    vi.advanceTimersByTime(5_000)
    expect(first).toHaveBeenCalledTimes(1)
    expect(second).toHaveBeenCalledTimes(1)
    unmount()
    vi.advanceTimersByTime(20_000)
    expect(second).toHaveBeenCalledTimes(1)
  })

  it('does not call while the window is hidden (a minimised desk asks main nothing)', () => {
    vi.useFakeTimers()
    const tick = vi.fn()
    renderHook(() => useEvery(tick, 5_000))
    visibility('hidden')
    vi.advanceTimersByTime(15_000)
    expect(tick).not.toHaveBeenCalled()
    visibility('visible')
    vi.advanceTimersByTime(5_000)
    expect(tick).toHaveBeenCalledTimes(1)
  })
})
