import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Case } from '@shared/schemas/case'
import type { Handover } from '@shared/schemas/handover'
import { acquireLock } from './lockFile'
import { writeFileDurable } from './durableFile'
import { AppendLog, DamagedLogError, readLastLine } from './appendLog'
import { readJournal } from './journal'
import { Archive, ARCHIVE_DIR, finishedAt, linkArchive } from './archive'
import { ChainVerifier, type AuditHead, type AuditVerdict } from './auditChain'
import { interpret } from './snapshot'
import { CURRENT_SCHEMA_VERSION, emptyData, type AuditEntry, type DbData, type Draft, type Snapshot } from './schema'
import { archiveFolder, backupPath, backupStamp, BACKUP_DIR, listBackups, pruneBackups, readBackup } from './backups'
import { lenientHead, readAuditLog, streamAudit } from './auditLog'

export { interpret } from './snapshot'
export const DATA_FILE_NAME = 'complaint-desk.json'
export const JOURNAL_FILE_NAME = 'complaint-desk.journal'
export const AUDIT_FILE_NAME = 'complaint-desk.audit.jsonl'
export type StoreState = 'ok' | 'corrupt' | 'too_new' | 'locked'
export const DEFAULT_DAILY_BACKUPS = 14
/** Closed and voided cases stay in the live file this long, then move to the archive. */
export const ARCHIVE_AFTER_DAYS = 30
/** The journal is folded into the live file once it holds this much. */
const COMPACT_AT_BYTES = 1_000_000
const DAY = 86_400_000

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
  /** Fold the journal into the live file once it holds this many bytes. */
  compactAtBytes?: number
}

/** What happened when a damaged file was found at start and a backup put back. */
export interface Recovery {
  reason: string
  damagedFile: string
  backup: string
  backupTakenAt: string
}

type Core = Omit<DbData, 'cases' | 'handovers'>
/** One acknowledged update: the whole new version of everything it changed. */
interface JournalRecord {
  n: number
  core?: Core
  cases?: Case[]
  handovers?: Handover[]
  audit?: AuditEntry[]
}

function coreOf(data: DbData): Core {
  const { cases: _c, handovers: _h, ...core } = data
  return core
}

/** Live cases are never edited in place: an update replaces the case with a changed copy. */
function freeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) freeze(v)
  }
  return value
}

/**
 * The one write path for all data, in three parts on disk:
 * - the live file (`complaint-desk.json`): settings, staff, open and recently finished cases;
 * - the journal: one fsynced line per acknowledged update since the live file was written,
 *   folded into it now and then, so a save costs about one small append whatever the history;
 * - the archive (closed cases by month, see archive.ts) and the append-only audit log.
 * Updates are serialised; each runs on a copy and is seen by readers only once on disk.
 */
export class Store {
  private queue: Promise<unknown> = Promise.resolve()
  private live: DbData = emptyData()
  private coreText = ''
  private journalSeq = 0
  private pendingAudit: AuditEntry[] = []
  private auditHead: AuditHead | null = null
  private journal: AppendLog | null = null
  private auditLog: AppendLog | null = null
  private archiveLoad: Promise<Archive> = Promise.resolve(Archive.empty(''))
  private loadedArchive: Archive | null = null
  /** The archive index is read once the live data is open (or sooner, when a fold needs it). */
  private startArchive!: () => void
  private archiveGate = new Promise<void>((resolve) => (this.startArchive = resolve))
  state: StoreState = 'ok'
  detail: string | undefined
  recovery: Recovery | null = null

  readonly file: string
  private readonly journalFile: string
  readonly auditFile: string

  private constructor(
    readonly dir: string,
    private readonly now: () => Date,
    private readonly compactAtBytes: number,
    private readonly releaseLock: () => Promise<void>,
  ) {
    this.file = join(dir, DATA_FILE_NAME)
    this.journalFile = join(dir, JOURNAL_FILE_NAME)
    this.auditFile = join(dir, AUDIT_FILE_NAME)
  }

