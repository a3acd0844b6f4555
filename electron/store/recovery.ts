import { readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
import { JOURNAL_MARK_FILE_NAME, readJournalMark } from './journalMark'
import { OUTBOX_FILE_NAME } from './outbox'
import { SEAL_SUFFIX } from './liveSeal'
import { LOCK_FILE_NAME } from './lockFile'
import { join } from 'node:path'
import { ARCHIVE_DIR, linkArchive } from './archive'
import { EVIDENCE_DIR, evidenceIn, linkEvidence } from './evidence'
import {
  archiveFolder,
  evidenceFolder,
  BACKUP_DIR,
  backupFiles,
  backupStamp,
  readBackup,
  usableBackup,
} from './backups'
import { fsyncDir, writeFileDurable } from './durableFile'
import type { Snapshot } from './schema'

/** What happened when a damaged file was found at start (or none, beside earlier data) and a backup put back. */
export interface Recovery {
  reason: string
  /** The damaged live file, copied aside as it was; null when there was no live file (issue 15, point 3). */
  damagedFile: string | null
  backup: string
  backupTakenAt: string
}

/** A recovery under way: written before its first step, removed after its last (issue 15, point 2). */
export const RECOVERY_FILE_NAME = 'complaint-desk.recovery.json'

/** What a recovery is to do, decided once: every repeat of it does the same, to the same names. */
export interface RecoveryPlan {
  reason: string
  /** Names everything set aside (the time the recovery started). */
  stamp: string
  backup: string
  backupTakenAt: string
  /** 'missing': there is no live file, only earlier data beside where it should be. */
  live?: 'damaged' | 'missing'
}

interface Files {
  dir: string
  file: string
  journalFile: string
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

/** A recovery a start did not finish (its plan), or null. */
export async function unfinishedRecovery(dir: string): Promise<RecoveryPlan | null> {
  const text = await readFile(join(dir, RECOVERY_FILE_NAME), 'utf8').catch(() => null)
  if (text === null) return null
  try {
    const plan = JSON.parse(text) as Partial<RecoveryPlan> | null
    if (typeof plan?.stamp === 'string' && typeof plan.backup === 'string') return plan as RecoveryPlan
  } catch {
    /* never written half (temp file, rename): someone else's edit; the start decides afresh */
  }
  return null
}

/**
 * Plans a recovery from the newest usable backup and writes the plan, durably, before any
 * file is touched. Null, and nothing written, when no backup can be used.
 */
export async function planRecovery(
  dir: string,
  now: Date,
  reason: string,
  live: 'damaged' | 'missing' = 'damaged',
): Promise<RecoveryPlan | null> {
  const backup = await newestUsableBackup(dir, now)
  if (!backup) return null
  const plan = { reason, stamp: backupStamp(now), backup: backup.name, backupTakenAt: backup.takenAt, live }
  await writeFileDurable(join(dir, RECOVERY_FILE_NAME), JSON.stringify(plan))
  return plan
}

/**
 * Carries out a planned recovery. Each step can be stopped anywhere (a kill, a full disk) and
 * the next start, finding the plan, runs them all again: a step already done is skipped or
 * done again to the same result, and nothing is ever lost on the way.
 * 1. The damaged live file is copied aside as it is (`complaint-desk.damaged.<time>.json`);
 *    it stays in place until step 4 replaces it. (None when it is missing: then what is set
 *    aside below is named `…without-live-file.<time>`.)
 * 2. The journal (its saves belong to the damaged file) is copied aside, then emptied.
 * 3. The archive folder is moved aside whole (once), and the backup's linked in its place.
 * 4. The backup's live file replaces the damaged one (temp file, fsync, rename).
 * The caller writes the notice, then removes the plan (finishRecovery).
 */
export async function runRecovery(files: Files, plan: RecoveryPlan): Promise<Recovery> {
  const { dir, file, journalFile } = files
  const missing = plan.live === 'missing'
  const why = missing ? 'without-live-file' : 'damaged'
  const damagedFile = missing ? null : join(dir, `complaint-desk.damaged.${plan.stamp}.json`)
  if (damagedFile) await copyAside(file, damagedFile)
  if ((await stat(journalFile).catch(() => null))?.size) {
    await copyAside(journalFile, join(dir, `complaint-desk.journal.${why}.${plan.stamp}`))
    await writeFileDurable(journalFile, '')
  }
  const archive = join(dir, ARCHIVE_DIR)
  const archiveAside = join(dir, `archive.${why}.${plan.stamp}`)
  if ((await exists(archive)) && !(await exists(archiveAside))) {
    await rename(archive, archiveAside)
    await fsyncDir(dir)
  }
  await linkArchive(archiveFolder(dir, plan.backup), archive)
  await fsyncDir(archive)
  // Evidence is only ever added: what the backup holds and the folder lacks is linked back.
  await linkEvidence(evidenceFolder(dir, plan.backup), join(dir, EVIDENCE_DIR))
  await writeFileDurable(file, await readBackup(dir, plan.backup))
  return { reason: plan.reason, damagedFile, backup: plan.backup, backupTakenAt: plan.backupTakenAt }
}

/** The recovery is done and its notice written: the plan goes. */
export async function finishRecovery(dir: string): Promise<void> {
  await unlink(join(dir, RECOVERY_FILE_NAME)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err
  })
  await fsyncDir(dir)
}

/** Copies `from` to `to` whole (temp file, fsync, rename), unless `to` is there already: then it was copied whole before. */
async function copyAside(from: string, to: string): Promise<void> {
  if (await exists(to)) return
  const bytes = await readFile(from).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null
    throw err
  })
  if (bytes !== null) await writeFileDurable(to, bytes)
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

