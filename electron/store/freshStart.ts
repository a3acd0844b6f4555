import { mkdir, readdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { ARCHIVE_DIR } from './archive'
import { BACKUP_DIR, backupStamp } from './backups'
import { DIR_MODE, fsyncDir } from './durableFile'
import { EVIDENCE_DIR } from './evidence'
import { LOCK_FILE_NAME } from './lockFile'
import { DATA_FILE_NAME } from './writePath'

/** Intake drafts, one file per member of staff (services/drafts.ts): never part of a case, a backup or the audit trail. */
export const DRAFTS_DIR = 'drafts'

/** The folders of ours a data folder holds beside the `complaint-desk.*` files. */
const OUR_FOLDERS = [ARCHIVE_DIR, EVIDENCE_DIR, BACKUP_DIR, DRAFTS_DIR]

/** Where a fresh start put what it could not read: the data folder's `set-aside.<time>`. */
export const SET_ASIDE_PREFIX = 'set-aside.'

/**
 * Moves all of this app's data in `dir` (never Electron's own files, which share the folder)
 * into a new folder `set-aside.<time>` beside it, whole and unchanged: nothing is deleted. The
 * live file goes last, so a start stopped half-way still finds damaged data and may be asked
 * again (the rest then goes to a second folder). Returns the folder.
 */
export async function setAllAside(dir: string, now: Date): Promise<string> {
  const folder = join(dir, `${SET_ASIDE_PREFIX}${backupStamp(now)}`)
  await mkdir(folder, { recursive: true, mode: DIR_MODE })
  const names = (await readdir(dir)).filter(
    (n) => (n.startsWith('complaint-desk.') && n !== LOCK_FILE_NAME) || OUR_FOLDERS.includes(n),
  )
  names.sort((a, b) => Number(a === DATA_FILE_NAME) - Number(b === DATA_FILE_NAME))
  for (const name of names) await rename(join(dir, name), join(folder, name))
  await fsyncDir(folder)
  await fsyncDir(dir)
  return folder
}
