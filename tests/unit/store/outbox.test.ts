// The outbox for head office (electron/store/outbox.ts): every acknowledged case change is in
// it or in the journal, versions only go up, and the pushed mark survives a restart.
import { describe, expect, it } from 'vitest'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Store } from '../../../electron/store/store'
import { OUTBOX_FILE_NAME } from '../../../electron/store/outbox'
import { makeCase } from '../../support/factories'
import { crashCopy } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW

describe('the outbox (head office sync)', () => {
  const tempDir = useTempDirs()

  async function saves(dir: string, ids: string[]): Promise<Store> {
    const store = await Store.open(dir, { now })
    for (const id of ids) await store.update((d) => void d.cases.push(makeCase({ id })))
    return store
  }

  it('queues each changed case with a strictly increasing version; nothing for a save without case changes', async () => {
    const dir = await tempDir()
    const store = await saves(dir, ['c1', 'c2'])
    await store.update((d) => {
      d.cases = d.cases.map((c) => (c.id === 'c1' ? { ...c, status: 'in_progress' } : c))
    })
    await store.update((d) => void (d.branch = { name: '静安寺店', code: 'SH01' }))
    const { entries } = store.outboxPending()
    expect(entries.map((e) => e.entry.id)).toEqual(['c1', 'c2', 'c1'])
    const versions = entries.map((e) => e.entry.v)
    expect(versions[0]).toBeGreaterThanOrEqual(NOW.getTime())
    expect(versions[1]).toBeGreaterThan(versions[0])
    expect(versions[2]).toBeGreaterThan(versions[1])
    await store.close()
  })

  it('the pushed mark moves durably and survives a restart; versions keep rising', async () => {
    const dir = await tempDir()
    const store = await saves(dir, ['c1', 'c2', 'c3'])
    const first = store.outboxPending(2)
    expect(first.entries).toHaveLength(2)
    await store.outboxPushed(first.entries[1].end)
    expect(store.outboxPending().entries.map((e) => e.entry.id)).toEqual(['c3'])
    const last = store.outboxPending().entries[0].entry.v
    await store.close()
    const again = await Store.open(dir, { now })
    expect(again.outboxPending().entries.map((e) => e.entry.id)).toEqual(['c3'])
    await again.update((d) => void d.cases.push(makeCase({ id: 'c4' })))
    expect(again.outboxPending().entries.at(-1)!.entry.v).toBeGreaterThan(last)
    await again.close()
  })

  it('after a crash that lost the outbox, the journal puts every acknowledged change back', async () => {
    const dir = await tempDir()
    const store = await saves(dir, ['c1', 'c2', 'c3'])
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    // The appends had no fsync: the crash took them (the journal's lines were fsynced).
    await writeFile(join(crashed, OUTBOX_FILE_NAME), '')
    const reopened = await Store.open(crashed, { now })
    expect(new Set(reopened.outboxPending().entries.map((e) => e.entry.id))).toEqual(new Set(['c1', 'c2', 'c3']))
    await reopened.close()
  })

  it('a fold makes the outbox durable first, and a torn last line is cut off', async () => {
    const dir = await tempDir()
    const store = await saves(dir, ['c1', 'c2'])
    await store.compact() // the journal is emptied: from now on only the outbox has these changes
    await store.close()
    const text = await readFile(join(dir, OUTBOX_FILE_NAME), 'utf8')
    await writeFile(join(dir, OUTBOX_FILE_NAME), `${text}{"id":"c9","v`)
    const again = await Store.open(dir, { now })
    expect(again.outboxPending().entries.map((e) => e.entry.id)).toEqual(['c1', 'c2'])
    await again.update((d) => void d.cases.push(makeCase({ id: 'c5' })))
    expect(again.outboxPending().entries.map((e) => e.entry.id)).toEqual(['c1', 'c2', 'c5'])
    await again.close()
  })

  it.each([
    ['a damaged last line', (v: number) => `{"id":"c8","v":${v}}\n{"id":"c9","v":"x"}\n`],
    [
      'a line longer than the window read from the end',
      (v: number) => `{"id":"c8","v":${v}}\n${'?'.repeat(300_000)}\n`,
    ],
  ])(
    'versions keep rising past the highest one in a long outbox ending in %s; a torn tail is cut off',
    async (_, tail) => {
      const dir = await tempDir()
      await (await Store.open(dir, { now })).close()
      // Versions far above the clock, as head office would hold them: the next must still be higher.
      const high = NOW.getTime() + 1e9
      const lines = Array.from({ length: 3000 }, (_, i) => `{"id":"c${i}","v":${high - 3000 + i}}\n`).join('')
      const whole = lines + tail(high + 5)
      await writeFile(join(dir, OUTBOX_FILE_NAME), `${whole}{"id":"torn","v":1`)
      const store = await Store.open(dir, { now })
      expect(await readFile(join(dir, OUTBOX_FILE_NAME), 'utf8')).toBe(whole)
      await store.update((d) => void d.cases.push(makeCase({ id: 'c5' })))
      expect(store.outboxPending().entries.at(-1)!.entry).toEqual({ id: 'c5', v: high + 6 })
      await store.close()
    },
  )

  it('is emptied once everything in it was pushed, and versions still never go back', async () => {
    const dir = await tempDir()
    const store = await saves(dir, ['c1', 'c2'])
    const all = store.outboxPending()
    const highest = all.entries[1].entry.v
    await store.outboxPushed(all.entries[1].end, 1)
    expect((await readFile(join(dir, OUTBOX_FILE_NAME), 'utf8')).length).toBe(0)
    await store.close()
    const again = await Store.open(dir, { now })
    expect(again.outboxPending().entries).toEqual([])
    await again.update((d) => void d.cases.push(makeCase({ id: 'c3' })))
    expect(again.outboxPending().entries[0].entry.v).toBeGreaterThan(highest)
    await again.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('counts what waits as saves come, batches are pushed, the outbox is emptied and the store reopens', async () => {
    const dir = await tempDir()
    let store = await saves(dir, ['c1', 'c2', 'c3'])
    const expectCount = () => expect(store.outboxPendingCount()).toBe(store.outboxPending().entries.length)
    expectCount()
    await store.outboxPushed(store.outboxPending().entries[0].end, Infinity)
    expect(store.outboxPendingCount()).toBe(2)
    for (const id of ['c4', 'c5']) await store.update((d) => void d.cases.push(makeCase({ id })))
    expect(store.outboxPendingCount()).toBe(4)
    const pending = store.outboxPending().entries
    await store.outboxPushed(pending[2].end, Infinity)
    expect(store.outboxPendingCount()).toBe(1)
    // Everything pushed: the file is emptied, and the count starts over from nothing.
    await store.outboxPushed(pending[3].end, 1)
    expect(store.outboxPendingCount()).toBe(0)
    await store.update((d) => void d.cases.push(makeCase({ id: 'c6' })))
    expectCount()
    expect(store.outboxPendingCount()).toBe(1)
    await store.close()
    store = await Store.open(dir, { now })
    expectCount()
    expect(store.outboxPendingCount()).toBe(1)
    await store.close()
  })
})
