// Issue 15 point 6: a backup is offered only when it is complete (its JSON and its archive
// folder), the list says what each holds, and a restore refuses an incomplete one.
import { describe, expect, it, vi } from 'vitest'
import { readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Case } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { makeCase } from '../../support/factories'
import { useTempDirs } from '../../support/tempDir'
import { crashCopy } from '../../support/storeFiles'

// A seam on link(): the backup links the archive's month files; a test makes it fail midway.
const failLink = vi.hoisted(() => ({ after: Infinity, count: (): number => 0 }))
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  let links = 0
  failLink.count = () => links
  const fail = () => Promise.reject(Object.assign(new Error('EIO: link failed'), { code: 'EIO' }))
  return {
    ...real,
    // A link that fails is tried as a copy: both fail past the limit.
    link: vi.fn((from: string, to: string) => (++links > failLink.after ? fail() : real.link(from, to))),
    copyFile: vi.fn((from: string, to: string) => (links > failLink.after ? fail() : real.copyFile(from, to))),
  }
})

const { Store } = await import('../../../electron/store/store')
const { BackupUnusableError } = await import('../../../electron/store/errors')

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW
const at = (min: number) => new Date(NOW.getTime() + min * 60_000)

function closedCase(closedAt: string): Case {
  return makeCase({ status: 'closed', receivedAt: closedAt, workflow: { ...emptyWorkflow(), closedAt } })
}

/** 3 live cases and 4 archived ones in two months (closed long ago), folded. */
async function storeWithArchive(dir: string) {
  const store = await Store.open(dir, { now })
  await store.update((d) => {
    d.cases.push(makeCase(), makeCase(), makeCase())
    d.cases.push(closedCase('2026-08-03T02:00:00Z'), closedCase('2026-08-04T02:00:00Z'))
    d.cases.push(closedCase('2026-09-03T02:00:00Z'), closedCase('2026-09-04T02:00:00Z'))
  })
  await store.compact()
  expect((await store.archived()).size).toBe(4)
  return store
}

describe('backups are offered only when complete (issue 15 #6)', () => {
  const tempDir = useTempDirs()

  it('the list says what each backup holds: live cases, archived cases, months', async () => {
    const dir = await tempDir()
    const store = await storeWithArchive(dir)
    const name = await store.backup('manual', at(1))
    const [row] = (await store.listBackups()).filter((b) => b.name === name)
    expect(row).toMatchObject({
      usable: true,
      cases: 7,
      liveCases: 3,
      archivedCases: 4,
      months: ['2026-08', '2026-09'],
    })
    await store.close()
  })

  it('a backup whose archive folder is missing (interrupted after its JSON, by an older version) is not offered, and a restore refuses it with nothing changed', async () => {
    const dir = await tempDir()
    const store = await storeWithArchive(dir)
    const name = await store.backup('manual', at(1))
    await store.close()
    await rm(join(dir, 'backups', name.replace(/\.json$/, '.archive')), { recursive: true })
    await rm(join(dir, 'backups', 'index.json')) // listed unchecked, then checked as a restore would
    const reopened = await Store.open(dir, { now: () => at(2) })
    await vi.waitFor(async () => {
      const row = (await reopened.listBackups()).find((b) => b.name === name)!
      expect(row.checked).toBeUndefined()
      expect(row.usable).toBe(false)
    })
    const err = await reopened.restore(name, at(3), () => undefined).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(BackupUnusableError)
    expect((err as Error).message).toMatch(/incomplete/)
    expect((await reopened.archived()).size).toBe(4)
    expect(reopened.data.cases).toHaveLength(3)
    await reopened.close()
  })

  it('a restore refuses a backup listed usable whose archive folder went missing since', async () => {
    const dir = await tempDir()
    const store = await storeWithArchive(dir)
    const name = await store.backup('manual', at(1))
    await rm(join(dir, 'backups', name.replace(/\.json$/, '.archive')), { recursive: true })
    await expect(store.restore(name, at(2), () => undefined)).rejects.toThrow(/incomplete/)
    expect((await store.archived()).size).toBe(4)
    await store.close()
  })

  it('a backup that fails while linking the archive leaves no backup offered, and the next one cleans up', async () => {
    const dir = await tempDir()
    const store = await storeWithArchive(dir)
    const before = await store.listBackups()
    failLink.after = 1
    await expect(store.backup('manual', at(1))).rejects.toThrow(/link failed/)
    failLink.after = Infinity
    expect(await store.listBackups()).toEqual(before)
    const name = await store.backup('manual', at(2))
    const files = await readdir(join(dir, 'backups'))
    expect(files.filter((f) => !f.startsWith('complaint-desk.daily'))).toEqual(
      [name, name.replace(/\.json$/, '.archive'), 'index.json'].sort(),
    )
    await store.close()
  })

  it('a restore that fails halfway (the archive half replaced) is undone at the next start: every save is there, and the user is told', async () => {
    const dir = await tempDir()
    const store = await storeWithArchive(dir)
    const older = await store.backup('manual', at(1))
    await store.update((d) => void d.cases.push(makeCase({ id: 'after-backup' })))
    // The pre-restore backup links 6 month files; the restore fails while linking the backup's.
    failLink.after = failLink.count() + 6 + 2
    await expect(store.restore(older, at(2), () => undefined)).rejects.toThrow(/link failed/)
    failLink.after = Infinity
    const crashed = await crashCopy(dir, await tempDir())
    await store.close().catch(() => undefined)
    const reopened = await Store.open(crashed, { now: () => at(3) })
    expect(reopened.state).toBe('ok')
    expect(reopened.data.cases.map((c) => c.id)).toContain('after-backup')
    expect((await reopened.archived()).size).toBe(4)
    expect(reopened.notices).toEqual([
      { key: 'restoreUndone', params: { backup: expect.stringContaining('pre-restore') } },
    ])
    await reopened.close()
  })
})
