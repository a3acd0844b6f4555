import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Case } from '@shared/schemas/case'
import { acquireLock, LOCK_FILE_NAME } from './lockFile'
import { DIR_MODE, writeFileDurable } from './durableFile'
import type { LogDamage } from './appendLog'
import { readJournal, setJournalTailAside } from './journal'
import { readJournalMark } from './journalMark'
import {
  addToNotice,
  clearNotice,
  readNotice,
  saveNotice,
  type Notice,
  type SetAside,
  type UnreadSaves,
} from './notice'
import { setAllAside } from './freshStart'
import type { Archive } from './archive'
import type { AuditVerdict } from './auditChain'
import { CURRENT_SCHEMA_VERSION, type AuditEntry, type Draft, type JournalRecord, type Snapshot } from './schema'
import { archiveFolder, evidenceFolder, takeBackup, type BackupInfo } from './backups'
import { EVIDENCE_DIR, EvidenceFiles, linkEvidence } from './evidence'
import { BackupKeeper, undoInterruptedRestore } from './backupKeeper'
import {
  earlierData,
  finishRecovery,
  newestUsableBackup,
  planRecovery,
  runRecovery,
  unfinishedRecovery,
  type FoundData,
  type Recovery,
  type RecoveryPlan,
} from './recovery'
import { storePolicy, type StorePolicy } from './policy'
import { WritePath } from './writePath'
import { closeToOthers, removeStaleTemps } from './housekeeping'
import { CaseNumberMark, NUMBERS_FILE_NAME } from './caseNumbers'
import { Outbox, type OutboxPending } from './outbox'

export { interpret } from './snapshot'
export { BackupUnusableError, StoreUnavailableError, type StoreState } from './errors'
import { BackupUnusableError, StoreUnavailableError } from './errors'
export { AUDIT_FILE_NAME, DATA_FILE_NAME, JOURNAL_FILE_NAME } from './writePath'
export type { FoundData, Recovery } from './recovery'
export type { SetAside } from './notice'

/** A live file missing beside earlier data (issue 15, point 3): what was found, and the backup a restore would put back. */
export interface MissingData {
  found: FoundData[]
  backup: { name: string; takenAt: string } | null
}
/** The journal is folded into the live file once it holds this much. */
const COMPACT_AT_BYTES = 1_000_000

/** Something the user is told about the data: a key under store.notices (i18n) and its values. */
export interface StoreNotice {
  key: string
  params?: Record<string, string | number>
}

export interface StoreOptions {
  now?: () => Date
  /** Fold the journal into the live file once it holds this many bytes. */
  compactAtBytes?: number
  /** When cases go to the archive and backups are taken (policy.ts); the defaults otherwise. */
  policy?: StorePolicy
}

/**
 * All the data, on disk in parts (docs/architecture.md, "Data"): the live lowdb document and
 * its journal, the archive by month, the audit trail (written through WritePath, writePath.ts)
 * and the backups (backupKeeper.ts). This class opens a data folder (lock, read, migrate,
 * recover, replay) and is the API services use, through the façade (index.ts).
 */
export class Store extends WritePath {
  private readonly backups: BackupKeeper
  /** What a start did that the user is told of until a manager acknowledges it (notice.ts). */
  private notice: Notice = { recovery: null, unreadSaves: [], setAside: null }
  /** What the user is told about the data beside its state (a restore undone at start, …): i18n keys under store.notices. */
  readonly notices: StoreNotice[] = []
  /** The folder could not be written at start: nothing is ever moved or written in it. */
  private readOnlyFolder = false
  /** Set in state 'missing': no live file, but earlier data beside where it should be. */
  missing: MissingData | null = null
  /** The evidence files attached to cases, by content hash (evidence.ts). */
  private readonly evidence: EvidenceFiles

  private constructor(
    dir: string,
    now: () => Date,
    compactAtBytes: number,
    policy: StorePolicy,
    private readonly releaseLock: () => Promise<void>,
  ) {
    super(dir, now, compactAtBytes, policy)
    this.evidence = new EvidenceFiles(join(dir, EVIDENCE_DIR))
    this.backups = new BackupKeeper({
      dir,
      file: this.file,
      policy,
      now,
      writable: () => this.writable,
      serial: (task) => this.serial(task),
      fold: () => this.compactNow(),
      heldCases: () => ({ liveCases: this.doc.data.cases.length, archivedCases: this.archive.size }),
      putBack: async (data, name) => {
        await this.putBack(data, name)
        await this.compactNow()
      },
      update: (mutate) => this.update(mutate),
      updateNow: (mutate) => this.updateNow(mutate),
      assertWritable: () => this.assertWritable(),
    })
  }

