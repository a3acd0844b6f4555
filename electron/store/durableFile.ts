import { open, rename, unlink } from 'node:fs/promises'
import { dirname, basename, join } from 'node:path'

/** Data files are the user's alone (issue 15, point 16); folders are DIR_MODE. */
export const FILE_MODE = 0o600
export const DIR_MODE = 0o700

/**
 * Writes `text` so that once the promise resolves the content survives a crash or power
 * cut: temp file in the same directory, fsync, atomic rename, fsync of the directory
 * (so the rename itself is on disk). A crash at any point leaves either the old or the
 * new file whole, never a mix.
 */
export async function writeFileDurable(file: string, text: string | Buffer): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`)
  const handle = await open(tmp, 'w', FILE_MODE)
  try {
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(tmp, file)
  } catch (err) {
    // A temp file never renamed is nothing anyone was told was saved; left behind it would
    // only hold on to space (a full disk stays full).
    await unlink(tmp).catch(() => undefined)
    throw err
  }
  await fsyncDir(dirname(file))
}

export async function fsyncDir(dir: string): Promise<void> {
  // Directory fsync is not supported on every platform (Windows): the rename is still atomic there.
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EISDIR' && (err as NodeJS.ErrnoException).code !== 'EPERM') throw err
  }
}
