import { describe, expect, it } from 'vitest'
import { awaitsAcknowledgement } from '@shared/rules/dataNotice'

const nothing = { recovery: null, unreadSaves: [], setAside: null }

describe('awaitsAcknowledgement', () => {
  it('is false when a start recorded nothing', () => {
    expect(awaitsAcknowledgement(nothing)).toBe(false)
  })

  it.each([
    ['a backup put back', { recovery: { backup: 'complaint-desk.daily.x.json' } }],
    ['unreadable saves set aside', { unreadSaves: [{ file: 'complaint-desk.journal.unreadable' }] }],
    ['unreadable data set aside for a fresh start', { setAside: { folder: 'set-aside.x' } }],
  ])('is true for %s', (_what, told) => {
    expect(awaitsAcknowledgement({ ...nothing, ...told })).toBe(true)
  })
})
