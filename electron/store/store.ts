import { copyFile, mkdir, open, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { acquireLock } from './lockFile'
import { DurableJsonFile, writeFileDurable } from './durableFile'
import { migrate } from './migrations'
import { CURRENT_SCHEMA_VERSION, emptyData, looksLikeStore, type DbData } from './schema'
import { backupStamp, BACKUP_DIR, listBackups, pruneBackups, readBackup } from './backups'

export const DATA_FILE_NAME = 'complaint-desk.json'
export type StoreState = 'ok' | 'corrupt' | 'too_new' | 'locked'
export const DEFAULT_DAILY_BACKUPS = 14

export class StoreUnavailableError extends Error {
  constructor(
    readonly state: StoreState,
    readonly file: string,
  ) {
    super(`store is ${state}: ${file}`)
  }
}

/** A backup that cannot be put back (damaged, or from a newer version). */
export class BackupUnusableError extends Error {}

export interface StoreOptions {
  now?: () => Date
}

/** What happened when a damaged file was found at start and a backup put back. */
export interface Recovery {
  reason: string
  damagedFile: string
  backup: string
  backupTakenAt: string
}

type Interpreted =
  | { kind: 'ok'; data: DbData; fromVersion: number }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'too_new'; version: number; data: DbData }

/**
 * Reads a data file's text as the app would: parses it, checks its shape, and migrates an
 * older version in memory. Used for the data file and for every backup before it is used.
 */
export function interpret(text: string, now: Date): Interpreted {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    return { kind: 'corrupt', reason: `invalid JSON (${(err as Error).message})` }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { kind: 'corrupt', reason: 'not a JSON object' }
  const record = raw as Record<string, unknown>
  const version = typeof record.schemaVersion === 'number' ? record.schemaVersion : 0
  if (version > CURRENT_SCHEMA_VERSION) return { kind: 'too_new', version, data: record as unknown as DbData }
  if (version >= 1 && !looksLikeStore(record)) return { kind: 'corrupt', reason: 'missing collections' }
  let data: DbData
  try {
    data = version < CURRENT_SCHEMA_VERSION ? migrate(record, version, CURRENT_SCHEMA_VERSION, now) : (record as unknown as DbData)
  } catch (err) {
    return { kind: 'corrupt', reason: `migration failed: ${(err as Error).message}` }
  }
  if (!looksLikeStore(data)) return { kind: 'corrupt', reason: 'missing collections' }
  return { kind: 'ok', data, fromVersion: version }
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
    readonly recovery: Recovery | null = null,
  ) {}

  static async open(dir: string, options: StoreOptions = {}): Promise<Store> {
    const now = options.now ?? (() => new Date())
    await mkdir(dir, { recursive: true })
    const file = join(dir, DATA_FILE_NAME)
    const db = new Low<DbData>(new DurableJsonFile<DbData>(file), emptyData())
    const lock = await acquireLock(join(dir, 'complaint-desk.lock'))
    if ('heldBy' in lock) return new Store(db, dir, file, 'locked', `pid ${lock.heldBy}`, async () => undefined)
    const make = (state: StoreState, detail?: string, recovery: Recovery | null = null) =>
      new Store(db, dir, file, state, detail, lock.release, recovery)

    let text: string | null
    try {
      text = await readFile(file, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
        await lock.release()
        throw err
      }
      text = null
    }
    if (text === null) {
      await db.write() // a new installation: the empty store is on disk before anything else
      return make('ok')
    }

    const found = interpret(text, now())
    if (found.kind === 'too_new') {
      db.data = found.data
      return make('too_new', `schemaVersion ${found.version}`)
    }
    if (found.kind === 'corrupt') {
      const recovery = await recoverFromBackup(dir, file, found.reason, now(), db)
      return recovery ? make('ok', undefined, recovery) : make('corrupt', found.reason)
    }
    if (found.fromVersion < CURRENT_SCHEMA_VERSION) await backupFile(file, join(dir, BACKUP_DIR), `v${found.fromVersion}`, now())
    db.data = found.data
    if (found.fromVersion < CURRENT_SCHEMA_VERSION) await db.write()
    return make('ok')
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

  /** Copies the current data file into backups/ (serialised with writes, so it is whole). */
  backup(label: string, now: Date): Promise<string> {
    const run = () => backupFile(this.file, join(this.dir, BACKUP_DIR), label, now)
    const next = this.queue.then(run, run)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** The first start of a day takes a backup; only the newest `keep` daily ones are kept. */
  async dailyBackup(now: Date, keep = DEFAULT_DAILY_BACKUPS): Promise<string | null> {
    if (!this.writable) return null
    const today = now.toISOString().slice(0, 10)
    const daily = (await listBackups(this.dir)).filter((b) => b.label === 'daily')
    if (daily.some((b) => b.takenAt.slice(0, 10) === today)) return null
    const name = await this.backup('daily', now)
    await pruneBackups(this.dir, 'daily', keep)
    return name
  }

  /**
   * Puts a backup back: it is checked first, the current file is backed up ('pre-restore'),
   * then the backup's data is written durably and becomes what readers see.
   */
  async restore(name: string, now: Date, afterwards: (data: DbData) => void): Promise<void> {
    if (!this.writable) throw new StoreUnavailableError(this.state, this.file)
    const found = interpret(await readBackup(this.dir, name), now)
    if (found.kind !== 'ok') throw new BackupUnusableError(`backup ${name} cannot be used: ${found.kind === 'corrupt' ? found.reason : 'too new'}`)
    await this.backup('pre-restore', now)
    await this.update((d) => {
      Object.assign(d, found.data)
      afterwards(d)
    })
  }

  async close(): Promise<void> {
    await this.queue
    await this.releaseLock()
  }
}

/**
 * A damaged data file is moved aside (never overwritten) and the newest usable backup put
 * back. Returns what was done, or null when no backup can be used (the store then refuses writes).
 */
async function recoverFromBackup(dir: string, file: string, reason: string, now: Date, db: Low<DbData>): Promise<Recovery | null> {
  for (const backup of await listBackups(dir)) {
    const found = interpret(await readBackup(dir, backup.name), now)
    if (found.kind !== 'ok') continue
    const damagedFile = join(dir, `complaint-desk.damaged.${backupStamp(now)}.json`)
    await rename(file, damagedFile)
    await writeFileDurable(file, JSON.stringify(found.data, null, 1))
    db.data = found.data
    return { reason, damagedFile, backup: backup.name, backupTakenAt: backup.takenAt }
  }
  return null
}

/** Copies the data file aside before it is changed in bulk (a migration, a restore) or daily. */
export async function backupFile(file: string, backupDir: string, label: string, now: Date): Promise<string> {
  await mkdir(backupDir, { recursive: true })
  const name = `complaint-desk.${label}.${backupStamp(now)}.json`
  const target = join(backupDir, name)
  await copyFile(file, target)
  const handle = await open(target, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
  return name
}
