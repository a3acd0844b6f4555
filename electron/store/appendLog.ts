import { open, readFile, stat, truncate, type FileHandle } from 'node:fs/promises'
import { DiskFullError, isDiskFull } from './errors'
import { FILE_MODE } from './durableFile'

/**
 * A file of JSON lines that only grows. Each append is one write and one fsync: once it
 * resolves the line survives a crash or power cut. A crash mid-write can leave a torn last
 * line; it was never acknowledged, so readers drop it and the next open cuts it off.
 */
export class AppendLog {
  private constructor(
    readonly file: string,
    private handle: FileHandle,
    private bytes: number,
  ) {}

  /** A failed append may have left bytes after the last whole record that are not cut off yet. */
  private torn = false

  /** Opens `file` for appending after its first `validBytes` bytes (anything after them is a torn line). */
  static async open(file: string, validBytes?: number): Promise<AppendLog> {
    const size = await stat(file).then(
      (s) => s.size,
      () => 0,
    )
    if (validBytes !== undefined && validBytes < size) await truncate(file, validBytes)
    const handle = await open(file, 'a', FILE_MODE)
    return new AppendLog(file, handle, validBytes ?? size)
  }

  get size(): number {
    return this.bytes
  }

  /**
   * Appends the lines and fsyncs. A write can come back short (a full disk writes what fits):
   * the rest is written until all of it is there, or refused. On any failure the file is cut
   * back to its last whole record (ftruncate + fsync) before the error is thrown, so nothing
   * half-written stays in the log to sit in front of the next record; a full disk throws
   * DiskFullError. Should the cut itself fail, the next append makes it first.
   */
  async append(lines: readonly string[]): Promise<void> {
    const text = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8')
    if (this.torn) await this.cutBack()
    try {
      for (let at = 0; at < text.length;) {
        const { bytesWritten } = await this.handle.write(text, at, text.length - at)
        // Nothing written without an error: the disk takes no more.
        if (bytesWritten <= 0) throw new DiskFullError(this.file)
        at += bytesWritten
      }
      await this.handle.sync()
    } catch (err) {
      this.torn = true
      await this.cutBack().catch(() => undefined)
      throw isDiskFull(err) && !(err instanceof DiskFullError) ? new DiskFullError(this.file, err) : err
    }
    this.bytes += text.length
  }

  /** Cuts the file back to its whole records, durably. */
  private async cutBack(): Promise<void> {
    await this.handle.truncate(this.bytes)
    await this.handle.sync()
    this.torn = false
  }

  /** Empties the log (its content is safely elsewhere by now). */
  async clear(): Promise<void> {
    await this.handle.truncate(0)
    await this.handle.sync()
    this.bytes = 0
  }

  close(): Promise<void> {
    return this.handle.close()
  }
}

export interface LogContent<T> {
  records: T[]
  /** Bytes up to the end of the last whole line that could be read. */
  validBytes: number
  /** A torn (unacknowledged) last line was found and left out. */
  torn: boolean
  /** Where the log stops being readable (null: it can be read to its end, a torn last line aside). */
  damage: LogDamage | null
}

/** The first whole line of a log that cannot be read, and everything after it. */
export interface LogDamage {
  /** Its line number (1-based). */
  line: number
  /** Its bytes: from its first byte to the end of the file. */
  fromByte: number
  toByte: number
  /** Whole lines from it to the end (a torn last line, never acknowledged, not counted). */
  saves: number
  reason: string
}

export class DamagedLogError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}: line ${line} is damaged`)
  }
}

/**
 * Reads every whole line up to the first that cannot be read: one that is not JSON (before
 * the last line: a torn last line is left out), or that `parse` refuses (its reason). What
 * comes from there on is `damage`, never taken for a torn write nor read past. Each record
 * is what `parse` made of its line (the JSON as it is by default).
 */
export async function readLog<T>(
  file: string,
  parse: (value: unknown) => { value: T } | { reason: string } = (value) => ({ value: value as T }),
): Promise<LogContent<T>> {
  const buffer = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return Buffer.alloc(0)
    throw err
  })
  const records: T[] = []
  let start = 0
  let line = 0
  while (start < buffer.length) {
    const end = buffer.indexOf(0x0a, start)
    line += 1
    if (end === -1) return { records, validBytes: start, torn: true, damage: null }
    let read: { value: T } | { reason: string }
    try {
      read = parse(JSON.parse(buffer.toString('utf8', start, end)))
    } catch (err) {
      if (end === buffer.length - 1) return { records, validBytes: start, torn: true, damage: null }
      read = { reason: `not JSON (${(err as Error).message})` }
    }
    if ('reason' in read) {
      const { reason } = read
      const damage = { line, fromByte: start, toByte: buffer.length, saves: wholeLines(buffer, start), reason }
      return { records, validBytes: start, torn: false, damage }
    }
    records.push(read.value)
    start = end + 1
  }
  return { records, validBytes: start, torn: false, damage: null }
}

function wholeLines(buffer: Buffer, from: number): number {
  let lines = 0
  for (let at = buffer.indexOf(0x0a, from); at !== -1; at = buffer.indexOf(0x0a, at + 1)) lines += 1
  return lines
}

/**
 * The last whole line of a log (read from its end only) and where the whole lines stop. A
 * bad final line is a torn write and is skipped; a bad line before it is damage.
 */
export async function readLastLine<T>(file: string): Promise<{ last: T | null; validBytes: number }> {
  const handle = await open(file, 'r').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  if (!handle) return { last: null, validBytes: 0 }
  try {
    const { size } = await handle.stat()
    let end = size // lines are looked for in [0, end)
    let skippedTorn = false
    for (let window = 64 * 1024; ; window *= 4) {
      const from = Math.max(0, end - window)
      const chunk = Buffer.alloc(end - from)
      await handle.read(chunk, 0, chunk.length, from)
      const lastNewline = chunk.lastIndexOf(0x0a)
      if (lastNewline === -1) {
        if (from === 0) return { last: null, validBytes: 0 }
        continue
      }
      const previous = lastNewline === 0 ? -1 : chunk.lastIndexOf(0x0a, lastNewline - 1)
      if (previous === -1 && from > 0) continue // the line may start before this window
      try {
        return {
          last: JSON.parse(chunk.toString('utf8', previous + 1, lastNewline)) as T,
          validBytes: from + lastNewline + 1,
        }
      } catch {
        if (skippedTorn || from + lastNewline + 1 !== size) throw new DamagedLogError(file, -1)
        skippedTorn = true
        end = from + previous + 1
        window = (64 * 1024) / 4
      }
    }
  } finally {
    await handle.close()
  }
}
