import { closeSync, fstatSync, fsyncSync, openSync, readSync, writeSync } from 'node:fs'
import { open, readFile, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurable } from './durableFile'

export const OUTBOX_FILE_NAME = 'complaint-desk.outbox.jsonl'
export const OUTBOX_MARK_FILE_NAME = 'complaint-desk.outbox.pushed'

/** One acknowledged change of a case, to be pushed to head office: the case id and its version. */
export interface OutboxEntry {
  id: string
  v: number
}

/** What is waiting to be pushed: the entries after the pushed mark, and the byte each one ends at. */
export interface OutboxPending {
  entries: { entry: OutboxEntry; end: number }[]
  /** Where the pushed mark stands now (bytes into the outbox). */
  from: number
}

interface Mark {
  /** Bytes of the outbox already pushed. */
  offset: number
  /** The highest version ever given out (versions never go back, even after the outbox is emptied). */
  v: number
}

/**
 * The branch's outbox for head office (docs/architecture.md, "Head office sync"): one JSON
 * line `{ id, v }` per case a save changed, appended right after the save's journal line is
 * fsynced. The append has no fsync of its own (it would double the cost of a save): after a
 * crash the outbox can only lag behind the journal, and the store puts back the cases of every
 * journal record it replays at start (`requeue`). Before a fold empties the journal the outbox
 * is fsynced, so every acknowledged change is always on disk in the journal or in the outbox.
 *
 * Versions are `max(last + 1, now in ms)`: strictly increasing per branch, and still above
 * what head office holds if the outbox file were lost (the clock has moved on).
 * The pushed mark (`complaint-desk.outbox.pushed`) is written durably after head office
 * committed a batch; a crash before it replays that batch, which head office ignores
 * (an upsert never takes a version it already has).
 */
export class Outbox {
  private fd: number | null = null
  private size = 0
  private last = 0
  private mark: Mark = { offset: 0, v: 0 }
  private dirty = false
  private unwritten: Buffer = Buffer.alloc(0)
  /** pendingCount's memo: `n` whole lines in bytes [from, to) of the outbox. */
  private counted = { from: 0, to: 0, n: 0 }

  private constructor(
    private readonly dir: string,
    private readonly now: () => Date,
  ) {}

  get file(): string {
    return join(this.dir, OUTBOX_FILE_NAME)
  }

  private get markFile(): string {
    return join(this.dir, OUTBOX_MARK_FILE_NAME)
  }

  static async open(dir: string, now: () => Date): Promise<Outbox> {
    const box = new Outbox(dir, now)
    box.mark = await readMark(box.markFile)
    const { size, valid, last } = await readTail(box.file)
    box.last = Math.max(last, box.mark.v)
    // A torn last line (a crash mid-append) was never more than a hint: the journal has the save.
    if (valid < size) await truncate(box.file, valid)
    box.fd = openSync(box.file, 'a', 0o600)
    box.size = fstatSync(box.fd).size
    if (box.mark.offset > box.size) box.mark = { offset: 0, v: box.last } // emptied after the mark was reset
    return box
  }

  /**
   * Queues the given cases (changed by a save just acknowledged). No fsync: see the class
   * comment. Never throws (the save is acknowledged already): bytes a full disk refused are
   * kept and written before anything else, and sync() fails until they are.
   */
  append(ids: Iterable<string>): void {
    if (this.fd === null) return
    let text = ''
    for (const id of ids) {
      this.last = Math.max(this.last + 1, this.now().getTime())
      text += `${JSON.stringify({ id, v: this.last })}\n`
    }
    if (text === '') return
    this.unwritten = Buffer.concat([this.unwritten, Buffer.from(text)])
    try {
      this.writeUnwritten()
    } catch {
      // kept in `unwritten`: the next append or sync() tries again
    }
  }

  private writeUnwritten(): void {
    while (this.unwritten.length > 0 && this.fd !== null) {
      const n = writeSync(this.fd, this.unwritten, 0, this.unwritten.length)
      this.size += n
      this.unwritten = this.unwritten.subarray(n)
      this.dirty = true
    }
  }

  /** Makes every entry appended so far durable (before a fold empties the journal, and at close). */
  sync(): void {
    this.writeUnwritten()
    if (this.fd !== null && this.dirty) fsyncSync(this.fd)
    this.dirty = false
  }

  /** Entries not yet pushed (after byte `after`, if past the mark), at most `max` of them, read in chunks. */
  pending(max = Infinity, after = 0): OutboxPending {
    const from = Math.max(this.mark.offset, after)
    const entries: OutboxPending['entries'] = []
    this.scan(from, (line, end) => {
      const entry = parseEntry(line)
      if (entry) entries.push({ entry, end })
      return entries.length < max
    })
    return { entries, from }
  }

  /**
   * How many entries wait (lines after the mark, not parsed). Counted once, then only over the
   * bytes appended or pushed since: the worker asks after every batch, and a first push of a
   * large backlog would otherwise read the whole rest of the outbox each time.
   */
  pendingCount(): number {
    const c = this.counted
    // The mark outside what was counted, or the file emptied since: count afresh.
    if (this.mark.offset < c.from || this.mark.offset > c.to || c.to > this.size)
      Object.assign(c, { from: this.mark.offset, to: this.mark.offset, n: 0 })
    c.n -= this.linesBetween(c.from, this.mark.offset).n
    c.from = this.mark.offset
    const added = this.linesBetween(c.to, this.size)
    c.n += added.n
    c.to = added.end
    return c.n
  }

