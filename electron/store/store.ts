import { copyFile, mkdir, open } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { acquireLock } from './lockFile'
import { CorruptFileError, DurableJsonFile } from './durableFile'
import { migrate } from './migrations'
import { CURRENT_SCHEMA_VERSION, emptyData, looksLikeStore, type DbData } from './schema'

export const DATA_FILE_NAME = 'complaint-desk.json'
export type StoreState = 'ok' | 'corrupt' | 'too_new' | 'locked'

export class StoreUnavailableError extends Error {
  constructor(
    readonly state: StoreState,
    readonly file: string,
  ) {
    super(`store is ${state}: ${file}`)
  }
}

export interface StoreOptions {
  now?: () => Date
}

/**
 * The one write path for all data. Updates are serialised: each runs on a copy of the
 * data, is written durably, and only then becomes what readers see; a failed write
 * leaves memory and disk as they were.
 */
export class Store {
  private queue: Promise<unknown> = Promise.resolve()
  private constructor(
    private readonly db: Low<DbData>,
    readonly dir: string,
    readonly file: string,
    readonly state: StoreState,
    readonly detail: string | undefined,
    private readonly releaseLock: () => Promise<void>,
  ) {}

  static async open(dir: string, options: StoreOptions = {}): Promise<Store> {
    const now = options.now ?? (() => new Date())
    await mkdir(dir, { recursive: true })
    const file = join(dir, DATA_FILE_NAME)
    const adapter = new DurableJsonFile<unknown>(file)
    const db = new Low<DbData>(adapter as DurableJsonFile<DbData>, emptyData())

    const lock = await acquireLock(join(dir, 'complaint-desk.lock'))
    if ('heldBy' in lock) return new Store(db, dir, file, 'locked', `pid ${lock.heldBy}`, async () => undefined)

    let raw: unknown
    try {
      raw = await adapter.read()
    } catch (err) {
      if (err instanceof CorruptFileError) return new Store(db, dir, file, 'corrupt', err.reason, lock.release)
      await lock.release()
      throw err
    }

    if (raw === null) {
      await db.write() // a new installation: the empty store is on disk before anything else
      return new Store(db, dir, file, 'ok', undefined, lock.release)
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return new Store(db, dir, file, 'corrupt', 'not a JSON object', lock.release)
    }
    const record = raw as Record<string, unknown>
    const version = typeof record.schemaVersion === 'number' ? record.schemaVersion : 0
    if (version > CURRENT_SCHEMA_VERSION) {
      db.data = record as unknown as DbData
      return new Store(db, dir, file, 'too_new', `schemaVersion ${version}`, lock.release)
    }
    if (version >= 1 && !looksLikeStore(record)) {
      return new Store(db, dir, file, 'corrupt', 'missing collections', lock.release)
    }
    if (version < CURRENT_SCHEMA_VERSION) {
      await backupFile(file, join(dir, 'backups'), `v${version}`, now())
      try {
        db.data = migrate(record, version, CURRENT_SCHEMA_VERSION, now())
      } catch (err) {
        // The original stays untouched on disk (and in backups/); nothing is written.
        db.data = emptyData()
        return new Store(db, dir, file, 'corrupt', `migration failed: ${(err as Error).message}`, lock.release)
      }
      await db.write()
    } else {
      db.data = record as unknown as DbData
    }
    if (!looksLikeStore(db.data)) {
      db.data = emptyData()
      return new Store(db, dir, file, 'corrupt', 'missing collections', lock.release)
    }
    return new Store(db, dir, file, 'ok', undefined, lock.release)
  }

  get data(): Readonly<DbData> {
    return this.db.data
  }

  get writable(): boolean {
    return this.state === 'ok'
  }

  /** Applies `mutate` and resolves once the result is durably on disk. */
  update<T>(mutate: (draft: DbData) => T): Promise<T> {
    const run = async (): Promise<T> => {
      if (!this.writable) throw new StoreUnavailableError(this.state, this.file)
      const before = this.db.data
      const draft = structuredClone(before)
      const result = mutate(draft)
      this.db.data = draft
      try {
        await this.db.write()
      } catch (err) {
        this.db.data = before
        throw err
      }
      return result
    }
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  async close(): Promise<void> {
    await this.queue
    await this.releaseLock()
  }
}

/** Copies the data file aside before it is changed in bulk (a migration, later a restore). */
export async function backupFile(file: string, backupDir: string, label: string, now: Date): Promise<string> {
  await mkdir(backupDir, { recursive: true })
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = join(backupDir, `complaint-desk.${label}.${stamp}.json`)
  await copyFile(file, target)
  const handle = await open(target, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
  return target
}
