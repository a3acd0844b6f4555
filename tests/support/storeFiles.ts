import { cp } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * The data directory as a crash would leave it: every file as it is on disk now, without
 * the clean close (which folds the journal in). The lock file is left behind.
 */
export async function crashCopy(from: string, to: string): Promise<string> {
  const target = join(to, 'crashed')
  await cp(from, target, { recursive: true, filter: (src) => !src.endsWith('complaint-desk.lock') })
  return target
}
