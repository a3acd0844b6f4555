// Issue 15, point 2: recovery from a backup at start is a sequence that, stopped anywhere, the
// next start finishes or repeats; and what it did is said until a manager acknowledges it.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cp, open, readdir, readFile, stat, writeFile, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { DATA_FILE_NAME, JOURNAL_FILE_NAME, Store } from '../../../electron/store/store'
import { appendAudit } from '../../../electron/services/context'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { makeCase } from '../../support/factories'
import { crashCopy } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW
const by = { id: 's1', name: '李娜' }

describe('recovery from a backup at start (issue 15, point 2)', () => {
  const tempDir = useTempDirs()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  /**
   * A data folder whose live file is damaged (cut in half), with saves in its journal, an
   * archived case and a backup taken before the last saves.
   */
  async function damaged() {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    const closedAt = '2026-09-01T08:00:00.000Z'
    await store.update((d) => {
      d.branch = { name: '备份时的名字', code: 'SH01' }
      d.cases.push(makeCase({ customerName: '已归档', status: 'closed', workflow: { ...emptyWorkflow(), closedAt } }))
      d.cases.push(makeCase({ customerName: '备份里' }))
      appendAudit(d, { at: NOW.toISOString(), by, action: 'test.seeded', target: '2' })
    })
    const backup = await store.backup('daily', NOW)
    await store.update((d) => void d.cases.push(makeCase({ customerName: '备份后' })))
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    const liveFile = join(crashed, DATA_FILE_NAME)
    const text = await readFile(liveFile, 'utf8')
    const damagedText = text.slice(0, Math.floor(text.length / 2))
    await writeFile(liveFile, damagedText)
    const journal = await readFile(join(crashed, JOURNAL_FILE_NAME))
    expect(journal.length).toBeGreaterThan(0)
    return { dir: crashed, backup, damagedText, journal }
  }

  /** What every start after a recovery must find: the backup's data, the damaged file and journal kept. */
  async function expectRecovered(store: Store, seed: Awaited<ReturnType<typeof damaged>>) {
    expect(store.state).toBe('ok')
    expect(store.data.branch?.name).toBe('备份时的名字') // never a new installation
    expect(store.data.cases.map((c) => c.customerName)).toEqual(['备份里'])
    expect((await store.archived()).list().map((r) => r.customerName)).toEqual(['已归档'])
    expect(store.recovery).toMatchObject({ backup: seed.backup, backupTakenAt: NOW.toISOString() })
    expect(await readFile(store.recovery!.damagedFile!, 'utf8')).toBe(seed.damagedText)
    const names = await readdir(seed.dir)
    const journalAside = names.filter((n) => n.startsWith('complaint-desk.journal.damaged.'))
    expect(journalAside).toHaveLength(1)
    expect(await readFile(join(seed.dir, journalAside[0]))).toEqual(seed.journal)
    expect(names.filter((n) => n.startsWith('complaint-desk.damaged.'))).toHaveLength(1)
    expect((await stat(join(seed.dir, JOURNAL_FILE_NAME))).size).toBe(0)
  }

  it('the notice of a recovery stays at every start until a manager acknowledges it', async () => {
    const seed = await damaged()
    const first = await Store.open(seed.dir, { now })
    await expectRecovered(first, seed)
    await first.update((d) => void d.cases.push(makeCase({ customerName: '恢复后' })))
    await first.close()
    const second = await Store.open(seed.dir, { now })
    expect(second.recovery).toMatchObject({ backup: seed.backup })
    expect(second.data.cases.map((c) => c.customerName)).toEqual(['备份里', '恢复后'])
    await second.acknowledgeRecovery()
    expect(second.recovery).toBeNull()
    await second.close()
    const third = await Store.open(seed.dir, { now })
    expect(third.recovery).toBeNull()
    expect(
      await readFile(
        join(
          seed.dir,
          (await readdir(seed.dir)).find((n) => n.startsWith('complaint-desk.damaged.'))!,
        ),
        'utf8',
      ),
    ).toBe(seed.damagedText)
    await third.close()
  })

  it('a disk that fails at each of its fsyncs in turn: the next start finishes or repeats the recovery, never a new installation', async () => {
    const seed = await damaged()
    const handle = await open(join(seed.dir, DATA_FILE_NAME), 'r')
    const proto = Object.getPrototypeOf(handle) as FileHandle
    await handle.close()
    const realSync = proto.sync
    let failures = 0
    for (let k = 1; k < 60; k++) {
      const dir = await tempDir()
      await cp(seed.dir, dir, { recursive: true })
      let calls = 0
      let failed = false
      vi.spyOn(proto, 'sync').mockImplementation(function (this: FileHandle) {
        calls += 1
        if (calls === k) {
          failed = true
          return Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, fsync'), { code: 'ENOSPC' }))
        }
        return realSync.call(this)
      })
      const interrupted = await Store.open(dir, { now }).catch(() => null)
      await interrupted?.close()
      vi.restoreAllMocks()
      if (!failed) break
      failures += 1
      const next = await Store.open(dir, { now })
      await expectRecovered(next, { ...seed, dir })
      await next.close()
    }
    expect(failures).toBeGreaterThan(3)
  })
})
