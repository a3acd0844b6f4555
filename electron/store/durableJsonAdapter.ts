import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { writeFileDurable } from './durableFile'

/** A JSON file that exists but cannot be read as what it should hold. */
export class DamagedFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`)
  }
}

/**
 * The lowdb adapter for the app's JSON files (docs/architecture.md, "Data"). lowdb's own
 * JSONFile neither fsyncs nor tells a damaged file from an empty one; this one does both:
 * - read(): null only when the file does not exist; a file that does not parse (or that
 *   `decode` refuses) throws DamagedFileError, so a damaged file is never taken for "empty"
 *   and then overwritten;
 * - write(): temp file, fsync, rename, fsync of the folder (writeFileDurable): once it
 *   resolves the content survives a crash or power cut, and a crash leaves old or new whole;
 *   then `written` is told the text now on disk.
 */
export class DurableJsonAdapter<T> implements Adapter<T> {
  constructor(
    readonly file: string,
    /** Turns the file's text (and bytes) into data; throws when it is not what the file should hold. */
    private readonly decode: (text: string, bytes: Buffer) => T | Promise<T> = (text) => JSON.parse(text) as T,
    private readonly written: (text: string) => Promise<void> = async () => undefined,
  ) {}

  async read(): Promise<T | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.file)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    let data: T
    try {
      data = await this.decode(bytes.toString('utf8'), bytes)
    } catch (err) {
      if (err instanceof DamagedFileError) throw err
      const reason = err instanceof SyntaxError ? `invalid JSON (${err.message})` : (err as Error).message
      throw new DamagedFileError(this.file, reason ?? String(err))
    }
    // lowdb's Low.read() keeps its default data when read() gives a falsy value: `null`,
    // `0` or `""` in a file must not pass for a missing one.
    if (!data) throw new DamagedFileError(this.file, `holds ${JSON.stringify(data)}`)
    return data
  }

  async write(data: T): Promise<void> {
    const text = JSON.stringify(data)
    await writeFileDurable(this.file, text)
    await this.written(text)
  }
}
