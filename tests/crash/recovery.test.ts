// A start recovering a damaged live file, killed with SIGKILL at each of its steps in turn.
import { describe, expect, it } from 'vitest'
import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Store } from '../../electron/store/store'
import { useTempDirs } from '../support/tempDir'
import { caseIds, runWriter, seeded, useWriter } from './harness'

describe('crash test: SIGKILL in the middle of writes', () => {
  const tempDir = useTempDirs()
  useWriter(import.meta.url)

  it('a start recovering a damaged live file, killed at each of its steps in turn (and again in the repeat): the next start finishes it; never a new installation, the damaged file never lost', async () => {
    const seed = await seeded(tempDir)
    // The live file damaged (a power cut mid-write of another tool, say) with saves in the journal.
    const liveFile = join(seed.dir, 'complaint-desk.json')
    const live = await readFile(liveFile)
    const damagedLive = live.subarray(0, Math.floor(live.length / 2))
    await writeFile(liveFile, damagedLive)
    const journal = Buffer.from('{"n":999999,"core":"what the damaged file had in its journal"}\n')
    await writeFile(join(seed.dir, 'complaint-desk.journal'), journal)
    let steps = 0
    for (let k = 1; ; k++) {
      const dir = await tempDir()
      await cp(seed.dir, dir, { recursive: true })
      const first = await runWriter([dir, 'recover', String(k)])
      // A start that repeats the recovery is killed at the same step count too.
      if (first.killed) await runWriter([dir, 'recover', String(k)])
      const store = await Store.open(dir)
      expect(store.state).toBe('ok')
      expect(store.recovery).toMatchObject({ backup: seed.backup })
      // The backup's 300 saves, not an empty new installation.
      const ids = await caseIds(store)
      expect(seed.acknowledged.slice(0, 300).filter((id) => !ids.has(id))).toEqual([])
      // The damaged file and its journal, byte for byte, once each.
      expect(await readFile(store.recovery!.damagedFile!)).toEqual(damagedLive)
      const names = await readdir(dir)
      expect(names.filter((n) => n.startsWith('complaint-desk.damaged.'))).toHaveLength(1)
      const journalAside = names.filter((n) => n.startsWith('complaint-desk.journal.damaged.'))
      expect(journalAside).toHaveLength(1)
      expect(await readFile(join(dir, journalAside[0]))).toEqual(journal)
      expect(names).not.toContain('complaint-desk.recovery.json')
      expect((await store.verifyAudit()).ok).toBe(true)
      await store.close()
      if (!first.killed) {
        steps = Number(first.out.at(-1)!.split(' ')[1])
        break
      }
    }
    expect(steps).toBeGreaterThan(5) // it was killed at every one of them
  }, 900_000)
})