  static async open(dir: string, options: StoreOptions = {}): Promise<Store> {
    const now = options.now ?? (() => new Date())
    const policy = options.policy ?? storePolicy()
    await mkdir(dir, { recursive: true, mode: DIR_MODE })
    const lock = await acquireLock(join(dir, LOCK_FILE_NAME)).catch((err: NodeJS.ErrnoException) => {
      // A folder that cannot be written (read-only disk, no permission): opened read-only below.
      if (err.code === 'EROFS' || err.code === 'EACCES' || err.code === 'EPERM') return { readOnly: err }
      throw err
    })
    if ('readOnly' in lock) {
      const store = new Store(dir, now, 0, policy, async () => undefined)
      await store.loadReadOnly(lock.readOnly)
      store.archive.open()
      return store
    }
    if ('heldBy' in lock) {
      const store = new Store(dir, now, 0, policy, async () => undefined)
      store.state = 'locked'
      store.detail = `pid ${lock.heldBy}`
      return store
    }
    const store = new Store(dir, now, options.compactAtBytes ?? COMPACT_AT_BYTES, policy, lock.release)
    try {
      await removeStaleTemps(dir)
      await closeToOthers(dir)
      await store.load()
    } catch (err) {
      await lock.release()
      throw err
    }
    store.archive.open()
    return store
  }

  private async load(): Promise<void> {
    this.numbers = await CaseNumberMark.open(join(this.dir, NUMBERS_FILE_NAME))
    const undone = await undoInterruptedRestore(this)
    if (undone) this.notices.push({ key: 'restoreUndone', params: { backup: undone } })
    this.notice = await readNotice(this.dir)
    // A recovery a start began and did not finish is finished first, whatever the live file holds by now.
    const plan = await unfinishedRecovery(this.dir)
    if (plan) return (await this.recover(plan)) ? this.loadData(true) : undefined
    return this.loadData(false)
  }

  /** Reads the live file and the journal (after a recovery: the backup put back, the journal empty). */
  private async loadData(recovered: boolean): Promise<void> {
    const found = await this.doc.read()
    if (found === null) {
      // No live file. Beside earlier data that is data missing, never a new installation
      // (issue 15, point 3): nothing is written, and the newest backup is offered.
      const earlier = await earlierData(this.dir)
      if (earlier.length > 0) {
        const backup = await newestUsableBackup(this.dir, this.now())
        this.state = 'missing'
        this.missing = { found: earlier, backup: backup && { name: backup.name, takenAt: backup.takenAt } }
        return
      }
      // A new installation: the empty store is on disk before anything else.
      await this.doc.write(0)
      return this.openLogs([], 0)
    }
    if (found.kind === 'too_new') {
      this.state = 'too_new'
      this.detail = `schemaVersion ${found.version}`
      return
    }
    let journal: JournalRecord[] = []
    let journalBytes = 0
    const damage: string | null = found.kind === 'corrupt' ? found.reason : null
    if (found.kind === 'ok') {
      const log = await readJournal(this.journalFile)
      journal = log.records.filter((r) => r.n > found.data.journalSeq)
      journalBytes = log.validBytes
      // Damage in the journal: the live file and every record before it are kept; the rest is
      // set aside and the user told, before the journal is cut back to what could be read.
      if (log.damage) await this.setUnreadAside(log.damage)
      // Saves the journal acknowledged but no longer holds (removed, emptied or cut outside the app);
      // after a recovery the recovery notice says what is missing from the backup's time instead.
      else if (!recovered)
        await this.noteMissingSaves(Math.max(found.data.journalSeq, ...log.records.map((r) => r.n)), log.validBytes)
    }
    if (damage !== null || found.kind !== 'ok') {
      // A damaged live file: the newest usable backup is put back (recovery.ts), unless this is
      // what a recovery just put back (then it is not tried again and again).
      const plan = recovered ? null : await planRecovery(this.dir, this.now(), damage ?? 'damaged')
      if (!plan) {
        this.state = 'corrupt'
        this.detail = damage ?? undefined
        return
      }
      return (await this.recover(plan)) ? this.loadData(true) : undefined
    }
    if (found.fromVersion < CURRENT_SCHEMA_VERSION) {
      const contents = { liveCases: found.data.cases.length, archivedCases: found.data.archivedCases ?? 0 }
      await takeBackup(this.dir, this.file, `v${found.fromVersion}`, this.now(), contents)
      // The trail leaves the data file; the data file is rewritten after it, so a crash in
      // between repeats the move from the untouched old file. A trail already in the log is
      // never rewritten (the old file's copy stays in its backup).
      if (!(await stat(this.auditFile).catch(() => null))?.size)
        await writeFileDurable(this.auditFile, found.legacyAudit.map((e) => `${JSON.stringify(e)}\n`).join(''))
    }
    await this.openLogs(journal, journalBytes)
    if (journal.length > 0 || found.fromVersion < CURRENT_SCHEMA_VERSION) await this.compactNow()
  }

