// Issue 15, point 3: a missing live file beside signs of earlier data is data missing, never a
// new installation: nothing is written or cut, and the newest backup can be put back.
import { JOURNAL_MARK_FILE_NAME } from '../../../electron/store/journalMark'
import { OUTBOX_FILE_NAME } from '../../../electron/store/outbox'
import { describe, expect, it } from 'vitest'
import { mkdir, readdir, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { emptyWorkflow } from '@shared/schemas/workflow'
import {
  AUDIT_FILE_NAME,
  DATA_FILE_NAME,
  JOURNAL_FILE_NAME,
  Store,
  StoreUnavailableError,
} from '../../../electron/store/store'
import { appendAudit } from '../../../electron/services/context'
import { makeCase } from '../../support/factories'
import { crashCopy, filesIn } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW
const by = { id: 's1', name: '李娜' }

describe('a missing live file (issue 15, point 3)', () => {
  const tempDir = useTempDirs()

  /** A branch with a backup, an archived case, audit entries and saves in the journal; then its live file goes. */
  async function withoutLiveFile() {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    const closedAt = '2026-09-01T08:00:00.000Z'
    await store.update((d) => {
      d.branch = { name: '静安寺店', code: 'SH01' }
      d.cases.push(makeCase({ customerName: '已归档', status: 'closed', workflow: { ...emptyWorkflow(), closedAt } }))
      d.cases.push(makeCase({ customerName: '备份里' }))
      appendAudit(d, { at: NOW.toISOString(), by, action: 'test.seeded', target: '2' })
    })
    await store.compact()
    const backup = await store.backup('daily', NOW)
    await store.update((d) => void d.cases.push(makeCase({ customerName: '备份后' })))
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    await unlink(join(crashed, DATA_FILE_NAME))
    return { dir: crashed, backup }
  }

  it('is data missing: nothing written, nothing cut, no first-run set-up; what was found is named', async () => {
    const { dir, backup } = await withoutLiveFile()
    const before = await filesIn(dir)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('missing')
    expect(store.missing?.found.map((f) => f.name)).toEqual(
      expect.arrayContaining([JOURNAL_FILE_NAME, AUDIT_FILE_NAME, 'archive', 'backups']),
    )
    expect(store.missing?.found.find((f) => f.name === JOURNAL_FILE_NAME)?.bytes).toBeGreaterThan(0)
    expect(store.missing?.backup).toEqual({ name: backup, takenAt: NOW.toISOString() })
    await expect(store.update((d) => void (d.branch = { name: '冒名', code: 'X1' }))).rejects.toBeInstanceOf(
      StoreUnavailableError,
    )
    await store.close()
    // Not a byte changed: the journal is not cut to nothing, no empty live file is made.
    expect(await filesIn(dir)).toEqual(before)
  })

  it.each([
    ['the journal', JOURNAL_FILE_NAME],
    ['the audit log', AUDIT_FILE_NAME],
    ['the archive', 'archive'],
    ['the backups', 'backups'],
    ['the journal mark (saves acknowledged)', JOURNAL_MARK_FILE_NAME],
    ['the outbox for head office', OUTBOX_FILE_NAME],
  ])('%s alone is a sign of earlier data', async (_label, kept) => {
    const { dir } = await withoutLiveFile()
    const all = [
      JOURNAL_FILE_NAME,
      AUDIT_FILE_NAME,
      'archive',
      'backups',
      'complaint-desk.numbers.jsonl',
      OUTBOX_FILE_NAME,
    ]
    for (const name of [...all, JOURNAL_MARK_FILE_NAME])
      if (name !== kept) await rm(join(dir, name), { recursive: true, force: true })
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('missing')
    expect(store.missing?.found.map((f) => f.name)).toEqual([kept])
    await store.close()
    await expect(stat(join(dir, DATA_FILE_NAME))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('an empty folder, or one with nothing of ours, is still a new installation', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'photos'))
    await writeFile(join(dir, 'readme.txt'), 'not ours')
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    expect(store.missing).toBeNull()
    await store.close()
  })

  it('the newest backup is put back on request, through the recovery path: what was there is set aside', async () => {
    const { dir, backup } = await withoutLiveFile()
    const journal = await readFile(join(dir, JOURNAL_FILE_NAME))
    const store = await Store.open(dir, { now })
    await store.restoreMissing()
    expect(store.state).toBe('ok')
    expect(store.missing).toBeNull()
    expect(store.data.branch?.name).toBe('静安寺店')
    expect(store.data.cases.map((c) => c.customerName)).toEqual(['备份里'])
    expect((await store.archived()).list().map((r) => r.customerName)).toEqual(['已归档'])
    expect(store.recovery).toMatchObject({ backup, backupTakenAt: NOW.toISOString(), damagedFile: null })
    // The journal that had no live file to go with is kept, byte for byte, under a name that says why.
    const aside = (await readdir(dir)).filter((f) => f.startsWith('complaint-desk.journal.without-live-file.'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(dir, aside[0]))).toEqual(journal)
    await store.update((d) => void d.cases.push(makeCase({ customerName: '恢复后' })))
    expect((await store.verifyAudit()).ok).toBe(true)
    await store.close()
    const again = await Store.open(dir, { now })
    expect(again.state).toBe('ok')
    expect(again.data.cases.map((c) => c.customerName)).toEqual(['备份里', '恢复后'])
    expect(again.recovery).toMatchObject({ backup }) // still said, until a manager acknowledges it
    await again.close()
  })

  it('with no usable backup: missing, nothing offered, nothing written', async () => {
    const { dir } = await withoutLiveFile()
    await rm(join(dir, 'backups'), { recursive: true })
    const before = await filesIn(dir)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('missing')
    expect(store.missing?.backup).toBeNull()
    await expect(store.restoreMissing()).rejects.toThrow()
    expect(store.state).toBe('missing')
    await store.close()
    expect(await filesIn(dir)).toEqual(before)
  })
})
