import { closeSync, openSync, writeSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurable } from './durableFile'

export const JOURNAL_MARK_FILE_NAME = 'complaint-desk.journal.mark'
/** Fixed width, so each note overwrites the last in place with one small write. */
const WIDTH = 20

/**
 * The number of the last save the journal acknowledged, kept beside it (issue 15): a journal
 * removed, emptied or cut outside the app is then told apart from one with no saves yet.
 * Each save notes its number after its journal line is fsynced, without an fsync of its own:
 * after a crash the mark can only lag behind the journal, never run ahead of it, so it never
 * claims a save the journal did not acknowledge.
 */
export class JournalMark {
  private constructor(
    private readonly file: string,
    private fd: number | null,
  ) {}

  /** Sets the mark to `n` durably (at start, and when a backup's data is put back) and keeps it open. */
  static async open(dir: string, n: number): Promise<JournalMark> {
    const file = join(dir, JOURNAL_MARK_FILE_NAME)
    // Most starts find the mark where the data is: no write (a durable one costs two fsyncs).
    if ((await readJournalMark(dir)) !== n) await writeFileDurable(file, format(n))
    return new JournalMark(file, openSync(file, 'r+', 0o600))
  }

  /** The save `n` is in the journal now. */
  note(n: number): void {
    if (this.fd !== null) writeSync(this.fd, format(n), 0, 'utf8')
  }

  /** Moves the mark to `n` durably (a backup put back starts its own numbering). */
  async reset(n: number): Promise<void> {
    this.close()
    await writeFileDurable(this.file, format(n))
    this.fd = openSync(this.file, 'r+', 0o600)
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd)
    this.fd = null
  }
}

function format(n: number): string {
  return `${n}\n`.padEnd(WIDTH, ' ')
}

/** The mark found at start: null when there is none or it cannot be read (then nothing is claimed). */
export async function readJournalMark(dir: string): Promise<number | null> {
  const text = await readFile(join(dir, JOURNAL_MARK_FILE_NAME), 'utf8').catch(() => null)
  const n = text === null ? NaN : Number(text.trim())
  return Number.isSafeInteger(n) && n >= 0 ? n : null
}
