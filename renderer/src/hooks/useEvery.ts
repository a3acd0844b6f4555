import { useEffect, useRef } from 'react'

/**
 * Calls `tick` every `everyMs` while the window is in view: what main changes on its own (head
 * office's sync, another tab on the same host) reaches a page that stays open.
 */
export function useEvery(tick: () => void, everyMs: number, enabled = true): void {
  const latest = useRef(tick)
  latest.current = tick
  useEffect(() => {
    if (!enabled) return
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') latest.current()
    }, everyMs)
    return () => clearInterval(timer)
  }, [everyMs, enabled])
}
