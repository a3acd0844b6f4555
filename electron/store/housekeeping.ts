import { readdir, unlink } from 'node:fs/promises'
import { join } from 'node:path'

/** durableFile.ts names its temp files `.<file>.<pid>.tmp`, beside the file they replace. */
const TEMP = /^\.(.+)\.(\d+)\.tmp$/

/** Where the store writes through temp files, and which names there are its own. */
const FOLDERS: readonly [folder: string, ours: (name: string) => boolean][] = [
  ['.', (name) => name.startsWith('complaint-desk.')],
  ['archive', (name) => /^(cases|index)-\d{4}-\d{2}\.json$|^text-\d{4}-\d{2}\.txt$/.test(name)],
  ['backups', (name) => name.startsWith('complaint-desk.') || name === 'index.json'],
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
