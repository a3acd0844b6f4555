import { useEffect, useRef, type ReactNode } from 'react'

/**
 * The date-time picker's hour and minute columns scroll but hold nothing focusable, so a keyboard
 * cannot reach them (axe: scrollable-region-focusable). Made focusable, the arrow keys scroll
 * them; typing "2026-11-23 14:05" into the field stays the quick way.
 */
export function FocusableTimeColumns({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    box.current?.querySelectorAll('.ant-picker-time-panel-column:not([tabindex])').forEach((column) => {
      column.setAttribute('tabindex', '0')
    })
  })
  return <div ref={box}>{children}</div>
}
