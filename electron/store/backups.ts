import { mkdir, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { DIR_MODE, fsyncDir, writeFileDurable } from './durableFile'
import { ARCHIVE_DIR, archiveMonthsIn, linkArchive } from './archive'
import { interpret } from './snapshot'
import { EVIDENCE_DIR, linkEvidence } from './evidence'
import { BackupUnusableError } from './errors'
import type { Snapshot } from './schema'
import { readBackupIndex, updateBackupIndex, type BackupIndexRow } from './backupIndex'

export const BACKUP_DIR = 'backups'
/** complaint-desk.<label>.<ISO time with - for : and .>.json */
const NAME = /^complaint-desk\.([a-z0-9-]+)\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.json$/

/** A backup as listed: from the backup index, or `checked: false` for a file the index does not describe yet. */
export interface BackupInfo extends BackupIndexRow {
  /** false: found on disk but not in the index, so not read; `usable` and `cases` are not known yet. */
  checked?: false
}

/** A backup file's name, label and time, from its name alone. */
interface BackupFile {
  name: string
  label: string
  takenAt: string
}

export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

function parseStamp(stamp: string): string {
  const [date, time] = stamp.split('T')
  const [h, m, s, ms] = time.replace('Z', '').split('-')
  return `${date}T${h}:${m}:${s}.${ms}Z`
}

const folderOf = (dir: string) => join(dir, BACKUP_DIR)

/** The backup files in `dir`, newest first, known by name only (files that are not ours are ignored). */
export async function backupFiles(dir: string): Promise<BackupFile[]> {
  const names = await readdir(folderOf(dir)).catch(() => [] as string[])
  return names
    .flatMap((name) => {
      const m = NAME.exec(name)
      return m ? [{ name, label: m[1], takenAt: parseStamp(m[2]) }] : []
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
}

/**
 * The backups in `dir`, newest first, described by the backup index: no backup is read to
 * list them. A file the index does not describe is listed unchecked (its size only).
 */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const [files, index] = await Promise.all([backupFiles(dir), readBackupIndex(folderOf(dir))])
  return Promise.all(
    files.map(async (file): Promise<BackupInfo> => {
      const row = index.get(file.name)
      if (row) return row
      const { size } = await stat(backupPath(dir, file.name))
      return { ...file, size, cases: 0, usable: true, checked: false }
    }),
  )
}

export function backupPath(dir: string, name: string): string {
  if (!NAME.test(name)) throw new RangeError(`not a backup name: ${name}`)
  return join(folderOf(dir), name)
}

/** The folder beside a backup that holds its evidence files (hard links; none before any was attached). */
export function evidenceFolder(dir: string, name: string): string {
  return backupPath(dir, name).replace(/\.json$/, '.evidence')
}

/** The folder beside a backup that holds its archive (hard links to the month files). */
export function archiveFolder(dir: string, name: string): string {
  return backupPath(dir, name).replace(/\.json$/, '.archive')
}

export async function readBackup(dir: string, name: string): Promise<string> {
  return readFile(backupPath(dir, name), 'utf8')
}

/** An incomplete backup: its archive folder (or a month in it) is missing. */
export class BackupIncompleteError extends BackupUnusableError {}

/**
 * Reads a backup whole and checks it as a restore would, its archive folder included;
 * throws BackupUnusableError (BackupIncompleteError: incomplete) when it cannot be put back.
 */
export async function usableBackup(dir: string, name: string, now: Date): Promise<Snapshot> {
  const found = interpret(await readBackup(dir, name), now)
  if (found.kind !== 'ok')
    throw new BackupUnusableError(
      `backup ${name} cannot be used: ${found.kind === 'corrupt' ? found.reason : 'too new'}`,
    )
  const missing = await missingFromArchive(dir, name, found.data)
  if (missing) throw new BackupIncompleteError(`backup ${name} is incomplete: ${missing}`)
  return found.data
}

/** What a backup's archive folder lacks for its live file (null: nothing), from a listing only. */
async function missingFromArchive(dir: string, name: string, data: Snapshot): Promise<string | null> {
  const months = await archiveMonthsIn(archiveFolder(dir, name))
  if (months === null) return data.archivedCases > 0 ? 'its archive folder is missing' : null
  if (data.archivedCases > 0 && months.length === 0) return 'its archive folder is empty'
  const gone = Object.entries(data.archiveMonths ?? {}).filter(([m, n]) => n > 0 && !months.includes(m))
  if (gone.length > 0) return `its archive lacks ${gone.map(([m]) => m).join(', ')}`
  return null
}

/** A backup's index row, from reading it whole (for a file the index did not describe). */
export async function checkBackup(dir: string, file: BackupFile, now: Date): Promise<BackupIndexRow> {
  const text = await readBackup(dir, file.name)
  const found = interpret(text, now)
  if (found.kind !== 'ok') return { ...file, size: Buffer.byteLength(text), cases: 0, usable: false }
  const { cases, archivedCases } = found.data
  const usable = (await missingFromArchive(dir, file.name, found.data)) === null
  const months = (await archiveMonthsIn(archiveFolder(dir, file.name))) ?? []
  return {
    ...file,
    size: Buffer.byteLength(text),
    cases: cases.length + archivedCases,
    usable,
    liveCases: cases.length,
    archivedCases,
    months,
  }
}

/** What the live file given to takeBackup holds (null: a file the store could not read). */
export interface BackupContents {
  liveCases: number
  archivedCases: number
}

const PARTIAL = '.partial'

/**
 * Takes a backup so that it is listed whole or not at all (issue 15 point 6): the archive's
 * month files are hard-linked into a folder under a temp name, fsynced, renamed into place;
 * then the live file's copy is written (temp, fsync, rename): its JSON, the name a backup is
 * known by, comes last. Then its row goes into the index. A crash before the JSON leaves no
 * backup, only leftovers that the next backup removes. `contents` is what the copied file
 * holds, known to the caller because it has just written or checked that file.
 */
export async function takeBackup(
  dir: string,
  liveFile: string,
  label: string,
  now: Date,
  contents: BackupContents | null,
): Promise<BackupInfo> {
  await mkdir(folderOf(dir), { recursive: true, mode: DIR_MODE })
  await removeLeftovers(dir)
  const name = `complaint-desk.${label}.${backupStamp(now)}.json`
  const text = await readFile(liveFile)
  const archive = archiveFolder(dir, name)
  const partial = `${archive}${PARTIAL}`
  await rm(partial, { recursive: true, force: true })
  await linkArchive(join(dir, ARCHIVE_DIR), partial)
  await fsyncDir(partial)
  await rm(archive, { recursive: true, force: true })
  await rename(partial, archive)
  // The evidence files the cases name, linked the same way (they are never written in place).
  const evidence = evidenceFolder(dir, name)
  const evidencePartial = `${evidence}${PARTIAL}`
  await rm(evidencePartial, { recursive: true, force: true })
  if ((await linkEvidence(join(dir, EVIDENCE_DIR), evidencePartial)) > 0) {
    await rm(evidence, { recursive: true, force: true })
    await rename(evidencePartial, evidence)
    await fsyncDir(folderOf(dir))
  }
  await writeFileDurable(backupPath(dir, name), text)
  const info = { name, label, takenAt: now.toISOString(), size: text.length }
  // A copy of a file the store could not read is not described: it stays unchecked.
  if (contents === null) return { ...info, cases: 0, usable: true, checked: false }
  const months = (await archiveMonthsIn(archive)) ?? []
  const row = { ...info, cases: contents.liveCases + contents.archivedCases, usable: true, ...contents, months }
  await addToIndex(dir, row)
  return row
}

/** What an interrupted backup left: a temp archive folder, or an archive folder whose JSON never came. */
async function removeLeftovers(dir: string): Promise<void> {
  const names = await readdir(folderOf(dir)).catch(() => [] as string[])
  const present = new Set(names)
  for (const n of names) {
    const folder = /\.(archive|evidence)$/.exec(n)
    const orphan = folder !== null && !present.has(n.replace(/\.(archive|evidence)$/, '.json'))
    if (n.endsWith(`.archive${PARTIAL}`) || n.endsWith(`.evidence${PARTIAL}`) || orphan)
      await rm(join(folderOf(dir), n), { recursive: true, force: true })
  }
}

export async function addToIndex(dir: string, row: BackupIndexRow): Promise<void> {
  const present = (await backupFiles(dir)).map((f) => f.name)
  await updateBackupIndex(folderOf(dir), present, { add: [row] })
}

/** Keeps the newest `keep` backups of `label`; older ones of that label are removed, then their rows. */
export async function pruneBackups(dir: string, label: string, keep: number): Promise<string[]> {
  const files = await backupFiles(dir)
  const old = files.filter((b) => b.label === label).slice(keep)
  if (old.length === 0) return []
  await Promise.all(
    old.map(async (b) => {
      await rm(archiveFolder(dir, b.name), { recursive: true, force: true })
      await rm(evidenceFolder(dir, b.name), { recursive: true, force: true })
      await unlink(backupPath(dir, b.name))
    }),
  )
  const removed = old.map((b) => b.name)
  const present = files.map((f) => f.name).filter((n) => !removed.includes(n))
  await updateBackupIndex(folderOf(dir), present, { remove: removed })
  return removed
}
