// Issue 15, point 16: what a start tidies and checks in the data folder.
import { describe, expect, it } from 'vitest'
import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Store } from '../../../electron/store/store'
import { useTempDirs } from '../../support/tempDir'

const now = () => new Date('2026-11-22T02:00:00Z')

describe('temp files left by killed writes (issue 15, point 16)', () => {
  const tempDir = useTempDirs()

  it('are removed at start: ours only, in the data folder, the archive and backups', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await store.backup('manual', now())
    await store.close()
    await mkdir(join(dir, 'archive'), { recursive: true })
    const ours = [
      '.complaint-desk.json.4242.tmp',
      '.complaint-desk.audit.jsonl.17.tmp',
      'archive/.cases-2026-10.json.4242.tmp',
      'archive/.index-2026-10.json.4242.tmp',
      'archive/.text-2026-10.txt.4242.tmp',
      'backups/.complaint-desk.daily.2026-11-21T02-00-00-000Z.json.4242.tmp',
      'backups/.index.json.4242.tmp',
    ]
    const notOurs = [
      '.notes.txt.4242.tmp', // not a file of ours
      'complaint-desk.json.4242.tmp', // not our naming (no leading dot)
      '.complaint-desk.json.tmp', // no pid
      'archive/.photo.jpg.4242.tmp',
      'my.tmp',
    ]
    for (const name of [...ours, ...notOurs]) await writeFile(join(dir, name), 'half a write')
    const reopened = await Store.open(dir, { now })
    const left = [
      ...(await readdir(dir)),
      ...(await readdir(join(dir, 'archive'))).map((n) => `archive/${n}`),
      ...(await readdir(join(dir, 'backups'))).map((n) => `backups/${n}`),
    ]
    for (const name of ours) expect(left).not.toContain(name)
    for (const name of notOurs) expect(left).toContain(name)
    await reopened.close()
  })

  it('are left alone by an instance that did not get the lock', async () => {
    const dir = await tempDir()
    const first = await Store.open(dir, { now })
    await writeFile(join(dir, '.complaint-desk.json.4242.tmp'), 'half a write')
    const second = await Store.open(dir, { now })
    expect(second.state).toBe('locked')
    expect(await readdir(dir)).toContain('.complaint-desk.json.4242.tmp')
    await second.close()
    await first.close()
  })
})
