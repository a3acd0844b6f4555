import { execFile } from 'node:child_process'
import { closeSync, openSync, writeSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** A real, small file system (tmpfs) mounted on a fresh folder, or why one could not be mounted. */
export type SmallDisk = { dir: string; unmount: () => Promise<void> } | { skipped: string }

/**
 * Mounts a tmpfs of `kb` KiB (needs root, or a user namespace that allows it). Where mounting
 * is impossible the caller skips, with the reason as its note.
 */
export async function mountSmallDisk(kb: number): Promise<SmallDisk> {
  const dir = await mkdtemp(join(tmpdir(), 'complaint-desk-small-disk-'))
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${kb}k,mode=0755`, 'tmpfs', dir])
  } catch (err) {
    await rm(dir, { recursive: true, force: true })
    return { skipped: `cannot mount a ${kb} KiB tmpfs here (${(err as Error).message.split('\n')[0]})` }
  }
  return {
    dir,
    unmount: async () => {
      // Lazily when something still holds a file open there (a test that failed half-way).
      await run('umount', [dir]).catch(() => run('umount', ['-l', dir]))
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** Fills the file system holding `dir` to the last byte with `file`; returns the bytes written. */
export function fillUp(file: string): number {
  const fd = openSync(file, 'w')
  let written = 0
  try {
    for (const size of [64 * 1024, 4096, 512, 64, 1]) {
      const chunk = Buffer.alloc(size, 0x78)
      for (;;) {
        try {
          const n = writeSync(fd, chunk)
          written += n
          if (n < size) break
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err
          break
        }
      }
    }
  } finally {
    closeSync(fd)
  }
  return written
}
