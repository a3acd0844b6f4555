import { afterEach, describe, expect, it, vi } from 'vitest'
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makeCase } from '../../support/factories'
import { useTempDirs } from '../../support/tempDir'

// Every file read, to show which ones listing the backups opens.
const reads: string[] = []
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    readFile: vi.fn((path: Parameters<typeof real.readFile>[0], ...rest: [never]) => {
      reads.push(String(path))
      return real.readFile(path, ...rest)
    }),
  }
})

const { DATA_FILE_NAME, Store } = await import('../../../electron/store/store')

const START = new Date(Date.UTC(2026, 10, 1, 8))
const day = (d: number) => new Date(START.getTime() + d * 86_400_000)
const isBackupFile = (path: string) => /backups\/complaint-desk\.[^/]*\.json$/.test(path)

async function storeWithCases(dir: string, n: number) {
  const store = await Store.open(dir, { now: () => START })
  await store.update((d) => void d.cases.push(...Array.from({ length: n }, () => makeCase())))
  return store
}

async function indexRows(dir: string): Promise<{ name: string }[]> {
  return JSON.parse(await readFile(join(dir, 'backups', 'index.json'), 'utf8')).backups
}

describe('backups listed from backups/index.json', () => {
  const tempDir = useTempDirs()
  afterEach(() => void (reads.length = 0))

  it('lists 14 backups without reading any of them, even one grown huge and unreadable', async () => {
    const dir = await tempDir()
    const store = await storeWithCases(dir, 3)
    for (let d = 0; d < 14; d++) await store.dailyBackup(day(d))
    const [newest] = await store.listBackups()
    // A body no parser could take, and large: listing must not notice.
    await writeFile(join(dir, 'backups', newest.name), `{${'x'.repeat(20_000_000)}`)
    reads.length = 0
    const listed = await store.listBackups()
    expect(listed).toHaveLength(14)
    expect(listed.every((b) => b.usable && b.cases === 3 && b.checked === undefined)).toBe(true)
    expect(listed[0]).toMatchObject({ name: newest.name, label: 'daily', takenAt: day(13).toISOString() })
    expect(reads.filter(isBackupFile)).toEqual([])
    expect(reads.map((p) => p.split('/').pop())).toEqual(['index.json'])
    // The restore still reads the chosen backup whole and refuses it.
    await expect(store.restore(newest.name, day(14), () => undefined)).rejects.toThrow(/cannot be used/)
    await store.close()
  })

  it('a backup the index does not describe (crash before its row) is still listed, unchecked, then checked', async () => {
    const dir = await tempDir()
    const store = await storeWithCases(dir, 2)
    const first = await store.backup('manual', day(1))
    await store.close()
    // What a crash right after the backup file was written leaves: the file, no row for it.
    const orphan = 'complaint-desk.daily.2026-11-03T08-00-00-000Z.json'
    await copyFile(join(dir, DATA_FILE_NAME), join(dir, 'backups', orphan))
    expect((await indexRows(dir)).map((r) => r.name)).toEqual([first])

    const reopened = await Store.open(dir, { now: () => day(3) })
    reads.length = 0
    const listed = await reopened.listBackups()
    expect(listed.map((b) => [b.name, b.checked])).toEqual([
      [orphan, false],
      [first, undefined],
    ])
    expect(reads.filter(isBackupFile)).toEqual([]) // listed by its name and size only
    // Then it is checked in the background (read whole, as a restore would) and gets its row.
    await vi.waitFor(async () => expect((await reopened.listBackups())[0].checked).toBeUndefined())
    expect((await reopened.listBackups())[0]).toEqual({
      name: orphan,
      label: 'daily',
      takenAt: '2026-11-03T08:00:00.000Z',
      size: (await readFile(join(dir, 'backups', orphan))).length,
      cases: 2,
      usable: true,
      liveCases: 2,
      archivedCases: 0,
      months: [],
    })
    await reopened.close()
  })

  it('a damaged index lists every backup unchecked, and is rebuilt; a damaged unindexed backup is marked unusable', async () => {
    const dir = await tempDir()
    const store = await storeWithCases(dir, 1)
    const good = await store.backup('manual', day(1))
    const bad = await store.backup('manual', day(2))
    await writeFile(join(dir, 'backups', 'index.json'), '{"backups": [')
    await writeFile(join(dir, 'backups', bad), 'not json')
    expect((await store.listBackups()).map((b) => b.checked)).toEqual([false, false])
    await vi.waitFor(async () =>
      expect((await store.listBackups()).map((b) => b.checked)).toEqual([undefined, undefined]),
    )
    const after = await store.listBackups()
    expect(after.map((b) => [b.name, b.usable, b.cases, b.checked])).toEqual([
      [bad, false, 0, undefined],
      [good, true, 1, undefined],
    ])
    await store.close()
  })

  it('pruning removes the pruned backups rows from the index', async () => {
    const dir = await tempDir()
    const store = await storeWithCases(dir, 1)
    const manual = await store.backup('manual', day(0))
    for (let d = 1; d <= 5; d++) await store.dailyBackup(day(d), 2)
    const files = (await readdir(join(dir, 'backups'))).filter((f) => f.endsWith('.json') && f !== 'index.json')
    const rows = (await indexRows(dir)).map((r) => r.name)
    expect(rows.sort()).toEqual(files.sort())
    expect(rows).toHaveLength(3)
    expect(rows).toContain(manual)
    await store.close()
  })

  it('a listing asked for while a backup is being taken waits for it and shows it whole', async () => {
    const dir = await tempDir()
    const store = await storeWithCases(dir, 4)
    const taking = store.backup('manual', day(1))
    const listed = await store.listBackups()
    expect(listed).toEqual([expect.objectContaining({ name: await taking, usable: true, cases: 4 })])
    await store.close()
  })
})
