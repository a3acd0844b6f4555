import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '../../../electron/store/schema'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { AUDIT_FILE_NAME, DATA_FILE_NAME, Store } from '../../../electron/store/store'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW
const fixture = (name: string) => readFile(new URL(`../../fixtures/migrations/${name}`, import.meta.url), 'utf8')

/** The version 1 fixture with `edit` applied. */
async function v1With(edit: (file: Record<string, unknown>) => void): Promise<string> {
  const file = JSON.parse(await fixture('v1.json'))
  edit(file)
  return JSON.stringify(file)
}

const backupFiles = async (dir: string) =>
  (await readdir(join(dir, 'backups')).catch(() => [] as string[])).filter((f) => /^complaint-desk\..*\.json$/.test(f))

describe('odd live files do not migrate (issue 15, point 4)', () => {
  const tempDir = useTempDirs()

  it.each([
    ['an empty object', async () => '{}'],
    ['a file without schemaVersion', async () => v1With((f) => delete f.schemaVersion)],
    ['a version that is text', async () => v1With((f) => (f.schemaVersion = '1'))],
    ['a version that is not a whole number', async () => v1With((f) => (f.schemaVersion = 1.5))],
    ['a negative version', async () => v1With((f) => (f.schemaVersion = -1))],
    ['version 0', async () => v1With((f) => (f.schemaVersion = 0))],
    ['a version 1 file without its audit trail', async () => v1With((f) => delete f.audit)],
    ['a version 1 file without its cases', async () => v1With((f) => delete f.cases)],
    ['a version 1 file whose case lacks what migration 2 reads', async () => v1With((f) => (f.cases = [{ id: 'x' }]))],
    ['a version 2 file without its handovers', async () => (await fixture('v2.json')).replace('"handovers":', '"x":')],
  ])('%s takes the damaged-file path: no migration, no backup, left byte for byte', async (_label, content) => {
    const dir = await tempDir()
    const text = await content()
    await writeFile(join(dir, DATA_FILE_NAME), text)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('corrupt')
    expect(store.data.appliedMigrations).toEqual([])
    expect(await backupFiles(dir)).toEqual([])
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(text)
    await store.close()
  })

  it('says why: the version, or the first place where the file is not that version', async () => {
    const open = async (text: string) => {
      const dir = await tempDir()
      await writeFile(join(dir, DATA_FILE_NAME), text)
      const store = await Store.open(dir, { now })
      await store.close()
      return store.detail
    }
    expect(await open('{}')).toMatch(/schemaVersion/)
    expect(await open(await v1With((f) => (f.schemaVersion = 2.5)))).toMatch(/schemaVersion/)
    expect(await open(await v1With((f) => delete f.caseCounters))).toMatch(/not a version 1 file \(caseCounters: /)
  })

  it('an odd file with a usable backup: moved aside and the backup put back, as for any damaged file', async () => {
    const dir = await tempDir()
    const first = await Store.open(dir, { now })
    await first.update((d) => void (d.branch = { name: '备份时的名字', code: 'SH01' }))
    const backup = await first.backup('daily', NOW)
    await first.close()
    await writeFile(join(dir, DATA_FILE_NAME), '{}')
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    expect(store.recovery).toMatchObject({ backup, reason: expect.stringMatching(/schemaVersion/) })
    expect(store.data.branch?.name).toBe('备份时的名字')
    expect(await readFile(store.recovery!.damagedFile!, 'utf8')).toBe('{}')
    await store.close()
  })

  it.each([1, 2])('a recognisable version %i file migrates, after its backup', async (version) => {
    const dir = await tempDir()
    const text = await fixture(`v${version}.json`)
    await writeFile(join(dir, DATA_FILE_NAME), text)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    expect(store.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    const backups = await backupFiles(dir)
    expect(backups).toEqual([expect.stringMatching(new RegExp(`^complaint-desk\\.v${version}\\.`))])
    expect(await readFile(join(dir, 'backups', backups[0]), 'utf8')).toBe(text)
    expect(await store.verifyAudit()).toMatchObject({ ok: true })
    await store.close()
  })
})

describe('a migration never rewrites an existing audit log', () => {
  const tempDir = useTempDirs()

  it('a non-empty audit log next to a version 2 file is kept byte for byte', async () => {
    const dir = await tempDir()
    const log = `${JSON.stringify({ seq: 1, prevHash: 'x', hash: 'y', at: 'then', by: null, action: 'kept', target: '' })}\n`
    await writeFile(join(dir, AUDIT_FILE_NAME), log)
    await writeFile(join(dir, DATA_FILE_NAME), await fixture('v2.json'))
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    expect(store.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    await store.close()
    expect(await readFile(join(dir, AUDIT_FILE_NAME), 'utf8')).toBe(log)
  })

  it('an empty one gets the trail the old file carried', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, AUDIT_FILE_NAME), '')
    await writeFile(join(dir, DATA_FILE_NAME), await fixture('v2.json'))
    const store = await Store.open(dir, { now })
    const { audit } = JSON.parse(await fixture('v2.json'))
    expect((await store.readAudit()).map((e) => e.action)).toEqual(audit.map((e: { action: string }) => e.action))
    expect(await store.verifyAudit()).toEqual({ ok: true, entries: audit.length })
    await store.close()
  })
})
