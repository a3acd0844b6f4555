import { describe, expect, it } from 'vitest'
import { activeElevation, elevatedAs, elevationFrom, ELEVATION_MINUTES } from '@shared/rules/elevation'

describe('elevation rule', () => {
  const at = new Date('2026-11-23T01:00:00Z')
  const e = elevationFrom({ id: 'm1', name: '陈主管' }, at)
  const later = (ms: number) => new Date(at.getTime() + ms)

  it('stands for the minutes from the PIN, not a moment longer', () => {
    expect(e.until).toBe('2026-11-23T01:05:00.000Z')
    expect(activeElevation(e, later(ELEVATION_MINUTES * 60_000 - 1))).toEqual(e)
    expect(activeElevation(e, later(ELEVATION_MINUTES * 60_000))).toBeNull()
    expect(activeElevation(null, at)).toBeNull()
    expect(activeElevation(undefined, at)).toBeNull()
  })

  it('is the manager who typed the PIN, nobody else', () => {
    expect(elevatedAs(e, 'm1', later(1000))).toBe(true)
    expect(elevatedAs(e, 'm2', later(1000))).toBe(false)
    expect(elevatedAs(e, 'm1', later(ELEVATION_MINUTES * 60_000 + 1))).toBe(false)
  })
})
