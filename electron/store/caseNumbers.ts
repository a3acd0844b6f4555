import { readFile } from 'node:fs/promises'
import { AppendLog } from './appendLog'
import { writeFileDurable } from './durableFile'

export const NUMBERS_FILE_NAME = 'complaint-desk.numbers.jsonl'
/** Days kept in the file: a number is only ever issued for the current day. */
const KEEP_DAYS = 62
/** The file is rewritten (to KEEP_DAYS lines) at open once it has grown past this. */
const REWRITE_AT_BYTES = 64 * 1024

/**
 * The per-day high-water mark of case numbers issued (issue 15 point 8), in a file of its own
 * beside the lock, outside everything a restore, a recovery or a lost journal rolls back.
 * A save that issues a number appends `{"day","n"}` here, fsynced, before its journal line:
 * a number on a receipt is always at or below the mark, and the store starts every update
 * from the mark (WritePath.update), so no number is issued twice.
 */
export class CaseNumberMark {
  private constructor(
    private readonly marks: Map<string, number>,
    private readonly log: AppendLog | null,
  ) {}

  /** Reads the mark; `writable: false` (a read-only store) reads it without opening it for writing. */
  static async open(file: string, writable = true): Promise<CaseNumberMark> {
    const text = await readFile(file, 'utf8').catch(() => '')
    const marks = new Map<string, number>()
    // Whole lines only; a torn or damaged line is skipped (the live counters still count).
    for (const line of text.split('\n')) {
      try {
        const { day, n } = JSON.parse(line) as { day: unknown; n: unknown }
        if (typeof day === 'string' && Number.isInteger(n) && (n as number) > (marks.get(day) ?? 0))
          marks.set(day, n as number)
      } catch {
        /* a torn last line, or damage: skipped */
      }
    }
    if (!writable) return new CaseNumberMark(marks, null)
    const rewrite = Buffer.byteLength(text) > REWRITE_AT_BYTES || marks.size > KEEP_DAYS
    if (rewrite) {
      const recent = [...marks.keys()].sort().slice(-KEEP_DAYS)
      await writeFileDurable(file, recent.map((day) => `${JSON.stringify({ day, n: marks.get(day) })}\n`).join(''))
    }
    // New lines go after the last whole one (a torn tail is cut off).
    const valid = rewrite ? undefined : Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1))
    return new CaseNumberMark(marks, await AppendLog.open(file, valid))
  }

  /** `counters` raised to the mark (a copy, or `counters` itself when nothing is below it). */
  raise(counters: Readonly<Record<string, number>>): Record<string, number> {
    let raised: Record<string, number> | null = null
    for (const [day, n] of this.marks) if (n > (counters[day] ?? 0)) (raised ??= { ...counters })[day] = n
    return raised ?? (counters as Record<string, number>)
  }

  /** Records, durably, every day whose counter went past the mark (before the save is acknowledged). */
  async note(counters: Readonly<Record<string, number>>): Promise<void> {
    const above = Object.entries(counters).filter(([day, n]) => n > (this.marks.get(day) ?? 0))
    if (above.length === 0 || !this.log) return
    await this.log.append(above.map(([day, n]) => JSON.stringify({ day, n })))
    for (const [day, n] of above) this.marks.set(day, n)
  }

  close(): Promise<void> {
    return this.log?.close() ?? Promise.resolve()
  }
}
