import { readdir, readFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { readLog, type LogContent, type LogDamage } from './appendLog'
import { backupStamp } from './backups'
import { writeFileDurable } from './durableFile'
import { JournalRecord } from './schema'
import { describeIssue } from './zodIssue'

/**
 * Every whole record of the journal up to the first line that cannot be read, each parsed
 * with the JournalRecord schema (never cast). A torn last line is left out as readLog does;
 * a line that is not a record (not JSON before the last line, `null`, another shape) is
 * where the readable journal ends: `damage` says where, and what follows is never replayed.
 */
export function readJournal(file: string): Promise<LogContent<JournalRecord>> {
  return readLog<JournalRecord>(file, (raw) => {
    const parsed = JournalRecord.safeParse(raw)
    return parsed.success ? { value: parsed.data } : { reason: describeIssue(parsed.error) }
  })
}

/**
 * Copies the journal from its damage to its end, byte for byte, to a file beside it named
 * with the first unreadable line and the time (`complaint-desk.journal.unreadable-from-line-
 * <n>.<time>`), durably; returns its path. The same bytes set aside already (a start that
 * stopped before the journal was cut back) are not copied twice.
 */
export async function setJournalTailAside(file: string, damage: LogDamage, now: Date): Promise<string> {
  const tail = (await readFile(file)).subarray(damage.fromByte, damage.toByte)
  const dir = dirname(file)
  const prefix = `${basename(file)}.unreadable-from-line-${damage.line}.`
  for (const name of await readdir(dir)) {
    if (!name.startsWith(prefix)) continue
    const earlier = await readFile(join(dir, name)).catch(() => null)
    if (earlier?.equals(tail)) return join(dir, name)
  }
  const aside = join(dir, `${prefix}${backupStamp(now)}`)
  await writeFileDurable(aside, tail)
  return aside
}
