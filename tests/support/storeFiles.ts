import { cp, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LOCK_FILE_NAME } from '../../electron/store/lockFile'

/**
 * The data directory as a crash would leave it: every file as it is on disk now, without
 * the clean close (which folds the journal in). The lock file is left behind.
 */
export async function crashCopy(from: string, to: string): Promise<string> {
  const target = join(to, 'crashed')
  await cp(from, target, { recursive: true, filter: (src) => !src.endsWith(LOCK_FILE_NAME) })
  return target
}

/** Every file under `dir` (path relative to it → bytes as base64), the lock left out: it is the opener's. */
export async function filesIn(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>()
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === LOCK_FILE_NAME) continue
    const path = join(entry.parentPath, entry.name)
    files.set(path.slice(dir.length + 1), (await readFile(path)).toString('base64'))
  }
  return files
}
