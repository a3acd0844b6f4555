// Issue 15, point 5: damage in the middle of the journal keeps the live file and every record
// before the damage; the rest is set aside under a name that says when and why, and the
// notice says which saves could not be read, until a manager acknowledges it.
import { describe, expect, it } from 'vitest'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DATA_FILE_NAME, JOURNAL_FILE_NAME, Store } from '../../../electron/store/store'
import { appendAudit } from '../../../electron/services/context'
import { makeCase } from '../../support/factories'
import { crashCopy } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW
const by = { id: 's1', name: '李娜' }

const names = (store: Store) => store.data.cases.map((c) => c.customerName)
const add = (store: Store, name: string) =>
  store.update((d) => {
    d.cases.push(makeCase({ customerName: name }))
    appendAudit(d, { at: NOW.toISOString(), by, action: 'case.created', target: name })
  })

describe('damage in the middle of the journal (issue 15, point 5)', () => {
  const tempDir = useTempDirs()

  /**
   * A data folder as a crash left it: '甲' folded into the live file (and in a backup), then
   * 乙 丙 丁 戊 in the journal, one line each; `damage` rewrites the journal's lines.
   */
  async function crashedWith(damage: (lines: string[]) => string[]) {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await add(store, '甲')
    await store.backup('daily', NOW)
    for (const name of ['乙', '丙', '丁', '戊']) await add(store, name)
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    const journalFile = join(crashed, JOURNAL_FILE_NAME)
    const lines = (await readFile(journalFile, 'utf8')).split('\n').slice(0, -1)
    expect(lines).toHaveLength(4)
    const damaged = `${damage(lines).join('\n')}\n`
    await writeFile(journalFile, damaged)
    const live = await readFile(join(crashed, DATA_FILE_NAME), 'utf8')
    return { dir: crashed, damaged, live }
  }

  it('keeps the live file and the saves before the damage, sets the rest aside and says which saves', async () => {
    const { dir, damaged } = await crashedWith((lines) => [
      lines[0],
      lines[1].replace('"n":', '"n":xx'),
      ...lines.slice(2),
    ])
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    expect(store.recovery).toBeNull() // no backup was put back
    expect(names(store)).toEqual(['甲', '乙'])
    const firstLine = Buffer.byteLength(damaged.split('\n')[0]) + 1
    expect(store.unreadSaves).toEqual([
      expect.objectContaining({ line: 2, saves: 3, fromByte: firstLine, toByte: Buffer.byteLength(damaged) }),
    ])
    // The unread part, byte for byte, under a name that says when and why.
    const aside = store.unreadSaves[0].file
    expect(aside).toMatch(/complaint-desk\.journal\.unreadable-from-line-2\.2026-11-22T02-00-00-000Z$/)
    expect(await readFile(aside)).toEqual(Buffer.from(damaged).subarray(firstLine))
    // Saving goes on; what was kept and what is new are there after a restart, and the notice too.
    await add(store, '己')
    expect((await store.verifyAudit()).ok).toBe(true)
    await store.close()
    const again = await Store.open(dir, { now })
    expect(names(again)).toEqual(['甲', '乙', '己'])
    expect(again.unreadSaves).toHaveLength(1)
    // Until it is acknowledged.
    await again.acknowledgeRecovery()
    expect(again.unreadSaves).toEqual([])
    await again.close()
    const third = await Store.open(dir, { now })
    expect(third.unreadSaves).toEqual([])
    expect(await readFile(aside)).toEqual(Buffer.from(damaged).subarray(firstLine)) // never removed
    await third.close()
  })

  it.each([
    ['a line of null in the middle', (l: string[]) => [l[0], 'null', ...l.slice(1)], 2, 4],
    ['a line of null at the end', (l: string[]) => [...l, 'null'], 5, 1],
    ['a whole line that is JSON but not a record', (l: string[]) => [l[0], l[1], '{"n":"three"}', ...l.slice(2)], 3, 3],
    ['a broken first line', (l: string[]) => ['{"n":1,"cases":[', ...l.slice(1)], 1, 4],
  ])('%s: the start does not crash; what comes before is kept', async (_label, damage, line, saves) => {
    const { dir } = await crashedWith(damage)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    expect(store.recovery).toBeNull()
    expect(store.unreadSaves).toEqual([expect.objectContaining({ line, saves })])
    expect(names(store)).toEqual(['甲', '乙', '丙', '丁', '戊'].slice(0, line))
    await add(store, '己')
    await store.close()
  })

  it('a crash after setting aside, before the journal was cut back: the next start sets the same part aside once', async () => {
    const { dir, damaged, live } = await crashedWith((lines) => [lines[0], 'null', ...lines.slice(1)])
    const first = await Store.open(dir, { now })
    const aside = first.unreadSaves[0].file
    const unread = await readFile(aside)
    await first.close()
    // The journal and the live file as they were before the first start cut and folded them.
    await writeFile(join(dir, JOURNAL_FILE_NAME), damaged)
    await writeFile(join(dir, DATA_FILE_NAME), live)
    const second = await Store.open(dir, { now: () => new Date('2026-11-22T03:00:00Z') })
    expect(names(second)).toEqual(['甲', '乙'])
    const setAside = (await readdir(dir)).filter((f) => f.startsWith('complaint-desk.journal.unreadable'))
    expect(setAside).toEqual([aside.split('/').at(-1)])
    expect(await readFile(aside)).toEqual(unread)
    expect(second.unreadSaves).toHaveLength(1)
    await second.close()
  })
})
