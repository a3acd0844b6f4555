import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useReducedMotion } from '../../renderer/src/hooks/useReducedMotion'

// The system's "reduce motion" setting, switchable as a user would in the OS settings.
function fakeSystem(reduce: boolean) {
  const listeners = new Set<() => void>()
  const original = window.matchMedia
  let matches = reduce
  const fake = (query: string) => ({
    get matches() {
      return query === '(prefers-reduced-motion: reduce)' && matches
    },
    media: query,
    addEventListener: (_: string, f: () => void) => listeners.add(f),
    removeEventListener: (_: string, f: () => void) => listeners.delete(f),
  })
  // The setup defines matchMedia read-only (configurable): redefined here, put back after.
  Object.defineProperty(window, 'matchMedia', { configurable: true, value: fake })
  return {
    set(next: boolean) {
      matches = next
      listeners.forEach((f) => f())
    },
    listeners,
    restore: () => Object.defineProperty(window, 'matchMedia', { configurable: true, value: original }),
  }
}

function Probe() {
  return <p>{useReducedMotion() ? 'still' : 'animated'}</p>
}

describe('useReducedMotion (antd animations follow the system setting)', () => {
  let system: ReturnType<typeof fakeSystem>
  afterEach(() => system.restore())

  it('is on when the system asks for less motion, off otherwise', () => {
    system = fakeSystem(true)
    const { unmount } = render(<Probe />)
    expect(screen.getByText('still')).toBeInTheDocument()
    unmount()
    system.restore()
    system = fakeSystem(false)
    render(<Probe />)
    expect(screen.getByText('animated')).toBeInTheDocument()
  })

  it('follows a change made while the app is open, and stops listening once gone', () => {
    system = fakeSystem(false)
    const { unmount } = render(<Probe />)
    act(() => system.set(true))
    expect(screen.getByText('still')).toBeInTheDocument()
    act(() => system.set(false))
    expect(screen.getByText('animated')).toBeInTheDocument()
    unmount()
    expect(system.listeners.size).toBe(0)
  })
})
