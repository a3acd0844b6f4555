import { describe, expect, it } from 'vitest'
import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Store } from '../../../electron/store/store'
import { JOURNAL_MARK_FILE_NAME, readJournalMark } from '../../../electron/store/journalMark'
import { makeCase } from '../../support/factories'
import { crashCopy } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW
const JOURNAL = 'complaint-desk.journal'

describe('the journal mark (issue 15: saves removed from the journal are named)', () => {
  const tempDir = useTempDirs()

  async function threeSaves(dir: string): Promise<Store> {
    const store = await Store.open(dir, { now })
    for (const id of ['c1', 'c2', 'c3']) await store.update((d) => void d.cases.push(makeCase({ id })))
    return store
  }

  it('follows every acknowledged save', async () => {
    const dir = await tempDir()
    const store = await threeSaves(dir)
    expect(await readJournalMark(dir)).toBe(3)
    await store.close()
  })

  it('names the saves of a journal deleted after a crash, and claims nothing once told', async () => {
    const dir = await tempDir()
    const store = await threeSaves(dir)
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    await rm(join(crashed, JOURNAL))
    const reopened = await Store.open(crashed, { now })
    expect(reopened.unreadSaves).toHaveLength(1)
    expect(reopened.unreadSaves[0]).toMatchObject({ saves: 3, missing: { first: 1, last: 3 }, file: '' })
    await reopened.close()
    // Told once and kept until a manager acknowledges it; the mark starts again from what is there.
    const again = await Store.open(crashed, { now })
    expect(again.unreadSaves).toHaveLength(1)
    await again.close()
  })

  it('sets aside what is left of a journal cut in the middle of a line', async () => {
    const dir = await tempDir()
    const store = await threeSaves(dir)
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    const { readFile } = await import('node:fs/promises')
    const text = await readFile(join(crashed, JOURNAL), 'utf8')
    await writeFile(join(crashed, JOURNAL), text.slice(0, text.length - 40))
    const reopened = await Store.open(crashed, { now })
    expect(reopened.data.cases.map((c) => c.id)).toEqual(['c1', 'c2'])
    expect(reopened.unreadSaves[0]).toMatchObject({ saves: 1, missing: { first: 3, last: 3 } })
    expect((await readdir(crashed)).some((n) => n.startsWith(`${JOURNAL}.unreadable-from-line-`))).toBe(true)
    await reopened.close()
  })

  it('raises no alarm after a clean stop, a crash, a restore of an older backup, or a lost mark', async () => {
    const dir = await tempDir()
    const store = await threeSaves(dir)
    const backup = await store.backup('manual', NOW)
    await store.update((d) => void d.cases.push(makeCase({ id: 'c4' })))
    const crashed = await crashCopy(dir, await tempDir())
    await store.restore(backup, NOW, () => undefined)
    await store.close()
    for (const folder of [dir, crashed]) {
      const reopened = await Store.open(folder, { now })
      expect(reopened.unreadSaves).toEqual([])
      await reopened.close()
    }
    await rm(join(dir, JOURNAL_MARK_FILE_NAME))
    const withoutMark = await Store.open(dir, { now })
    expect(withoutMark.unreadSaves).toEqual([])
    await withoutMark.close()
  })
})
