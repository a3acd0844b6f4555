import { describe, expect, it } from 'vitest'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DATA_FILE_NAME, Store, StoreUnavailableError } from '../../../electron/store/store'
import { listBackups } from '../../../electron/store/backups'
import { useTempDirs } from '../../support/tempDir'

const day = (d: number, h = 9) => new Date(Date.UTC(2026, 10, d, h))

async function storeWithBranch(dir: string, name = '静安寺店') {
  const store = await Store.open(dir, { now: () => day(20) })
  await store.update((d) => {
    d.branch = { name, code: 'SH01' }
  })
  return store
}

describe('backups', () => {
  const tempDir = useTempDirs()

  it('takes one daily backup on the first start of a day and keeps only the newest N', async () => {
    const dir = await tempDir()
    const store = await storeWithBranch(dir)
    expect(await store.dailyBackup(day(20))).toMatch(/^complaint-desk\.daily\./)
    expect(await store.dailyBackup(day(20, 15))).toBeNull() // same day: nothing new
    for (let d = 21; d <= 25; d++) await store.dailyBackup(day(d), 3)
    const daily = (await listBackups(dir)).filter((b) => b.label === 'daily')
    expect(daily.map((b) => b.takenAt.slice(0, 10))).toEqual(['2026-11-25', '2026-11-24', '2026-11-23'])
    await store.close()
  })

  it('restores a backup after backing up the current data first', async () => {
    const dir = await tempDir()
    const store = await storeWithBranch(dir, '旧名字')
    const name = await store.backup('manual', day(20, 10))
    await store.update((d) => {
      d.branch = { name: '新名字', code: 'SH01' }
    })
    await store.restore(name, day(20, 11), (d) => (d.caseCounters.restored = 1))
    expect(store.data.branch?.name).toBe('旧名字')
    expect(store.data.caseCounters).toEqual({ restored: 1 })
    const preRestore = (await listBackups(dir)).find((b) => b.label === 'pre-restore')!
    expect(JSON.parse(await readFile(join(dir, 'backups', preRestore.name), 'utf8')).branch.name).toBe('新名字')
    expect(JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).branch.name).toBe('旧名字')
    await store.close()
  })

  it('refuses to restore a damaged backup and changes nothing', async () => {
    const dir = await tempDir()
    const store = await storeWithBranch(dir)
    const name = await store.backup('manual', day(20, 10))
    await writeFile(join(dir, 'backups', name), '{"schemaVersion": 2, "cases": [')
    const before = await readFile(join(dir, DATA_FILE_NAME), 'utf8')
    await expect(store.restore(name, day(20, 11), () => undefined)).rejects.toThrow(/cannot be used/)
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(before)
    await store.close()
  })
})

describe('recovery at start', () => {
  const tempDir = useTempDirs()

  async function damagedWithBackup(damage: (text: string) => string) {
    const dir = await tempDir()
    const store = await storeWithBranch(dir, '备份时的名字')
    const backup = await store.backup('daily', day(20, 10))
    await store.update((d) => {
      d.branch = { name: '备份后的修改', code: 'SH01' }
    })
    await store.close()
    const damaged = damage(await readFile(join(dir, DATA_FILE_NAME), 'utf8'))
    await writeFile(join(dir, DATA_FILE_NAME), damaged)
    return { dir, backup, damaged }
  }

  it.each([
    ['invalid JSON', (t: string) => t.replace('{', '{{')],
    ['a truncated file (power cut)', (t: string) => t.slice(0, Math.floor(t.length / 2))],
    ['a failed schema check', () => JSON.stringify({ schemaVersion: 2, cases: 'lost' })],
    ['an empty file', () => ''],
  ])('moves %s aside, restores the newest usable backup and says what is missing', async (_label, damage) => {
    const { dir, backup, damaged } = await damagedWithBackup(damage)
    const store = await Store.open(dir, { now: () => day(21) })
    expect(store.state).toBe('ok')
    expect(store.data.branch?.name).toBe('备份时的名字')
    expect(store.recovery).toMatchObject({ backup, backupTakenAt: '2026-11-20T10:00:00.000Z' })
    // The damaged file is kept, byte for byte, beside the restored one.
    expect(await readFile(store.recovery!.damagedFile!, 'utf8')).toBe(damaged)
    expect((await readdir(dir)).filter((f) => f.startsWith('complaint-desk.damaged.'))).toHaveLength(1)
    await store.update((d) => void (d.caseCounters.after = 1))
    await store.close()
  })

  it('skips damaged backups and uses the newest good one', async () => {
    const { dir } = await damagedWithBackup((t) => t.slice(0, 10))
    await writeFile(join(dir, 'backups', 'complaint-desk.daily.2026-11-21T08-00-00-000Z.json'), 'not json')
    const store = await Store.open(dir, { now: () => day(21) })
    expect(store.recovery?.backup).toMatch(/2026-11-20T10/)
    await store.close()
  })

  it('with no usable backup: refuses to write and leaves the damaged file in place', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, DATA_FILE_NAME), '{"broken"')
    const store = await Store.open(dir)
    expect(store.state).toBe('corrupt')
    await expect(store.update(() => undefined)).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe('{"broken"')
    await store.close()
  })
})
