import { readdir, readFile, rm, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'

export const BACKUP_DIR = 'backups'
/** complaint-desk.<label>.<ISO time with - for : and .>.json */
const NAME = /^complaint-desk\.([a-z0-9-]+)\.(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.json$/

export interface BackupInfo {
  name: string
  label: string
  takenAt: string
  size: number
}

export function backupStamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

function parseStamp(stamp: string): string {
  const [date, time] = stamp.split('T')
  const [h, m, s, ms] = time.replace('Z', '').split('-')
  return `${date}T${h}:${m}:${s}.${ms}Z`
}

/** The backups in `dir`, newest first (files that are not ours are ignored). */
export async function listBackups(dir: string): Promise<BackupInfo[]> {
  const folder = join(dir, BACKUP_DIR)
  const names = await readdir(folder).catch(() => [] as string[])
  const infos = await Promise.all(
    names.map(async (name) => {
      const m = NAME.exec(name)
      if (!m) return null
      const { size } = await stat(join(folder, name))
      return { name, label: m[1], takenAt: parseStamp(m[2]), size }
    }),
  )
  return infos.filter((i): i is BackupInfo => i !== null).sort((a, b) => b.takenAt.localeCompare(a.takenAt))
}

export function backupPath(dir: string, name: string): string {
  if (!NAME.test(name)) throw new RangeError(`not a backup name: ${name}`)
  return join(dir, BACKUP_DIR, name)
}

/** The folder beside a backup that holds its archive (hard links to the month files). */
export function archiveFolder(dir: string, name: string): string {
  return backupPath(dir, name).replace(/\.json$/, '.archive')
}

export async function readBackup(dir: string, name: string): Promise<string> {
  return readFile(backupPath(dir, name), 'utf8')
}

/** Keeps the newest `keep` backups of `label`; older ones of that label are removed. */
export async function pruneBackups(dir: string, label: string, keep: number): Promise<string[]> {
  const old = (await listBackups(dir)).filter((b) => b.label === label).slice(keep)
  await Promise.all(
    old.map(async (b) => {
      await rm(archiveFolder(dir, b.name), { recursive: true, force: true })
      await unlink(backupPath(dir, b.name))
    }),
  )
  return old.map((b) => b.name)
}
