import { randomBytes } from 'node:crypto'
import { open, readFile, stat, unlink } from 'node:fs/promises'

/** The lock of a data folder (never data: a fresh start and a missing-data check pass it by). */
export const LOCK_FILE_NAME = 'complaint-desk.lock'

/** What the lock file records of the instance holding it. */
interface Holder {
  pid: number
  /** The process's start time from /proc (clock ticks since boot); null where there is no /proc. */
  started: string | null
  /** Tells two openings by one process apart in the file (not used to decide). */
  instance?: string
  at?: string
}

/**
 * One app instance per data directory: two writers on one journal corrupt it. The lock file
 * says which process holds it: its pid and, where the system tells (/proc), when that process
 * started, so a pid reused by an unrelated process after a crash is not taken for the holder
 * (issue 15, point 16). A lock whose process is gone, or is not the one that wrote it, is
 * stale and taken over; a lock from before (a bare pid) counts as stale when its process
 * started after the lock was written.
 */
export async function acquireLock(path: string): Promise<{ release: () => Promise<void> } | { heldBy: number }> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx', 0o600)
      const holder: Holder = {
        pid: process.pid,
        started: await processStart(process.pid),
        instance: randomBytes(8).toString('hex'),
        at: new Date().toISOString(),
      }
      try {
        await handle.writeFile(JSON.stringify(holder))
        await handle.sync()
      } catch (writing) {
        // A lock that could not be written whole (a full disk) is not left to hold the folder.
        await handle.close().catch(() => undefined)
        await unlink(path).catch(() => undefined)
        throw writing
      }
      await handle.close()
      return { release: () => unlink(path).catch(() => undefined) }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      const holder = await readHolder(path)
      if (holder && (await holds(holder, path))) return { heldBy: holder.pid }
      await unlink(path).catch(() => undefined)
    }
  }
  return { heldBy: -1 }
}

async function readHolder(path: string): Promise<Holder | null> {
  const text = (await readFile(path, 'utf8').catch(() => '')).trim()
  if (/^\d+$/.test(text)) return { pid: Number(text), started: null } // written by an older version
  try {
    const { pid, started } = JSON.parse(text) as Partial<Holder>
    if (!Number.isInteger(pid) || (pid as number) <= 0) return null
    return { pid: pid as number, started: typeof started === 'string' ? started : null }
  } catch {
    return null
  }
}

/** Whether the process the lock names is alive and is the one that wrote the lock. */
async function holds(holder: Holder, path: string): Promise<boolean> {
  if (!isAlive(holder.pid)) return false
  const started = await processStart(holder.pid)
  if (started === null) return true // no /proc (Windows, macOS): a live pid is all there is to go on
  if (holder.started !== null) return started === holder.started
  // A bare pid: the process holding it cannot have started after the lock was written.
  const [startedAt, written] = await Promise.all([processStartTime(started), stat(path).then((s) => s.mtimeMs)])
  return startedAt === null || startedAt <= written + 2_000
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Field 22 of /proc/<pid>/stat: when the process started, in clock ticks since boot. */
async function processStart(pid: number): Promise<string | null> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)
  if (text === null) return null
  // The command name (field 2) is in parentheses and may hold spaces: count from after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
  return /^\d+$/.test(fields[19] ?? '') ? fields[19] : null
}

/** Clock ticks since boot as wall-clock ms (boot time from /proc/stat; Linux's USER_HZ is 100). */
async function processStartTime(ticks: string): Promise<number | null> {
  const text = await readFile('/proc/stat', 'utf8').catch(() => null)
  const boot = text && /^btime (\d+)$/m.exec(text)
  return boot ? Number(boot[1]) * 1000 + Number(ticks) * 10 : null
}
