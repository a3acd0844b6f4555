// Kills a writing process with SIGKILL over and over, mid-save, mid-fold and mid-archive,
// and checks after every kill that the store opens undamaged with every acknowledged save.
// CRASH_KILLS sets how many (CI runs a smaller count; `npm run crash` runs 300).
import { describe, expect, it } from 'vitest'
import { Store } from '../../electron/store/store'
import { useTempDirs } from '../support/tempDir'
import { runAndKill, useWriter } from './harness'

const KILLS = Number(process.env.CRASH_KILLS ?? 25)

describe('crash test: SIGKILL in the middle of writes', () => {
  const tempDir = useTempDirs()
  useWriter(import.meta.url)

  it(`after each of ${KILLS} kills the store opens undamaged with every acknowledged save`, async () => {
    const dir = await tempDir()
    const acknowledged = new Set<string>()
    let folds = 0
    for (let k = 0; k < KILLS; k++) {
      // Each run numbers its cases apart: a save done but not yet acknowledged is never repeated.
      for (const n of await runAndKill(dir, [String((k + 1) * 1_000_000)])) acknowledged.add(`w-${n}`)
      const store = await Store.open(dir)
      expect(store.state).toBe('ok')
      expect(store.recovery).toBeNull()
      const archive = await store.archived()
      const present = new Set([...store.data.cases.map((c) => c.id), ...archive.list().map((r) => r.id)])
      const lost = [...acknowledged].filter((id) => !present.has(id))
      expect(lost).toEqual([])
      expect(present.size).toBe(store.data.cases.length + archive.size) // no case twice
      const audit = await store.verifyAudit()
      expect(audit.ok).toBe(true)
      expect(audit.entries).toBeGreaterThanOrEqual(acknowledged.size)
      if (archive.size > 0) folds += 1
      await store.close()
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS) // the kills did land mid-run, after real work
    expect(folds).toBeGreaterThan(0) // and archiving happened along the way
  }, 600_000)
})
