// Issue 14: damaged or missing data with no usable backup was a dead end. Starting afresh sets
// all of this app's data aside whole (nothing deleted, Electron's own files untouched) and opens
// a new installation; refused whenever the data can still be read or put back.
import { describe, expect, it } from 'vitest'
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DATA_FILE_NAME, JOURNAL_FILE_NAME, Store, StoreUnavailableError } from '../../../electron/store/store'
import { makeCase } from '../../support/factories'
import { filesIn } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-23T02:00:00Z')
const now = () => NOW
const DAMAGED = '{"schemaVersion":1,"cases":[{"id":'

describe('starting afresh over unreadable data', () => {
  const tempDir = useTempDirs()

  /** A damaged live file beside a journal, an archive month, evidence, a draft, a damaged backup, and Electron's own files. */
  async function damagedFolder() {
    const dir = await tempDir()
    await writeFile(join(dir, DATA_FILE_NAME), DAMAGED)
    await writeFile(join(dir, JOURNAL_FILE_NAME), '{"n":1}\n')
    await writeFile(join(dir, 'complaint-desk.audit.jsonl'), '{"seq":1}\n')
    for (const [folder, name, text] of [
      ['archive', 'cases-2026-09.json', '{"cases":[]}'],
      ['evidence', 'ab12.jpg', 'jpeg bytes'],
      ['drafts', 'c0ffee.json', '{"values":{}}'],
      ['backups', 'complaint-desk.daily.2026-11-22T08-00-00-000Z.json', 'not json'],
      ['Local Storage', 'leveldb.log', 'chromium'],
    ]) {
      await mkdir(join(dir, folder), { recursive: true })
      await writeFile(join(dir, folder, name), text)
    }
    await writeFile(join(dir, 'Preferences'), '{"electron":true}')
    return dir
  }

  it('moves every file of ours, unchanged, into set-aside.<time>; Electron’s files stay; a new installation opens', async () => {
    const dir = await damagedFolder()
    const before = await filesIn(dir)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('corrupt')

    const setAside = await store.startAfresh()
    expect(setAside).toEqual({
      folder: join(dir, 'set-aside.2026-11-23T02-00-00-000Z'),
      reason: expect.stringContaining('invalid JSON'),
      at: NOW.toISOString(),
    })
    expect(store.state).toBe('ok')
    expect(store.setAside).toEqual(setAside)
    await store.update((d) => void d.cases.push(makeCase({ customerName: '新数据' })))
    await store.close()

    const after = await filesIn(dir)
    const prefix = 'set-aside.2026-11-23T02-00-00-000Z/'
    for (const [path, bytes] of before) {
      const ours = path.startsWith('complaint-desk.') || /^(archive|evidence|drafts|backups)\//.test(path)
      expect(after.get(ours ? prefix + path : path), path).toBe(bytes)
    }
    expect(after.get('Preferences')).toBe(before.get('Preferences'))
    expect(after.get('Local Storage/leveldb.log')).toBe(before.get('Local Storage/leveldb.log'))

    // The next start reads the new data, and still says where the old went.
    const again = await Store.open(dir, { now })
    expect(again.state).toBe('ok')
    expect(again.data.cases.map((c) => c.customerName)).toEqual(['新数据'])
    expect(again.data.branch).toBeNull()
    expect(again.setAside).toEqual(setAside)
    await again.acknowledgeRecovery()
    expect(again.setAside).toBeNull()
    await again.close()
  })

  it('works for missing data with no usable backup', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, JOURNAL_FILE_NAME), '{"n":1}\n')
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('missing')
    expect(store.missing?.backup).toBeNull()
    const { folder, reason } = await store.startAfresh()
    expect(reason).toBe('missing')
    expect(await readFile(join(folder, JOURNAL_FILE_NAME), 'utf8')).toBe('{"n":1}\n')
    expect(store.state).toBe('ok')
    await store.close()
  })

  it('is refused while the data can be read, or a backup can be put back', async () => {
    const ok = await Store.open(await tempDir(), { now })
    await expect(ok.startAfresh()).rejects.toBeInstanceOf(StoreUnavailableError)
    await ok.close()

    // Missing data with a usable backup: that backup is offered, never passed by.
    const dir = await tempDir()
    const first = await Store.open(dir, { now })
    await first.update((d) => void d.cases.push(makeCase()))
    await first.backup('manual', NOW)
    await first.close()
    await unlink(join(dir, DATA_FILE_NAME))
    const missing = await Store.open(dir, { now })
    expect(missing.state).toBe('missing')
    const before = await filesIn(dir)
    await expect(missing.startAfresh()).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(await filesIn(dir)).toEqual(before)
    await missing.close()
  })

  it('is refused when a usable backup turned up after the start; nothing is moved', async () => {
    const source = await tempDir()
    const good = await Store.open(source, { now })
    const name = await good.backup('manual', NOW)
    await good.close()

    const dir = await tempDir()
    await writeFile(join(dir, DATA_FILE_NAME), DAMAGED)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('corrupt')
    await mkdir(join(dir, 'backups'))
    await writeFile(join(dir, 'backups', name), await readFile(join(source, 'backups', name)))
    await expect(store.startAfresh()).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(DAMAGED)
    expect((await readdir(dir)).some((n) => n.startsWith('set-aside.'))).toBe(false)
    await store.close()
  })
})
