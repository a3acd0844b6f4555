// Issue 15, point 15: one crossing of the fold threshold folds once, however many saves were
// waiting in the queue when it was crossed; at most one fold is ever queued.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { JOURNAL_FILE_NAME, Store } from '../../../electron/store/store'
import { LiveDocument } from '../../../electron/store/liveDocument'
import { makeCase } from '../../support/factories'
import { useTempDirs } from '../../support/tempDir'

const now = () => new Date('2026-11-22T02:00:00Z')
const save = (store: Store, i: number) =>
  store.update((d) => void d.cases.push(makeCase({ id: `c-${i}`, customerName: `顾客${String(i).padStart(4, '0')}` })))

describe('folds under many concurrent saves (issue 15, point 15)', () => {
  const tempDir = useTempDirs()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  /** The journal bytes one save adds (every save here writes a record of the same size). */
  async function recordSize(): Promise<number> {
    const dir = await tempDir()
    const probe = await Store.open(dir, { now })
    await save(probe, 0)
    const { size } = await stat(join(dir, JOURNAL_FILE_NAME))
    await probe.close()
    return size
  }

  it('30 saves queued at once, crossing the threshold once: one fold', async () => {
    const size = await recordSize()
    const dir = await tempDir()
    const store = await Store.open(dir, { now, compactAtBytes: Math.round(10.5 * size) })
    const writes = vi.spyOn(LiveDocument.prototype, 'write')
    await Promise.all(Array.from({ length: 30 }, (_, i) => save(store, i + 1)))
    await store.update(() => undefined) // queued after every fold those saves asked for
    expect(writes).toHaveBeenCalledTimes(1)
    expect(store.data.cases).toHaveLength(30)
    await store.close()
  })

  it('20 clients saving 20 times each: folds as the journal fills, not one per waiting save', async () => {
    const size = await recordSize()
    const dir = await tempDir()
    const threshold = 16 * size
    const store = await Store.open(dir, { now, compactAtBytes: threshold })
    const writes = vi.spyOn(LiveDocument.prototype, 'write')
    await Promise.all(
      Array.from({ length: 20 }, async (_, client) => {
        for (let k = 0; k < 20; k++) await save(store, client * 100 + k + 1)
      }),
    )
    await store.update(() => undefined)
    // 400 records; the journal reaches the threshold at most once per 16 of them.
    expect(writes.mock.calls.length).toBeGreaterThan(0)
    expect(writes.mock.calls.length).toBeLessThanOrEqual(Math.ceil((400 * size) / threshold))
    expect(store.data.cases).toHaveLength(400)
    await store.close()
    const reopened = await Store.open(dir, { now })
    expect(reopened.data.cases).toHaveLength(400)
    await reopened.close()
  })
})