  /**
   * Runs a planned recovery to its end (issue 15, point 2): the files are put in place, the
   * notice written, then the plan removed; stopped anywhere, the next start runs it again.
   * False when it could not finish now (a full disk, say): nothing is read or written then,
   * and the plan stays for the next start.
   */
  private async recover(plan: RecoveryPlan): Promise<boolean> {
    try {
      const recovery = await runRecovery(this, plan)
      this.notice = await saveNotice(this.dir, { ...this.notice, recovery })
      await finishRecovery(this.dir)
      return true
    } catch (err) {
      this.state = 'corrupt'
      this.detail = `${plan.reason}; recovery from ${plan.backup} not finished: ${(err as Error).message}`
      return false
    }
  }

  /**
   * Data missing (state 'missing'): puts the newest usable backup back through the recovery
   * path (the journal and the archive found are set aside, never removed), then opens the data
   * as a start does. Throws BackupUnusableError when no backup can be used (nothing written).
   */
  restoreMissing(): Promise<Recovery> {
    return this.serial(async () => {
      if (this.state !== 'missing') throw new StoreUnavailableError(this.state, this.file)
      const plan = await planRecovery(this.dir, this.now(), 'missing', 'missing')
      if (!plan) throw new BackupUnusableError('no usable backup to put back')
      if (!(await this.recover(plan))) throw new StoreUnavailableError(this.state, this.file)
      this.state = 'ok'
      this.missing = null
      await this.loadData(true)
      return this.recovery!
    })
  }

  /**
   * Damaged or missing data that no backup can replace (state 'corrupt', or 'missing' with no
   * usable backup): everything of this app's in the folder is moved whole into `set-aside.<time>`
   * (freshStart.ts), and the store opens as a new installation, so the desk can be set up again.
   * Nothing is deleted; the notice names the folder until a manager acknowledges it. Refused
   * (StoreUnavailableError) in any other state, in a folder that cannot be written, and when a
   * usable backup has turned up since: a restart puts that back instead.
   */
  startAfresh(): Promise<SetAside> {
    return this.serial(async () => {
      const damaged = this.state === 'corrupt' || (this.state === 'missing' && !this.missing?.backup)
      if (!damaged || this.readOnlyFolder) throw new StoreUnavailableError(this.state, this.file)
      if (await newestUsableBackup(this.dir, this.now())) throw new StoreUnavailableError(this.state, this.file)
      const reason = this.state === 'missing' ? 'missing' : (this.detail ?? 'damaged')
      const at = this.now()
      await this.numbers?.close()
      const folder = await setAllAside(this.dir, at)
      this.numbers = await CaseNumberMark.open(join(this.dir, NUMBERS_FILE_NAME))
      this.state = 'ok'
      this.detail = undefined
      this.missing = null
      await this.loadData(false)
      const setAside = { folder, reason, at: at.toISOString() }
      this.notice = await saveNotice(this.dir, { recovery: null, unreadSaves: [], setAside })
      return setAside
    })
  }

  /** The unreadable data a fresh start set aside, said until a manager acknowledges it. */
  get setAside(): SetAside | null {
    return this.notice.setAside
  }

  /** The backup a start put back in place of a damaged live file, said until a manager acknowledges it. */
  get recovery(): Recovery | null {
    return this.notice.recovery
  }

