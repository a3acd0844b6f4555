// A backup killed with SIGKILL at each of its file-changing steps in turn (tests/crash/steps.ts).
import { describe, expect, it } from 'vitest'
import { cp } from 'node:fs/promises'
import { Store } from '../../electron/store/store'
import { useTempDirs } from '../support/tempDir'
import { caseIds, noHalfBackupOffered, runWriter, seeded, useWriter } from './harness'

describe('crash test: SIGKILL in the middle of writes', () => {
  const tempDir = useTempDirs()
  useWriter(import.meta.url)

  it('a backup killed at each of its steps in turn: no half backup is offered, nothing acknowledged is lost', async () => {
    const seed = await seeded(tempDir)
    let steps = 0
    for (let k = 1; ; k++) {
      const dir = await tempDir()
      await cp(seed.dir, dir, { recursive: true })
      const { out, killed } = await runWriter([dir, 'backup', String(k)])
      const store = await Store.open(dir)
      expect(store.state).toBe('ok')
      const ids = await caseIds(store)
      expect(seed.acknowledged.filter((id) => !ids.has(id))).toEqual([])
      await noHalfBackupOffered(dir, store)
      await store.close()
      if (!killed) {
        steps = Number(out.at(-1)!.split(' ')[1])
        break
      }
    }
    expect(steps).toBeGreaterThan(5) // it was killed at every one of them
  }, 600_000)
})
