import { open, readFile, unlink } from 'node:fs/promises'

/**
 * One app instance per data directory: two writers on one journal corrupt it. The lock
 * file holds the owner's pid; a lock whose process is gone is stale and taken over.
 */
export async function acquireLock(path: string): Promise<{ release: () => Promise<void> } | { heldBy: number }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx')
      await handle.writeFile(String(process.pid))
      await handle.sync()
      await handle.close()
      return { release: () => unlink(path).catch(() => undefined) }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const pid = Number((await readFile(path, 'utf8').catch(() => '')).trim())
      if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) return { heldBy: pid }
      await unlink(path).catch(() => undefined)
    }
  }
  return { heldBy: -1 }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
