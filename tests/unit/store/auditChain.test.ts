import { describe, expect, it } from 'vitest'
import { chainEntry, verifyChain } from '../../../electron/store/auditChain'
import type { AuditEntry } from '../../../electron/store/schema'

const by = { id: 's1', name: '李娜' }
function log(n: number): AuditEntry[] {
  const entries: AuditEntry[] = []
  for (let i = 0; i < n; i++)
    entries.push(
      chainEntry(entries, { at: `2026-11-22T0${i}:00:00Z`, by, action: 'case.created', target: `KS-20261122-000${i}` }),
    )
  return entries
}

describe('the hash-chained audit trail', () => {
  it('verifies an untouched log, including an empty one', () => {
    expect(verifyChain([])).toEqual({ ok: true, entries: 0 })
    expect(verifyChain(log(5))).toEqual({ ok: true, entries: 5 })
  })

  it('numbers entries and links each to the one before', () => {
    const entries = log(3)
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3])
    expect(entries[1].prevHash).toBe(entries[0].hash)
  })

  it.each([
    [
      'an edited field',
      (l: AuditEntry[]) => {
        l[2] = { ...l[2], target: 'KS-20261122-9999' }
      },
      3,
    ],
    [
      'an edited actor',
      (l: AuditEntry[]) => {
        l[0] = { ...l[0], by: { id: 's2', name: '王五' } }
      },
      1,
    ],
    [
      'a deleted entry',
      (l: AuditEntry[]) => {
        l.splice(1, 1)
      },
      2,
    ],
    [
      'a dropped last entry followed by nothing',
      (l: AuditEntry[]) => {
        l.pop()
      },
      null,
    ],
    [
      'two swapped entries',
      (l: AuditEntry[]) => {
        ;[l[1], l[2]] = [l[2], l[1]]
      },
      2,
    ],
    [
      'a forged entry with a recomputed hash but the wrong link',
      (l: AuditEntry[]) => {
        l.splice(2, 0, chainEntry([], { at: 'x', by, action: 'forged', target: 'x' }))
      },
      3,
    ],
  ])('detects %s', (_label, tamper, brokenAt) => {
    const entries = log(5)
    tamper(entries)
    const verdict = verifyChain(entries)
    // Truncating the tail cannot be seen from the log alone; everything else can.
    if (brokenAt === null) expect(verdict.ok).toBe(true)
    else expect(verdict).toMatchObject({ ok: false, brokenAt })
  })
})
