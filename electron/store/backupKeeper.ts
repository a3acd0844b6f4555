import { readFile, rm, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import type { Draft, Snapshot } from './schema'
import type { StorePolicy } from './policy'
import { writeFileDurable } from './durableFile'
import { ARCHIVE_DIR, linkArchive } from './archive'
import {
  addToIndex,
  archiveFolder,
  readBackup,
  type BackupContents,
  checkBackup,
  listBackups,
  pruneBackups,
  takeBackup,
  usableBackup,
  type BackupInfo,
} from './backups'

/** What the backups need of the store: its files, its write queue, a fold and a put-back. */
export interface BackupHost {
  readonly dir: string
  readonly file: string
  readonly policy: StorePolicy
  writable(): boolean
  now(): Date
  /** Runs a task in turn with every other write. */
  serial<T>(task: () => Promise<T>): Promise<T>
  /** Folds the journal into the live file, so a copy of it is the whole live data. */
  fold(): Promise<void>
  /** Cases the live file holds and those archived (what a backup taken now holds). */
  heldCases(): BackupContents
  /** Makes a checked backup's data and archive the current ones and folds. */
  putBack(data: Snapshot, name: string): Promise<void>
  update(mutate: (draft: Draft) => void): Promise<void>
  /** update() from within a task already running in the queue. */
  updateNow(mutate: (draft: Draft) => void): Promise<void>
  assertWritable(): void
}

/** Written (durably) while a restore replaces the data; found at start, the restore is undone. */
export const RESTORE_MARKER = 'complaint-desk.restoring.json'

/**
 * At start: a restore that was interrupted (its marker is still there) is undone, so the data
 * is never half the backup's and half the current one's: the 'pre-restore' backup it took
 * first (complete: taken and fsynced before anything was replaced) is put back, its archive
 * folder and live file, and the journal emptied (it held nothing but the restore's own
 * entry). Each step can be repeated; the marker goes last. Returns the backup put back, or
 * null when no restore was interrupted.
 */
export async function undoInterruptedRestore(files: {
  dir: string
  file: string
  journalFile: string
}): Promise<string | null> {
  const { dir } = files
  const marker = join(dir, RESTORE_MARKER)
  const text = await readFile(marker, 'utf8').catch(() => null)
  if (text === null) return null
  const { preRestore } = JSON.parse(text) as { preRestore: string }
  const live = await readBackup(dir, preRestore)
  await rm(join(dir, ARCHIVE_DIR), { recursive: true, force: true })
  await linkArchive(archiveFolder(dir, preRestore), join(dir, ARCHIVE_DIR))
  await writeFileDurable(files.journalFile, '')
  await writeFileDurable(files.file, live)
  await unlink(marker)
  return preRestore
}

/**
 * The store's backups (docs/architecture.md, "Data"): taken in turn with saves, listed from
 * the backup index, the daily one when the policy says so, and restores. Files and the index
 * are backups.ts's; what is due and how many are kept is the policy's.
 */
export class BackupKeeper {
  /** Backups found unindexed whose check is queued. */
  private readonly checking = new Set<string>()

  constructor(private readonly store: BackupHost) {}

  /** Copies the live data (journal folded in) and links the archive into backups/. */
  async backup(label: string, now: Date): Promise<string> {
    return (await this.store.serial(() => this.take(label, now))).name
  }

  private async take(label: string, now: Date): Promise<BackupInfo> {
    const { dir, file } = this.store
    // A copy of a file the store could not read is not described in the index: it stays unchecked.
    if (!this.store.writable()) return takeBackup(dir, file, label, now, null)
    await this.store.fold()
    return takeBackup(dir, file, label, now, this.store.heldCases())
  }

  /**
   * The backups, newest first, from the backup index (no backup is read), in turn with
   * writes so a backup being taken is listed whole or not at all. Files the index does not
   * describe are listed unchecked, and checked in the background for the next listing.
   */
  async list(): Promise<BackupInfo[]> {
    const { dir } = this.store
    const list = await this.store.serial(() => listBackups(dir))
    const unchecked = list.filter((b) => b.checked === false && !this.checking.has(b.name))
    for (const b of unchecked) this.checking.add(b.name)
    // Checked one by one in the queue, after the caller has this answer (so saves interleave).
    if (unchecked.length > 0) setImmediate(() => unchecked.forEach((b) => this.check(b)))
    return list
  }

  /** Reads an unindexed backup whole, as a restore would, and adds its row to the index. */
  private check(b: BackupInfo): void {
    const { dir } = this.store
    void this.store
      .serial(async () => {
        if (this.store.writable()) await addToIndex(dir, await checkBackup(dir, b, this.store.now()))
      })
      .catch(() => undefined) // removed meanwhile, or unreadable: it stays unchecked
      .finally(() => this.checking.delete(b.name))
  }

  /** Takes the daily backup when the policy says it is due; keeps the newest `keep` daily ones. */
  async daily(now: Date, keep = this.store.policy.keep): Promise<string | null> {
    if (!this.store.writable()) return null
    const daily = (await this.list()).filter((b) => b.label === 'daily')
    if (!this.store.policy.dailyBackupDue(daily, now)) return null
    return this.store.serial(async () => {
      const { name } = await this.take('daily', now)
      await pruneBackups(this.store.dir, 'daily', keep)
      return name
    })
  }

  /**
   * Puts a backup back: it is read and checked whole first (its archive folder included), the
   * current data is backed up ('pre-restore'), then the backup's live data and archive replace
   * the current ones and `afterwards` is saved, all in one turn of the queue (no save falls in
   * between to be lost). A marker file brackets the replacing: a crash before it is gone is
   * undone at the next start (undoInterruptedRestore). The audit trail is not rolled back: it
   * keeps everything, including the restore.
   */
  async restore(name: string, now: Date, afterwards: (data: Draft) => void): Promise<void> {
    this.store.assertWritable()
    const data = await usableBackup(this.store.dir, name, now)
    const marker = join(this.store.dir, RESTORE_MARKER)
    await this.store.serial(async () => {
      const { name: preRestore } = await this.take('pre-restore', now)
      await writeFileDurable(marker, JSON.stringify({ backup: name, preRestore }))
      await this.store.putBack(data, name)
      await this.store.updateNow(afterwards)
      await unlink(marker)
    })
  }
}
