import { rename, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ARCHIVE_DIR } from './archive'
import { backupFiles, backupStamp, usableBackup } from './backups'
import type { Snapshot } from './schema'

/** What happened when a damaged file was found at start and a backup put back. */
export interface Recovery {
  reason: string
  damagedFile: string
  backup: string
  backupTakenAt: string
}

/**
 * The newest backup a restore would accept, read whole and checked (the backup index is not
 * trusted here: a file may have been damaged since it was written). Null when none is usable.
 */
export async function newestUsableBackup(
  dir: string,
  now: Date,
): Promise<{ name: string; takenAt: string; data: Snapshot } | null> {
  for (const backup of await backupFiles(dir)) {
    try {
      return { ...backup, data: await usableBackup(dir, backup.name, now) }
    } catch {
      /* damaged, unreadable or too new: try the next older one */
    }
  }
  return null
}

/**
 * Moves a damaged live file aside (never overwritten), with its journal and the archive as
 * they were, so nothing is lost before a backup is put back. Returns the damaged file's new name.
 */
export async function moveDamagedAside(dir: string, file: string, journalFile: string, now: Date): Promise<string> {
  const stamp = backupStamp(now)
  const damagedFile = join(dir, `complaint-desk.damaged.${stamp}.json`)
  await rename(file, damagedFile)
  if ((await stat(journalFile).catch(() => null))?.size)
    await rename(journalFile, join(dir, `complaint-desk.journal.damaged.${stamp}`))
  await rename(join(dir, ARCHIVE_DIR), join(dir, `archive.damaged.${stamp}`)).catch(() => undefined)
  return damagedFile
}

/**
 * At start, a damaged live file or journal is moved aside (never overwritten), with the
 * archive as it was, and the newest usable backup put back (`putBack`: its data and archive
 * become the current ones). Null, and nothing moved, when no backup can be used.
 */
export async function recoverFromBackup(
  files: { dir: string; file: string; journalFile: string },
  now: Date,
  reason: string,
  putBack: (data: Snapshot, name: string) => Promise<void>,
): Promise<Recovery | null> {
  const backup = await newestUsableBackup(files.dir, now)
  if (!backup) return null
  const damagedFile = await moveDamagedAside(files.dir, files.file, files.journalFile, now)
  await putBack(backup.data, backup.name)
  return { reason, damagedFile, backup: backup.name, backupTakenAt: backup.takenAt }
}
