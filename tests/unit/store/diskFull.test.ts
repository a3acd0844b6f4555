// Issue 15, point 1: a save that could not be written whole is refused, the journal is cut
// back to its last whole record, memory is unchanged, and saving resumes when space returns.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { open, readdir, readFile, unlink, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { JOURNAL_FILE_NAME, Store } from '../../../electron/store/store'
import { DiskFullError, isDiskFull } from '../../../electron/store/errors'
import { makeCase } from '../../support/factories'
import { fillUp, mountSmallDisk } from '../../support/smallDisk'
import { crashCopy } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const now = () => new Date('2026-11-22T02:00:00Z')
const DAY = '20261122'
// A long description makes each record larger than a 4 KiB page, so on a full tmpfs the write
// that fills the journal's last page comes back short.
const description = '客户反映电饭煲不加热，'.repeat(200)

/** Issues the next case number of the day and saves a case with it, as intake does. */
async function issue(store: Store): Promise<number> {
  return store.update((d) => {
    const n = (d.caseCounters[DAY] ?? 0) + 1
    d.caseCounters[DAY] = n
    d.cases.push(makeCase({ id: `case-n${n}`, number: `KS-${DAY}-${n}`, description }))
    return n
  })
}

const numbers = (store: Store) => store.data.cases.map((c) => Number(c.number.split('-').at(-1)))

async function wholeLines(file: string): Promise<number> {
  const text = await readFile(file, 'utf8')
  if (text === '') return 0
  expect(text.endsWith('\n')).toBe(true)
  const lines = text.slice(0, -1).split('\n')
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow()
  return lines.length
}

async function fileHandleProto(file: string): Promise<FileHandle> {
  const handle = await open(file, 'r')
  const proto = Object.getPrototypeOf(handle) as FileHandle
  await handle.close()
  return proto
}

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })

describe('a full disk (issue 15, point 1)', () => {
  const tempDir = useTempDirs()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('on a real full file system: refused saves, whole journal, every acknowledged save after a restart, no number twice', async (ctx) => {
    const disk = await mountSmallDisk(512)
    if ('skipped' in disk) {
      console.warn(`skipped: ${disk.skipped}`)
      ctx.skip()
      return
    }
    try {
      const store = await Store.open(disk.dir, { now })
      const acked: number[] = []
      for (let i = 0; i < 5; i++) acked.push(await issue(store))
      const filler = join(disk.dir, 'filler')
      fillUp(filler)
      const refused: unknown[] = []
      for (let i = 0; i < 6; i++) {
        try {
          acked.push(await issue(store))
        } catch (err) {
          refused.push(err)
        }
      }
      expect(refused.length).toBeGreaterThan(0)
      for (const err of refused) expect(err).toBeInstanceOf(DiskFullError)
      // A refused save changed nothing in memory, and the journal holds whole records only.
      expect(numbers(store)).toEqual(acked)
      expect(await wholeLines(join(disk.dir, JOURNAL_FILE_NAME))).toBe(acked.length)
      // A fold fails too, and leaves no temp file behind to hold on to what space there is.
      await expect(store.compact()).rejects.toSatisfy(isDiskFull)
      expect((await readdir(disk.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([])

      // A crash now: the next start has every acknowledged save, and the next number is new.
      const crashed = await crashCopy(disk.dir, await tempDir())
      const reopened = await Store.open(crashed, { now })
      expect(reopened.state).toBe('ok')
      expect(reopened.recovery).toBeNull()
      expect(numbers(reopened)).toEqual(acked)
      expect(await issue(reopened)).toBeGreaterThan(Math.max(...acked))
      await reopened.close()

      // Space comes back: saving resumes, and a clean restart has everything, each number once.
      await unlink(filler)
      acked.push(await issue(store))
      await store.close()
      const again = await Store.open(disk.dir, { now })
      expect(again.state).toBe('ok')
      expect(again.recovery).toBeNull()
      expect(numbers(again)).toEqual(acked)
      expect(new Set(acked).size).toBe(acked.length) // no number issued twice
      await again.close()
    } finally {
      await disk.unmount()
    }
  })

  /**
   * Makes the journal's next writes (records start with {"n":) behave as `steps` say: a number
   * writes that many bytes of the record for real, 'full' fails with ENOSPC. Other files' writes go through.
   */
  async function journalWrites(file: string, steps: (number | 'full')[]) {
    const proto = await fileHandleProto(file)
    const realWrite = proto.write as (b: Buffer, o: number, l: number) => ReturnType<FileHandle['write']>
    const writeThrough = function (this: FileHandle, buffer: Buffer, offset?: number, length?: number) {
      const from = offset ?? 0
      const size = length ?? buffer.length - from
      const isJournal = Buffer.isBuffer(buffer) && buffer.subarray(0, 5).toString() === '{"n":'
      const step = isJournal ? steps.shift() : undefined
      if (step === 'full') return Promise.reject(enospc())
      return realWrite.call(this, buffer, from, step === undefined ? size : Math.min(step, size))
    }
    return vi.spyOn(proto, 'write').mockImplementation(writeThrough as never)
  }

  it('an injected short write: refused, the journal cut back, memory unchanged, the next save goes through', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    const acked = [await issue(store), await issue(store)]
    const journal = join(dir, JOURNAL_FILE_NAME)
    const before = await readFile(journal, 'utf8')
    // Half the record goes to disk, then the disk is full.
    const write = await journalWrites(journal, [1000, 'full'])
    await expect(issue(store)).rejects.toBeInstanceOf(DiskFullError)
    write.mockRestore()
    expect(await readFile(journal, 'utf8')).toBe(before)
    expect(numbers(store)).toEqual(acked)
    acked.push(await issue(store))
    expect(acked[2]).toBeGreaterThan(acked[1])
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    const reopened = await Store.open(crashed, { now })
    expect(reopened.recovery).toBeNull()
    expect(numbers(reopened)).toEqual(acked)
    await reopened.close()
  })

  it('a write that goes nowhere (0 bytes) is refused rather than retried for ever', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await issue(store)
    const journal = join(dir, JOURNAL_FILE_NAME)
    const before = await readFile(journal, 'utf8')
    const write = await journalWrites(journal, [0, 0, 0, 0, 0])
    await expect(issue(store)).rejects.toBeInstanceOf(DiskFullError)
    write.mockRestore()
    expect(await readFile(journal, 'utf8')).toBe(before)
    expect(await issue(store)).toBeGreaterThan(1)
    await store.close()
  })

  it('when cutting the journal back fails too, the next save cuts it back before it appends', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    const acked = [await issue(store)]
    const journal = join(dir, JOURNAL_FILE_NAME)
    const before = await readFile(journal, 'utf8')
    const write = await journalWrites(journal, [10, 'full'])
    const proto = await fileHandleProto(journal)
    const truncate = vi.spyOn(proto, 'truncate').mockRejectedValueOnce(Object.assign(new Error('EIO'), { code: 'EIO' }))
    await expect(issue(store)).rejects.toBeInstanceOf(DiskFullError)
    write.mockRestore()
    truncate.mockRestore()
    // The torn bytes are still there; the next save cuts them off first.
    expect((await readFile(journal, 'utf8')).length).toBeGreaterThan(before.length)
    acked.push(await issue(store))
    expect(await wholeLines(journal)).toBe(2)
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    const reopened = await Store.open(crashed, { now })
    expect(reopened.recovery).toBeNull()
    expect(numbers(reopened)).toEqual(acked)
    await reopened.close()
  })
})