  /** Whole lines starting in [from, to): how many, and the byte after the last one. */
  private linesBetween(from: number, to: number): { n: number; end: number } {
    let n = 0
    let end = from
    if (from < to)
      this.scan(from, (_line, lineEnd) => {
        if (lineEnd > to) return false
        n++
        end = lineEnd
        return true
      })
    return { n, end }
  }

  /** Calls `each` with every whole line from byte `from` (and where it ends) until it returns false. */
  private scan(from: number, each: (line: string, end: number) => boolean): void {
    if (this.fd === null || from >= this.size) return
    const fd = openSync(this.file, 'r')
    try {
      let carry = Buffer.alloc(0)
      let at = from // where `carry` starts in the file
      const chunk = Buffer.alloc(256 * 1024)
      while (at + carry.length < this.size) {
        const n = readSync(fd, chunk, 0, Math.min(chunk.length, this.size - at - carry.length), at + carry.length)
        if (n === 0) break
        const buffer = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : chunk.subarray(0, n)
        let start = 0
        for (let nl = buffer.indexOf(10, start); nl >= 0; nl = buffer.indexOf(10, start)) {
          const line = buffer.toString('utf8', start, nl)
          start = nl + 1
          if (!each(line, at + start)) return
        }
        carry = Buffer.from(buffer.subarray(start))
        at += start
      }
    } finally {
      closeSync(fd)
    }
  }

  /** Head office has everything up to byte `offset`: the mark moves there, durably. */
  async pushed(offset: number): Promise<void> {
    if (offset <= this.mark.offset) return
    this.mark = { offset: Math.min(offset, this.size), v: this.last }
    await writeFileDurable(this.markFile, `${JSON.stringify(this.mark)}\n`)
  }

  /**
   * Empties the outbox once everything in it was pushed (the store calls it in its queue, so
   * nothing is appended meanwhile). The mark goes back to 0 first: a crash in between replays
   * the old entries, which head office ignores.
   */
  async emptyIfPushed(minBytes: number): Promise<void> {
    if (this.fd === null || this.size < minBytes || this.mark.offset < this.size) return
    this.mark = { offset: 0, v: this.last }
    await writeFileDurable(this.markFile, `${JSON.stringify(this.mark)}\n`)
    closeSync(this.fd)
    await truncate(this.file, 0)
    this.fd = openSync(this.file, 'a', 0o600)
    this.size = 0
  }

  close(): void {
    if (this.fd === null) return
    this.sync()
    closeSync(this.fd)
    this.fd = null
  }
}

function parseEntry(line: string): OutboxEntry | null {
  if (line === '') return null
  try {
    const value = JSON.parse(line) as Partial<OutboxEntry>
    if (typeof value.id === 'string' && Number.isSafeInteger(value.v) && (value.v as number) > 0)
      return { id: value.id, v: value.v as number }
  } catch {
    // a damaged line: skipped (the journal or a later entry has the change)
  }
  return null
}

/**
 * Where the outbox's whole lines end, and the version on its last line that reads. Each
 * append gives a version above every earlier one, so that is the highest: the file is read
 * from its end only (at 100,000 lines, reading it all was most of a start's time).
 */
async function readTail(file: string): Promise<{ size: number; valid: number; last: number }> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  if (!handle) return { size: 0, valid: 0, last: 0 }
  try {
    const { size } = await handle.stat()
    let valid = -1
    for (let window = 64 * 1024; ; window *= 4) {
      const from = Math.max(0, size - window)
      const chunk = Buffer.alloc(size - from)
      await handle.read(chunk, 0, chunk.length, from)
      let end = chunk.lastIndexOf(0x0a)
      if (valid < 0 && end >= 0) valid = from + end + 1
      // Whole lines, last first; one that may begin before this window waits for a wider one.
      while (end >= 0) {
        const start = end === 0 ? 0 : chunk.lastIndexOf(0x0a, end - 1) + 1
        if (start === 0 && from > 0) break
        const entry = parseEntry(chunk.toString('utf8', start, end))
        if (entry) return { size, valid, last: entry.v }
        end = start - 1
      }
      if (from === 0) return { size, valid: Math.max(valid, 0), last: 0 }
    }
  } finally {
    await handle.close()
  }
}

async function readMark(file: string): Promise<Mark> {
  const text = await readFile(file, 'utf8').catch(() => null)
  if (text === null) return { offset: 0, v: 0 }
  try {
    const value = JSON.parse(text) as Partial<Mark>
    if (Number.isSafeInteger(value.offset) && Number.isSafeInteger(value.v))
      return { offset: Math.max(0, value.offset!), v: Math.max(0, value.v!) }
  } catch {
    // unreadable: start from 0 (everything is pushed again; head office ignores what it has)
  }
  return { offset: 0, v: 0 }
}
