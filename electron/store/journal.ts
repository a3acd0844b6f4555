import { DamagedLogError, readLog, type LogContent } from './appendLog'
import { JournalRecord } from './schema'
import { describeIssue } from './zodIssue'

/** A journal line that is whole JSON but not a record the app writes: damage, like a bad line before the last. */
export class DamagedRecordError extends DamagedLogError {
  constructor(
    file: string,
    line: number,
    readonly reason: string,
  ) {
    super(file, line)
    this.message = `${file}: line ${line} is damaged (${reason})`
  }
}

/**
 * Every whole record of the journal, each parsed with the JournalRecord schema (never cast).
 * A torn last line is left out as readLog does; a record that does not parse is damage.
 */
export async function readJournal(file: string): Promise<LogContent<JournalRecord>> {
  const log = await readLog<unknown>(file)
  const records = log.records.map((raw, i) => {
    const parsed = JournalRecord.safeParse(raw)
    // readLog keeps every whole line before a torn one, so record i is line i + 1.
    if (!parsed.success) throw new DamagedRecordError(file, i + 1, describeIssue(parsed.error))
    return parsed.data
  })
  return { ...log, records }
}
