import { chmod, lstat, readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { DIR_MODE, FILE_MODE } from './durableFile'

/** durableFile.ts names its temp files `.<file>.<pid>.tmp`, beside the file they replace. */
const TEMP = /^\.(.+)\.(\d+)\.tmp$/

/** Where the store writes through temp files, and which names there are its own. */
const FOLDERS: readonly [folder: string, ours: (name: string) => boolean][] = [
  ['.', (name) => name.startsWith('complaint-desk.')],
  ['archive', (name) => /^(cases|index)-\d{4}-\d{2}\.json$|^text-\d{4}-\d{2}\.txt$/.test(name)],
  ['backups', (name) => name.startsWith('complaint-desk.') || name === 'index.json'],
  ['evidence', (name) => /^[0-9a-f]{64}$/.test(name)],
]

/**
 * Removes the temp files killed writes left (issue 15, point 16): a temp file is only ever
 * renamed over its target once whole, so one still there at start is a write that never
 * finished and was never acknowledged. Only our own naming, of our own files, in our own
 * folders; called by the instance holding the lock, so no write of ours is in flight.
 */
export async function removeStaleTemps(dir: string): Promise<string[]> {
  const removed: string[] = []
  for (const [sub, ours] of FOLDERS) {
    const folder = join(dir, sub)
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const m = TEMP.exec(name)
      if (!m || !ours(m[1]) || Number(m[2]) === process.pid) continue
      await unlink(join(folder, name)).catch(() => undefined)
      removed.push(join(sub, name))
    }
  }
  return removed
}

/**
 * Data files are the user's alone (issue 15, point 16): the store creates files 0600 and
 * folders 0700, and a data folder found open to others (made by an older version, or opened
 * by hand) is closed at start, everything in it included. A folder already closed keeps
 * everyone else out of all it holds, so a start then costs one stat. Nothing on Windows,
 * where the user's profile folder is what keeps others out.
 */
export async function closeToOthers(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  if (((await lstat(dir)).mode & 0o077) === 0) return
  await closeAll(dir)
}

async function closeAll(path: string): Promise<void> {
  const info = await lstat(path).catch(() => null)
  if (!info || info.isSymbolicLink()) return // never followed out of the data folder
  if (info.isDirectory()) {
    for (const name of await readdir(path).catch(() => [] as string[])) await closeAll(join(path, name))
    if ((info.mode & 0o077) !== 0) await chmod(path, info.mode & DIR_MODE)
  } else if ((info.mode & 0o077) !== 0) await chmod(path, info.mode & FILE_MODE)
}