  /** Sets the journal's unreadable part aside and adds it to the notice (issue 15, point 5). */
  private async setUnreadAside(damage: LogDamage): Promise<void> {
    const now = this.now()
    const file = await setJournalTailAside(this.journalFile, damage, now)
    const { line, saves, fromByte, toByte, reason } = damage
    const unread = { file, line, saves, fromByte, toByte, reason, at: now.toISOString() }
    this.notice = await addToNotice(this.dir, this.notice, unread)
  }

  /**
   * The journal mark (journalMark.ts) names a save after `last`, the newest one the journal
   * and the live file hold: saves `last`+1 … mark were acknowledged and are gone. What is left
   * of the journal after its last whole line is set aside; the user is told which saves.
   */
  private async noteMissingSaves(last: number, validBytes: number): Promise<void> {
    const marked = await readJournalMark(this.dir)
    if (marked === null || marked <= last) return
    const now = this.now()
    const size = (await stat(this.journalFile).catch(() => null))?.size ?? 0
    const damage = {
      line: 0,
      saves: marked - last,
      fromByte: validBytes,
      toByte: Math.max(validBytes, size),
      reason: `journal ends at save ${last}, saves up to ${marked} were acknowledged`,
    }
    const file = size > validBytes ? await setJournalTailAside(this.journalFile, damage, now) : ''
    const unread = { ...damage, file, at: now.toISOString(), missing: { first: last + 1, last: marked } }
    this.notice = await addToNotice(this.dir, this.notice, unread)
  }

  /** Saves found unreadable in the journal at start and set aside, until a manager acknowledges them. */
  get unreadSaves(): readonly UnreadSaves[] {
    return this.notice.unreadSaves
  }

  /** A manager has read what the start recovered and set aside: the notice is no longer shown. */
  acknowledgeRecovery(): Promise<void> {
    return this.serial(async () => {
      this.notice = await clearNotice(this.dir)
    })
  }

  /**
   * A data folder that cannot be written (issue 15 point 14): the data is read as a start reads
   * it (live file, journal replayed in memory, the archive), nothing is written, and every save
   * is refused (state 'read_only', with the reason in `detail`).
   */
  private async loadReadOnly(why: NodeJS.ErrnoException): Promise<void> {
    this.readOnlyFolder = true
    this.state = 'read_only'
    this.detail = why.code
    this.numbers = await CaseNumberMark.open(join(this.dir, NUMBERS_FILE_NAME), false)
    const found = await this.doc.read(false)
    if (found?.kind === 'corrupt') {
      this.state = 'corrupt'
      this.detail = found.reason
    }
    if (found?.kind !== 'ok') return
    const journal = await readJournal(this.journalFile).catch(() => null)
    for (const record of journal?.records ?? []) if (record.n > found.data.journalSeq) this.doc.replay(record)
    void this.archive.reload()
  }

  /** Opens the audit log and the journal, replaying `journal` (records newer than the live file). */
  private async openLogs(journal: JournalRecord[], journalBytes: number): Promise<void> {
    await this.audit.open(this.doc.recorded.auditHead ?? null)
    for (const record of journal) {
      this.doc.replay(record)
      this.audit.staged(record.audit ?? [])
    }
    void this.archive.reload()
    await this.doc.openJournal(journalBytes)
    // The outbox may lag behind the journal after a crash (outbox.ts): every case a replayed
    // save changed is queued again (pushing a case twice is harmless, missing one is not).
    this.outbox = await Outbox.open(this.dir, this.now)
    this.outbox.append(new Set(journal.flatMap((r) => (r.cases ?? []).map((c) => c.id))))
    // Numbers issued before the mark file existed (an older version) join the mark now.
    await this.numbers?.note(this.doc.data.caseCounters)
  }

  /** Archive months found damaged or missing, by month (YYYY-MM): a restore from a backup brings them back. */
  get archiveProblems(): string[] {
    return this.archive.problems
  }

  /** The archive, once its index is read. */
  archived(): Promise<Archive> {
    return this.archive.archived()
  }

  /** A case by id, live or archived. */
  readCase(id: string): Promise<Case | null> {
    return this.archive.readCase(id)
  }

  /** Brings an archived case back into the live file (before it is changed). */
  ensureLive(id: string): Promise<void> {
    return this.archive.ensureLive(id)
  }

  /** Every case that can have anything happen on or after local day `fromDay` (see ArchiveHandOff). */
  casesSince(fromDay: string): Promise<Case[]> {
    return this.archive.casesSince(fromDay)
  }

