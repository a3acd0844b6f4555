import { join } from 'node:path'
import type { Case } from '@shared/schemas/case'
import { AuditTrail } from './auditTrail'
import { ArchiveHandOff } from './archiveHandOff'
import { LiveDocument } from './liveDocument'
import type { CaseNumberMark } from './caseNumbers'
import type { Outbox } from './outbox'
import type { DbData, Draft } from './schema'
import type { StorePolicy } from './policy'
import { StoreUnavailableError, type StoreState } from './errors'

export const DATA_FILE_NAME = 'complaint-desk.json'
export const JOURNAL_FILE_NAME = 'complaint-desk.journal'
export const AUDIT_FILE_NAME = 'complaint-desk.audit.jsonl'

/**
 * The one write path for all data (docs/architecture.md, "Data"): the live document and its
 * journal (liveDocument.ts), the audit trail (auditTrail.ts) and the archive hand-off
 * (archiveHandOff.ts), written through one queue. Updates are serialised; each runs on a
 * copy and is seen by readers only once on disk. Which cases go to the archive is the
 * policy's to say (policy.ts). Store (store.ts) opens it and adds backups on top.
 */
export class WritePath {
  private queue: Promise<unknown> = Promise.resolve()
  /** A fold the journal's size asked for is waiting in the queue (at most one is). */
  private foldQueued = false
  protected readonly doc: LiveDocument
  protected readonly audit: AuditTrail
  protected readonly archive: ArchiveHandOff
  /** The case-number high-water mark, outside what a restore rolls back (caseNumbers.ts); opened at load. */
  protected numbers: CaseNumberMark | null = null
  /** Cases changed by acknowledged saves, for head office (outbox.ts); opened at load. */
  protected outbox: Outbox | null = null
  /** Told after a save queued changes in the outbox (the push worker wakes up). */
  protected readonly outboxListeners = new Set<() => void>()
  state: StoreState = 'ok'
  detail: string | undefined

  readonly file: string
  readonly journalFile: string
  readonly auditFile: string

  protected constructor(
    readonly dir: string,
    protected readonly now: () => Date,
    private readonly compactAtBytes: number,
    readonly policy: StorePolicy,
  ) {
    this.file = join(dir, DATA_FILE_NAME)
    this.journalFile = join(dir, JOURNAL_FILE_NAME)
    this.auditFile = join(dir, AUDIT_FILE_NAME)
    this.doc = new LiveDocument(this.file, this.journalFile, now)
    this.audit = new AuditTrail(this.auditFile)
    this.archive = new ArchiveHandOff(dir, {
      liveCases: () => this.doc.data.cases,
      forArchive: (cases) => cases.filter((c) => policy.belongsInArchive(c, now())),
      update: (mutate) => this.update(mutate),
      recordedMonths: () => this.doc.recorded.archiveMonths,
      write: (task) =>
        this.serial(async () => {
          this.assertWritable()
          return task()
        }),
    })
  }

  get data(): Readonly<DbData> {
    return this.doc.data
  }

  get writable(): boolean {
    return this.state === 'ok'
  }

  /** How many entries the audit trail holds. */
  get auditEntries(): number {
    return this.audit.entries
  }

  /** Runs `task` after every queued update (so it sees and writes a whole state). */
  protected serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Settles once everything queued so far has run. */
  protected settled(): Promise<unknown> {
    return this.queue
  }

  protected assertWritable(): void {
    if (!this.writable) throw new StoreUnavailableError(this.state, this.file)
  }

  /** Applies `mutate` and resolves once the result is durably on disk (one journal line). */
  update<T>(mutate: (draft: Draft) => T): Promise<T> {
    return this.serial(() => this.updateNow(mutate))
  }

  /** update() for a task already running in the queue (a restore's last step). */
  protected async updateNow<T>(mutate: (draft: Draft) => T): Promise<T> {
    this.assertWritable()
    const draft = this.doc.draft(this.audit.head)
    // Counters never go below a number already issued, whatever rolled the live data back.
    if (this.numbers) draft.caseCounters = this.numbers.raise(draft.caseCounters)
    const result = mutate(draft)
    await this.numbers?.note(draft.caseCounters) // durable before the save is acknowledged
    const committed = await this.doc.commit(draft)
    if (committed === null) return result // nothing changed: nothing written
    this.audit.staged(committed.audit)
    // Acknowledged: the changed cases join the outbox (no fsync; the journal holds the save).
    if (committed.cases.length > 0 && this.outbox) {
      this.outbox.append(committed.cases.map((c) => c.id))
      for (const listener of this.outboxListeners) listener()
    }
    if (this.doc.journalBytes >= this.compactAtBytes) this.foldSoon()
    return result
  }

  /**
   * Queues a fold behind the saves waiting now, unless one is queued already: however many
   * saves see the journal past its limit before the fold runs, it is folded once. The fold
   * checks the size again when its turn comes (an earlier fold may have emptied the journal).
   */
  private foldSoon(): void {
    if (this.foldQueued) return
    this.foldQueued = true
    void this.serial(async () => {
      this.foldQueued = false
      if (this.writable && this.doc.journalBytes >= this.compactAtBytes) await this.compactNow()
    }).catch(() => undefined)
  }

  /**
   * Folds the journal into the live document: audit entries go to the audit log, cases the
   * policy says belong in the archive go there, then the document is written (db.write())
   * and the journal emptied. Each step is durable before the next; a crash repeats it harmlessly.
   */
  protected async compactNow(): Promise<void> {
    // The journal is about to be emptied: what it held for head office must be on disk first.
    this.outbox?.sync()
    await this.audit.flush()
    const moved = await this.archive.takeFinished(this.doc.data.cases)
    if (moved.length > 0) this.doc.remove(new Set<Case>(moved))
    await this.doc.fold(this.archive.size, {
      auditHead: this.audit.recordedHead,
      archiveMonths: this.archive.monthCounts(),
    })
  }

  /** Folds the journal in now, if it holds anything (at close, and when tests need it). */
  compact(): Promise<void> {
    return this.serial(async () => {
      if (this.writable && (this.doc.journalBytes > 0 || this.audit.hasPending)) await this.compactNow()
    })
  }
}