/** One kind of earlier data found in a data folder that has no live file. */
export interface FoundData {
  /** The file or folder (`archive`, `backups`). */
  name: string
  files: number
  bytes: number
}

/**
 * What of earlier data a folder without a live file holds (issue 15, point 3): the journal,
 * the audit log, the case-number mark (once a number was issued), a notice or a recovery plan,
 * copies set aside, archived months, backups. The live file is always written first, so any
 * of these means it existed: the data is missing, and this is no new installation.
 */
export async function earlierData(dir: string): Promise<FoundData[]> {
  const found: FoundData[] = []
  const add = (name: string, sizes: number[]) => {
    if (sizes.length > 0) found.push({ name, files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) })
  }
  const sizeOf = (path: string) =>
    stat(path).then(
      (s) => (s.isFile() ? s.size : null),
      () => null,
    )
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    // The lock and the live file's seal (liveSeal.ts) say nothing of data: a seal only vouches for a file.
    if (
      !/^complaint-desk\./.test(name) ||
      [LOCK_FILE_NAME, 'complaint-desk.json', `complaint-desk.json${SEAL_SUFFIX}`].includes(name)
    )
      continue
    const size = await sizeOf(join(dir, name))
    // An empty case-number mark is opened before the live file is read; one with numbers is data.
    // So is an outbox for head office with nothing queued (outbox.ts).
    if (size === null || (name === 'complaint-desk.numbers.jsonl' && size === 0)) continue
    if (name === OUTBOX_FILE_NAME && size === 0) continue
    // A journal mark at 0 says no save was ever acknowledged; one past 0 is data.
    if (name === JOURNAL_MARK_FILE_NAME && (await readJournalMark(dir)) === 0) continue
    add(name, [size])
  }
  const archive = join(dir, ARCHIVE_DIR)
  const months = (await readdir(archive).catch(() => [] as string[])).filter((n) => /^cases-\d{4}-\d{2}\.json$/.test(n))
  add(
    ARCHIVE_DIR,
    (await Promise.all(months.map((n) => sizeOf(join(archive, n))))).filter((s) => s !== null),
  )
  const evidence = join(dir, EVIDENCE_DIR)
  const evidenceNames = (await evidenceIn(evidence)) ?? []
  add(
    EVIDENCE_DIR,
    (await Promise.all(evidenceNames.map((n) => sizeOf(join(evidence, n))))).filter((s) => s !== null),
  )
  const backups = await backupFiles(dir)
  add(
    BACKUP_DIR,
    (await Promise.all(backups.map((b) => sizeOf(join(dir, BACKUP_DIR, b.name))))).filter((s) => s !== null),
  )
  return found
}