  static async open(dir: string, options: StoreOptions = {}): Promise<Store> {
    const now = options.now ?? (() => new Date())
    await mkdir(dir, { recursive: true })
    const lock = await acquireLock(join(dir, 'complaint-desk.lock'))
    if ('heldBy' in lock) {
      const store = new Store(dir, now, 0, async () => undefined)
      store.state = 'locked'
      store.detail = `pid ${lock.heldBy}`
      return store
    }
    const store = new Store(dir, now, options.compactAtBytes ?? COMPACT_AT_BYTES, lock.release)
    try {
      await store.load()
    } catch (err) {
      await lock.release()
      throw err
    }
    store.startArchive()
    return store
  }

  private async load(): Promise<void> {
    const text = await readFile(this.file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null
      throw err
    })
    if (text === null) {
      // A new installation: the empty store is on disk before anything else.
      await writeFileDurable(this.file, JSON.stringify(this.snapshot()))
      return this.openLogs([], 0)
    }
    const found = interpret(text, this.now())
    if (found.kind === 'too_new') {
      this.live = found.data
      this.state = 'too_new'
      this.detail = `schemaVersion ${found.version}`
      return
    }
    let journal: JournalRecord[] = []
    let journalBytes = 0
    let damage: string | null = found.kind === 'corrupt' ? found.reason : null
    if (found.kind === 'ok') {
      try {
        const log = await readJournal(this.journalFile)
        journal = log.records.filter((r) => r.n > found.data.journalSeq)
        journalBytes = log.validBytes
      } catch (err) {
        if (!(err instanceof DamagedLogError)) throw err
        damage = err.message
      }
    }
    if (damage !== null || found.kind !== 'ok') {
      this.recovery = await this.recoverFromBackup(damage ?? 'damaged')
      if (!this.recovery) {
        this.state = 'corrupt'
        this.detail = damage ?? undefined
        return
      }
      return this.openLogs([], 0)
    }
    if (found.fromVersion < CURRENT_SCHEMA_VERSION) {
      await copyBackup(this.file, this.dir, `v${found.fromVersion}`, this.now())
      // The trail leaves the data file; the data file is rewritten after it, so a crash in
      // between repeats the move from the untouched old file.
      await writeFileDurable(this.auditFile, found.legacyAudit.map((e) => `${JSON.stringify(e)}\n`).join(''))
    }
    this.setLive(found.data)
    this.journalSeq = found.data.journalSeq
    await this.openLogs(journal, journalBytes)
    if (journal.length > 0 || found.fromVersion < CURRENT_SCHEMA_VERSION) await this.compactNow()
  }

  /** Opens the journal and the audit log, replaying `journal` (records newer than the live file). */
  private async openLogs(journal: JournalRecord[], journalBytes: number): Promise<void> {
    let fileHead: { last: AuditEntry | null; validBytes: number }
    try {
      fileHead = await readLastLine<AuditEntry>(this.auditFile)
    } catch (err) {
      if (!(err instanceof DamagedLogError)) throw err
      fileHead = await lenientHead(this.auditFile) // verification will report where the trail breaks
    }
    this.auditHead = fileHead.last ? { seq: fileHead.last.seq, hash: fileHead.last.hash } : null
    for (const record of journal) this.apply(record, this.auditHead?.seq ?? 0)
    this.loadArchive()
    this.journal = await AppendLog.open(this.journalFile, journalBytes)
    this.auditLog = await AppendLog.open(this.auditFile, fileHead.validBytes)
  }

  /**
   * Reads the archive index in the background: the live data is usable at once, and what
   * needs the whole history (the list, search, reports) waits for it via archived().
   */
  private loadArchive(): Promise<Archive> {
    this.loadedArchive = null
    this.archiveLoad = this.archiveGate
      .then(() => Archive.load(this.dir))
      .then((archive) => {
        for (const c of this.live.cases) archive.forget(c.id)
        this.loadedArchive = archive
        return archive
      })
    this.archiveLoad.catch(() => undefined) // reported to whoever asks for it
    return this.archiveLoad
  }

  /** The archive, once its index is read. */
  archived(): Promise<Archive> {
    return this.archiveLoad
  }

  /** The archive for a fold or an import: its index is read now if it was still waiting. */
  private archiveNow(): Promise<Archive> {
    this.startArchive()
    return this.archiveLoad
  }

  /** The cases finished more than ARCHIVE_AFTER_DAYS ago: they belong in the archive. */
  private finishedLongAgo(cases: readonly Case[]): Case[] {
    const cutoff = this.now().getTime() - ARCHIVE_AFTER_DAYS * DAY
    return cases.filter((c) => {
      const at = finishedAt(c)
      return at !== null && Date.parse(at) < cutoff
    })
  }

  private setLive(data: DbData): void {
    const { journalSeq: _j, archivedCases: _a, ...rest } = data as Snapshot
    this.live = { ...rest, cases: rest.cases.map(freeze), handovers: rest.handovers ?? [] }
    this.coreText = JSON.stringify(coreOf(this.live))
  }

  /** Replays one journal record: every part is the whole new version, so replaying twice is harmless. */
  private apply(record: JournalRecord, auditOnDisk: number): void {
    const cases = new Map(this.live.cases.map((c) => [c.id, c]))
    for (const c of record.cases ?? []) cases.set(c.id, freeze(c))
    const handoverIds = new Set(this.live.handovers.map((h) => h.id))
    const handovers = [...this.live.handovers, ...(record.handovers ?? []).filter((h) => !handoverIds.has(h.id))]
    this.live = { ...(record.core ?? coreOf(this.live)), cases: [...cases.values()], handovers }
    this.coreText = JSON.stringify(coreOf(this.live))
    for (const entry of record.audit ?? []) {
      if (entry.seq <= auditOnDisk) continue
      this.pendingAudit.push(entry)
      this.auditHead = { seq: entry.seq, hash: entry.hash }
    }
    this.journalSeq = record.n
  }

  private snapshot(): Snapshot {
    return { ...this.live, journalSeq: this.journalSeq, archivedCases: this.loadedArchive?.size ?? 0 }
  }

  get data(): Readonly<DbData> {
    return this.live
  }

  get writable(): boolean {
    return this.state === 'ok'
  }

  /** How many entries the audit trail holds. */
  get auditEntries(): number {
    return this.auditHead?.seq ?? 0
  }

  /** Runs `task` after every queued update (so it sees and writes a whole state). */
  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Applies `mutate` and resolves once the result is durably on disk. */
  update<T>(mutate: (draft: Draft) => T): Promise<T> {
    return this.serial(async () => {
      if (!this.writable) throw new StoreUnavailableError(this.state, this.file)
      const before = this.live
      const draft: Draft = {
        ...structuredClone(coreOf(before)),
        cases: before.cases.slice(),
        handovers: before.handovers.slice(),
        audit: [],
        auditHead: this.auditHead,
      }
      const result = mutate(draft)
      const { audit, auditHead: _h, ...after } = draft
      const known = new Set(before.cases)
      const record: JournalRecord = { n: this.journalSeq + 1 }
      const core = coreOf(after)
      const coreText = JSON.stringify(core)
      if (coreText !== this.coreText) record.core = core
      const cases = after.cases.filter((c) => !known.has(c))
      if (cases.length > 0) record.cases = cases
      const handovers = after.handovers.slice(before.handovers.length)
      if (handovers.length > 0) record.handovers = handovers
      if (audit.length > 0) record.audit = audit
      if (Object.keys(record).length === 1) return result // nothing changed: nothing to write
      await this.journal!.append([JSON.stringify(record)])
      cases.forEach(freeze)
      this.live = after
      this.coreText = coreText
      this.journalSeq = record.n
      this.pendingAudit.push(...audit)
      if (audit.length > 0) this.auditHead = { seq: audit.at(-1)!.seq, hash: audit.at(-1)!.hash }
      if (this.journal!.size >= this.compactAtBytes) void this.serial(() => this.compactNow()).catch(() => undefined)
      return result
    })
  }

  /**
   * Folds the journal into the live file: audit entries go to the audit log, cases finished
   * more than ARCHIVE_AFTER_DAYS ago to the archive, then the live file is rewritten and the
   * journal emptied. Each step is durable before the next; a crash repeats it harmlessly.
   */
  private async compactNow(): Promise<void> {
    if (this.pendingAudit.length > 0) {
      await this.auditLog!.append(this.pendingAudit.map((e) => JSON.stringify(e)))
      this.pendingAudit = []
    }
    const old = this.finishedLongAgo(this.live.cases)
    const archive = await this.archiveNow()
    if (old.length > 0) {
      await archive.put(old)
      const moved = new Set(old)
      this.live = { ...this.live, cases: this.live.cases.filter((c) => !moved.has(c)) }
    }
    await writeFileDurable(this.file, JSON.stringify(this.snapshot()))
    await this.journal!.clear()
  }

  /** Folds the journal in now, if it holds anything (at close, and when tests need it). */
  compact(): Promise<void> {
    return this.serial(async () => {
      if (this.writable && (this.journal!.size > 0 || this.pendingAudit.length > 0)) await this.compactNow()
    })
  }

  /** A case by id, live or archived. */
  async readCase(id: string): Promise<Case | null> {
    return this.live.cases.find((c) => c.id === id) ?? (await (await this.archiveLoad).read(id))
  }

  /** Brings an archived case back into the live file (before it is changed). */
  async ensureLive(id: string): Promise<void> {
    if (this.live.cases.some((c) => c.id === id)) return
    const archive = await this.archiveLoad
    const archived = await archive.read(id)
    if (!archived) return
    await this.update((d) => {
      if (!d.cases.some((c) => c.id === id)) d.cases.push(structuredClone(archived))
    })
    archive.forget(id)
  }

  /**
   * Every case that can have anything happen on or after local day `fromDay` (YYYY-MM-DD):
   * the live ones and the archived months from the one before `fromDay` on (a case is
   * archived by the month it finished, which is after everything that happened to it).
   */
  async casesSince(fromDay: string): Promise<Case[]> {
    const [y, m] = fromDay.split('-').map(Number)
    const first = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7)
    const archive = await this.archiveLoad
    const archived: Case[] = []
    for (const month of archive.months().filter((mo) => mo >= first))
      archived.push(...(await archive.currentCases(month)))
    return [...this.live.cases, ...archived]
  }

  /**
   * Adds cases from elsewhere (an import): those finished long ago go straight to the
   * archive, the others into the live file. The caller has checked they are new.
   */
  async addCases(cases: readonly Case[], audit: (draft: Draft) => void): Promise<void> {
    const old = this.finishedLongAgo(cases)
    const oldIds = new Set(old.map((c) => c.id))
    await this.serial(async () => {
      if (!this.writable) throw new StoreUnavailableError(this.state, this.file)
      await (await this.archiveNow()).put(old)
    })
    await this.update((d) => {
      d.cases.push(...cases.filter((c) => !oldIds.has(c.id)).map((c) => structuredClone(c)))
      audit(d)
    })
  }

  /** Every case, month by month from the archive then the live ones (for a full export). */
  async *allCases(): AsyncGenerator<readonly Case[]> {
    const archive = await this.archived()
    for (const month of archive.months()) yield await archive.currentCases(month)
    yield this.live.cases
  }

  /** The whole audit trail, oldest first (the log on disk, then entries not yet folded in). */
  async readAudit(): Promise<AuditEntry[]> {
    return [...(await readAuditLog(this.auditFile)), ...this.pendingAudit]
  }

  /**
   * Walks the whole hash chain, streaming the log from disk, without holding up saves: it
   * checks the trail as it stood when called (the log up to its size then, and the entries
   * not yet folded in), whatever is appended meanwhile.
   */
  async verifyAudit(): Promise<AuditVerdict> {
    const bytes = this.auditLog?.size ?? 0
    const pending = [...this.pendingAudit]
    const verifier = new ChainVerifier()
    await streamAudit(this.auditFile, verifier, bytes)
    for (const e of pending) verifier.push(e)
    return verifier.verdict
  }

  /** Copies the live data (journal folded in) and links the archive into backups/. */
  backup(label: string, now: Date): Promise<string> {
    return this.serial(async () => {
      if (this.writable) await this.compactNow()
      const name = await copyBackup(this.file, this.dir, label, now)
      await linkArchive(join(this.dir, ARCHIVE_DIR), archiveFolder(this.dir, name))
      return name
    })
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
   * Puts a backup back: it is checked first, the current data is backed up ('pre-restore'),
   * then the backup's live data and archive replace the current ones. The audit trail is
   * not rolled back: it keeps everything, including the restore.
   */
  async restore(name: string, now: Date, afterwards: (data: Draft) => void): Promise<void> {
    if (!this.writable) throw new StoreUnavailableError(this.state, this.file)
    const found = interpret(await readBackup(this.dir, name), now)
    if (found.kind !== 'ok')
      throw new BackupUnusableError(
        `backup ${name} cannot be used: ${found.kind === 'corrupt' ? found.reason : 'too new'}`,
      )
    await this.backup('pre-restore', now)
    await this.serial(async () => {
      await this.putBack(found.data, name)
      await this.compactNow()
    })
    await this.update(afterwards)
  }

  /** Makes a backup's data and archive the current ones (the journal is empty by now). */
  private async putBack(data: Snapshot, backupName: string): Promise<void> {
    const archiveDir = join(this.dir, ARCHIVE_DIR)
    await rm(archiveDir, { recursive: true, force: true })
    await linkArchive(archiveFolder(this.dir, backupName), archiveDir)
    this.setLive(data)
    this.startArchive()
    await this.loadArchive()
  }

  /**
   * A damaged live file or journal is moved aside (never overwritten), with the archive as
   * it was, and the newest usable backup put back. Null when no backup can be used.
   */
  private async recoverFromBackup(reason: string): Promise<Recovery | null> {
    for (const backup of await listBackups(this.dir)) {
      const found = interpret(await readBackup(this.dir, backup.name), this.now())
      if (found.kind !== 'ok') continue
      const stamp = backupStamp(this.now())
      const damagedFile = join(this.dir, `complaint-desk.damaged.${stamp}.json`)
      await rename(this.file, damagedFile)
      if ((await stat(this.journalFile).catch(() => null))?.size)
        await rename(this.journalFile, join(this.dir, `complaint-desk.journal.damaged.${stamp}`))
      await rename(join(this.dir, ARCHIVE_DIR), join(this.dir, `archive.damaged.${stamp}`)).catch(() => undefined)
      await this.putBack(found.data, backup.name)
      this.journalSeq = found.data.journalSeq
      await writeFileDurable(this.file, JSON.stringify(this.snapshot()))
      return { reason, damagedFile, backup: backup.name, backupTakenAt: backup.takenAt }
    }
    return null
  }

  async close(): Promise<void> {
    await this.compact().catch(() => undefined)
    await this.queue
    await this.journal?.close()
    await this.auditLog?.close()
    await this.releaseLock()
  }
}

/** Copies the data file into backups/ (before a migration, a restore, or daily) and fsyncs it. */
async function copyBackup(file: string, dir: string, label: string, now: Date): Promise<string> {
  await mkdir(join(dir, BACKUP_DIR), { recursive: true })
  const name = `complaint-desk.${label}.${backupStamp(now)}.json`
  await writeFileDurable(backupPath(dir, name), await readFile(file, 'utf8'))
  return name
}