  /** Adds cases from an import: those the policy says are finished long ago go straight to the archive. */
  addCases(cases: readonly Case[], audit: (draft: Draft) => void): Promise<void> {
    return this.archive.addCases(cases, audit)
  }

  /** Every case, month by month from the archive then the live ones (for a full export). */
  allCases(): AsyncGenerator<readonly Case[]> {
    return this.archive.allCases()
  }

  /** The whole audit trail, oldest first. */
  readAudit(): Promise<AuditEntry[]> {
    return this.audit.read()
  }

  /** Walks the whole hash chain as it stood when called, without holding up saves. */
  verifyAudit(): Promise<AuditVerdict> {
    return this.audit.verify()
  }

  /** Copies the live data (journal folded in) and links the archive into backups/ (BackupKeeper). */
  backup(label: string, now: Date): Promise<string> {
    return this.backups.backup(label, now)
  }

  /** The backups, newest first, from the backup index: no backup is read to list them. */
  listBackups(): Promise<BackupInfo[]> {
    return this.backups.list()
  }

  /**
   * Takes the daily backup when the policy says it is due; keeps the newest `keep` (policy.keep
   * by default). A backup that cannot be taken (backups/ unwritable, a file in its place) does
   * not stop the start: the user is told (notice backupFailed, with the reason).
   */
  async dailyBackup(now: Date, keep?: number): Promise<string | null> {
    try {
      return await this.backups.daily(now, keep)
    } catch (err) {
      this.notices.push({ key: 'backupFailed', params: { reason: err instanceof Error ? err.message : String(err) } })
      return null
    }
  }

  /**
   * Stores an evidence file durably under its SHA-256 (the same content twice: once) before
   * the case change that names it is saved. Refused like any save when the store cannot write.
   */
  async putEvidence(bytes: Uint8Array): Promise<{ hash: string; stored: boolean }> {
    this.assertWritable()
    return this.evidence.put(bytes)
  }

  /** An evidence file's bytes, checked against its hash (null: not in the data folder). */
  readEvidence(hash: string): Promise<Buffer | null> {
    return this.evidence.read(hash)
  }

  /** Puts a backup back, checked whole first, after a 'pre-restore' backup of the current data. */
  restore(name: string, now: Date, afterwards: (data: Draft) => void): Promise<void> {
    return this.backups.restore(name, now, afterwards)
  }

  /** Makes a backup's data and archive the current ones (the journal is empty by now). */
  private async putBack(data: Snapshot, backupName: string): Promise<void> {
    this.doc.set(data)
    // The cases put back are what the branch holds now: each goes to head office again, with a
    // new version (head office may hold newer ones from before the restore).
    this.outbox?.append(data.cases.map((c) => c.id))
    await this.doc.resetMark()
    await this.archive.replaceWith(archiveFolder(this.dir, backupName))
    // Evidence is only ever added: files the backup holds and the folder lacks come back.
    await linkEvidence(evidenceFolder(this.dir, backupName), join(this.dir, EVIDENCE_DIR))
  }

  /** Changes not yet pushed to head office, oldest first (at most `max`; after byte `after`, if given). */
  outboxPending(max?: number, after?: number): OutboxPending {
    return this.outbox?.pending(max, after) ?? { entries: [], from: 0 }
  }

  /** Calls `listener` after each save that queued changes for head office; returns how to stop. */
  onOutboxGrown(listener: () => void): () => void {
    this.outboxListeners.add(listener)
    return () => void this.outboxListeners.delete(listener)
  }

  /** How many changes wait to be pushed to head office. */
  outboxPendingCount(): number {
    return this.outbox?.pendingCount() ?? 0
  }

  /**
   * Head office committed everything up to byte `offset` of the outbox: the mark moves there
   * durably, and an outbox pushed to its end and grown past `emptyAtBytes` is emptied.
   */
  outboxPushed(offset: number, emptyAtBytes = 1_000_000): Promise<void> {
    return this.serial(async () => {
      await this.outbox?.pushed(offset)
      await this.outbox?.emptyIfPushed(emptyAtBytes)
    })
  }

  async close(): Promise<void> {
    await this.compact().catch(() => undefined)
    await this.settled()
    this.outbox?.close()
    await this.doc.close()
    await this.audit.close()
    await this.numbers?.close()
    await this.releaseLock()
  }
}
