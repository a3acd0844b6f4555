// A restore killed with SIGKILL at each of its file-changing steps in turn (tests/crash/steps.ts).
import { describe, expect, it } from 'vitest'
import { cp } from 'node:fs/promises'
import { Store } from '../../electron/store/store'
import { useTempDirs } from '../support/tempDir'
import { caseIds, noHalfBackupOffered, runWriter, seeded, useWriter } from './harness'

describe('crash test: SIGKILL in the middle of writes', () => {
  const tempDir = useTempDirs()
  useWriter(import.meta.url)

  it('a restore killed at each of its steps in turn is undone at the next start: nothing acknowledged is lost', async () => {
    const seed = await seeded(tempDir)
    let steps = 0
    for (let k = 1; ; k++) {
      const dir = await tempDir()
      await cp(seed.dir, dir, { recursive: true })
      const { out, killed } = await runWriter([dir, 'restore', String(k), seed.backup])
      const store = await Store.open(dir)
      expect(store.state).toBe('ok')
      const ids = await caseIds(store)
      if (killed) {
        // Not acknowledged: the data is as before the restore, every save there.
        expect(seed.acknowledged.filter((id) => !ids.has(id))).toEqual([])
      } else {
        // Done: the backup's 300 cases, and the 60 later ones are in the pre-restore backup.
        expect(seed.acknowledged.slice(0, 300).filter((id) => !ids.has(id))).toEqual([])
        expect(ids.has(seed.acknowledged.at(-1)!)).toBe(false)
        const pre = (await store.listBackups()).find((b) => b.label === 'pre-restore')!
        expect(pre).toMatchObject({ usable: true, cases: 360 })
      }
      expect((await store.verifyAudit()).ok).toBe(true)
      await noHalfBackupOffered(dir, store)
      await store.close()
      if (!killed) {
        steps = Number(out.at(-1)!.split(' ')[1])
        break
      }
    }
    expect(steps).toBeGreaterThan(5)
  }, 900_000)
})
