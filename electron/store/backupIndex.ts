import { join } from 'node:path'
import { Low } from 'lowdb'
import { z } from 'zod'
import { DamagedFileError, DurableJsonAdapter } from './durableJsonAdapter'

/** What the store knew of a backup when it wrote (or checked) it. */
export const BackupIndexRow = z.object({
  name: z.string(),
  label: z.string(),
  takenAt: z.string(),
  size: z.number().int().min(0),
  /** Live and archived cases in it. */
  cases: z.number().int().min(0),
  /** Whether a restore would accept it (read back and checked as a restore checks it, archive folder included). */
  usable: z.boolean(),
  /** What it holds (rows written before these were recorded have them not). */
  liveCases: z.number().int().min(0).optional(),
  archivedCases: z.number().int().min(0).optional(),
  /** The archive's months (YYYY-MM) in its archive folder. */
  months: z.array(z.string()).optional(),
})
export type BackupIndexRow = z.infer<typeof BackupIndexRow>

const IndexFile = z.object({ backups: z.array(BackupIndexRow) })
type IndexFile = z.infer<typeof IndexFile>
export const BACKUP_INDEX_FILE = 'index.json'

function indexDocument(folder: string): Low<IndexFile> {
  const file = join(folder, BACKUP_INDEX_FILE)
  return new Low(new DurableJsonAdapter(file, (text) => IndexFile.parse(JSON.parse(text))), { backups: [] })
}

/**
 * `backups/index.json`: one row per backup, so the list of backups is read from one small
 * file instead of by parsing every backup (each as large as the live file). It is only a
 * description: the backup files are the truth. A backup missing from it (a crash between
 * the backup and its row, or one from before the index) is listed as unchecked; a row
 * whose file is gone is ignored and dropped at the next write; a damaged index is empty.
 */
export async function readBackupIndex(folder: string): Promise<Map<string, BackupIndexRow>> {
  const db = indexDocument(folder)
  try {
    await db.read()
  } catch (err) {
    // Damaged, or no folder to read it from (a file named backups): described as empty.
    const code = (err as NodeJS.ErrnoException).code
    if (!(err instanceof DamagedFileError) && code !== 'ENOTDIR' && code !== 'EACCES') throw err
  }
  return new Map(db.data.backups.map((row) => [row.name, row]))
}

/** Adds `add` and removes `remove`, keeping only rows of the backups in `present` (durable write). */
export async function updateBackupIndex(
  folder: string,
  present: readonly string[],
  change: { add?: readonly BackupIndexRow[]; remove?: readonly string[] },
): Promise<void> {
  const rows = await readBackupIndex(folder)
  for (const row of change.add ?? []) rows.set(row.name, row)
  for (const name of change.remove ?? []) rows.delete(name)
  const keep = new Set(present)
  const db = indexDocument(folder)
  db.data = { backups: [...rows.values()].filter((r) => keep.has(r.name)) }
  await db.write()
}
