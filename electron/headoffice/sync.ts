import pg from 'pg'
import type { Case } from '@shared/schemas/case'
import { NO_SYNC, type SyncProblem, type WorkerStatus } from '@shared/schemas/headOffice'
import type { OutboxPending } from '../store/index'
import { clientConfig, type HeadOfficeConnection } from './config'
import { acksSince, upsertStatement, type CaseRow, type ReportAck } from './push'

/** What the desk shows: 已同步 / 待同步 N 条 / 离线 since … (shared/schemas/headOffice.ts). */
export type SyncStatus = WorkerStatus

/** The branch's side of the sync: the store (electron/store/index.ts) is one. */
export interface SyncSource {
  readonly data: Readonly<{
    branch: { code: string } | null
    departments: readonly { id: string; name: string }[]
    cases: readonly Case[]
  }>
  outboxPending(max?: number, after?: number): OutboxPending
  outboxPendingCount(): number
  /** Tells `listener` when a save queued changes; returns how to stop (the store has it). */
  onOutboxGrown?(listener: () => void): () => void
  outboxPushed(offset: number): Promise<void>
  readCase(id: string): Promise<Case | null>
}

export interface SyncOptions {
  source: SyncSource
  /** Opens a connection as the branch's role (tests pass their own). */
  connect: () => Promise<pg.Client>
  /** Outbox entries per batch (each batch is one transaction). */
  batchSize?: number
  now?: () => Date
  /** Retry after a failure: doubles from minMs up to maxMs. */
  retry?: { minMs: number; maxMs: number }
  /** Look for new changes this often when nothing woke the worker. */
  pollMs?: number
  onStatus?: (status: SyncStatus) => void
  /**
   * Head office's 签收 of this branch's Class 2 reports, pulled after each push (every ack the
   * first time after a start, then those signed since); the services record them on the cases
   * (recordHeadOfficeAcks, idempotent).
   */
  onAcks?: (acks: ReportAck[]) => Promise<unknown>
  /** The documents head office now holds, after each batch commits (a written report in one counts as submitted). */
  onPushed?: (pushed: readonly Case[]) => Promise<unknown>
  /**
   * Cases head office's database refused by its rules (a constraint), each alone: the rest of
   * their batch went on, and these wait for their next change. Recorded durably (the audit trail).
   */
  onRefused?: (refused: readonly RefusedCase[]) => Promise<unknown>
}

/** A case the database refused, and why (its own words). */
export interface RefusedCase {
  caseId: string
  number: string
  reason: string
}

/** One transaction's worth of the outbox: its rows, their upsert and where in the outbox it ends. */
interface Batch {
  rows: CaseRow[]
  statement: { text: string; values: unknown[] }
  end: number
}

/** A connector for a head office connection from the settings. */
export function connector(c: HeadOfficeConnection): () => Promise<pg.Client> {
  return async () => {
    const client = new pg.Client(clientConfig(c))
    await client.connect()
    return client
  }
}

/**
 * The push worker (docs/architecture.md, "Head office sync"), in main, never on the desk's
 * path: it reads the outbox after the pushed mark, loads each case as it is now, pushes
 * batches (one transaction each, idempotent by branch + case + version), then moves the mark
 * durably. A crash between commit and mark replays the batch, which head office ignores.
 * When the database is unreachable it retries with backoff, for as long as it takes.
 */
export class SyncWorker {
  private client: pg.Client | null = null
  /** The newest ack pulled so far (null: none yet since the start). */
  private acksUpTo: string | null = null
  private running = false
  private timer: NodeJS.Timeout | null = null
  private wakeUp: (() => void) | null = null
  private loop: Promise<void> | null = null
  private unlisten: (() => void) | null = null
  private delay: number
  private current: SyncStatus = { ...NO_SYNC, state: 'pending' }
  private readonly batchSize: number
  private readonly now: () => Date
  private readonly retry: { minMs: number; maxMs: number }
  private readonly pollMs: number

  constructor(private readonly options: SyncOptions) {
    this.batchSize = options.batchSize ?? 500
    this.now = options.now ?? (() => new Date())
    this.retry = options.retry ?? { minMs: 1_000, maxMs: 5 * 60_000 }
    this.pollMs = options.pollMs ?? 5_000
    this.delay = this.retry.minMs
  }

  status(): SyncStatus {
    return { ...this.current }
  }

  /** Pushes everything pending now; throws when head office cannot be reached or refuses a batch. */
  async pushPending(): Promise<number> {
    const branch = this.options.source.data.branch?.code
    if (!branch) throw new Error('the branch has no code yet')
    const client = await this.connected()
    let pushed = 0
    // While head office takes one batch, the next is read and serialised (the two overlap).
    let batch = await this.nextBatch(branch, undefined)
    while (batch) {
      const sent = client.query(batch.statement)
      sent.catch(() => undefined) // awaited below, after the next batch is ready
      const following = await this.nextBatch(branch, batch.end)
      const taken = await sent.then(
        () => batch!.rows,
        (err: unknown) => {
          if (!refusedRow(err)) throw err
          return this.pushOneByOne(client, branch, batch!.rows)
        },
      )
      await this.options.source.outboxPushed(batch.end)
      this.forgetRefused(taken)
      await this.options.onPushed?.(taken.map((r) => r.doc))
      pushed += taken.length
      this.report(true, { lastPushAt: this.now().toISOString() })
      batch = following
    }
    return pushed
  }

  /** Cases head office took after all (corrected since) are no longer listed as refused. */
  private forgetRefused(taken: readonly CaseRow[]): void {
    if (this.current.refused.length === 0) return
    const numbers = new Set(taken.map((r) => r.doc.number))
    this.current = { ...this.current, refused: this.current.refused.filter((r) => !numbers.has(r.number)) }
  }

  /**
   * A batch the database refused by its rules: each case is pushed alone, so one bad case
   * never holds up the others (or the branch's sync for good). Those refused are handed to
   * onRefused and kept in the status. Returns the rows head office took.
   */
  private async pushOneByOne(client: pg.Client, branch: string, rows: CaseRow[]): Promise<CaseRow[]> {
    const taken: CaseRow[] = []
    const refused: RefusedCase[] = []
    for (const row of rows) {
      try {
        await client.query(upsertStatement(branch, [row]))
        taken.push(row)
      } catch (err) {
        if (!refusedRow(err)) throw err
        refused.push({ caseId: row.caseId, number: row.doc.number, reason: (err as Error).message })
      }
    }
    // Said once per case and reason (a case can be in several batches of one backlog).
    const known = new Set(this.current.refused.map((r) => `${r.number}\n${r.reason}`))
    const fresh = refused.filter((r) => !known.has(`${r.number}\n${r.reason}`))
    if (fresh.length > 0) {
      await this.options.onRefused?.(fresh)
      const kept = [...fresh.map(({ number, reason }) => ({ number, reason })), ...this.current.refused]
      this.current = { ...this.current, refused: kept.slice(0, 20) }
    }
    return taken
  }

  /**
   * The next batch after byte `after` of the outbox (after the pushed mark when undefined): one
   * row per case, the case as it is now under the newest version the batch names for it (the
   * document is at least that new: an entry is written after the save it names).
   */
  private async nextBatch(branch: string, after: number | undefined): Promise<Batch | null> {
    const source = this.options.source
    const { entries } = source.outboxPending(this.batchSize, after)
    if (entries.length === 0) return null
    const newest = new Map<string, number>()
    for (const { entry } of entries) newest.set(entry.id, Math.max(newest.get(entry.id) ?? 0, entry.v))
    const names = new Map(source.data.departments.map((d) => [d.id, d.name]))
    const live = new Map(source.data.cases.map((c) => [c.id, c]))
    const rows: CaseRow[] = []
    for (const [id, version] of newest) {
      // Live cases from memory; an archived one from its month file.
      const doc = live.get(id) ?? (await source.readCase(id))
      // Gone (never the case) or another branch's case brought in by a bundle: nothing to push.
      if (!doc || doc.branchCode !== branch) continue
      rows.push({ caseId: id, version, doc, departmentName: names.get(doc.departmentId) ?? '' })
    }
    return { rows, statement: upsertStatement(branch, rows), end: entries[entries.length - 1].end }
  }

  /** Pulls the acks signed since the last pull and hands them to onAcks. */
  async pullAcks(): Promise<number> {
    if (!this.options.onAcks) return 0
    // Ten minutes of overlap: an ack stamped earlier but committed later is not missed (taking
    // one twice changes nothing).
    const since = this.acksUpTo && new Date(Date.parse(this.acksUpTo) - 10 * 60_000).toISOString()
    const acks = await acksSince(await this.connected(), since)
    if (acks.length > 0) {
      await this.options.onAcks(acks)
      this.acksUpTo = acks[acks.length - 1].ackedAt
    }
    return acks.length
  }

  private async connected(): Promise<pg.Client> {
    if (this.client) return this.client
    const client = await this.options.connect()
    // A connection lost between queries says so here; the next query fails and the loop retries.
    client.on('error', () => this.drop(client))
    this.client = client
    return client
  }

  private drop(client: pg.Client | null = this.client): void {
    if (!client) return
    if (this.client === client) this.client = null
    client.end().catch(() => undefined)
  }

  /** Updates the status: `reachable` says whether head office answered just now. */
  private report(reachable: boolean, change: Partial<SyncStatus> = {}): void {
    const pending = this.options.source.outboxPendingCount()
    const state = reachable ? (pending === 0 ? 'synced' : 'pending') : 'offline'
    const offlineSince = reachable ? null : (this.current.offlineSince ?? this.now().toISOString())
    this.current = {
      ...this.current,
      lastError: reachable ? null : this.current.lastError,
      problem: reachable ? null : this.current.problem,
      ...change,
      pending,
      state,
      offlineSince,
    }
    this.options.onStatus?.(this.status())
  }

  /** Starts pushing in the background until stop(). */
  start(): void {
    if (this.running) return
    this.running = true
    this.unlisten = this.options.source.onOutboxGrown?.(() => this.wake()) ?? null
    this.loop = this.run()
  }

  /**
   * A save was acknowledged: push now rather than at the next poll. Not while backing off after
   * a failure (offline, or a login head office refuses): saves must not turn the backoff into a
   * retry per save.
   */
  wake(): void {
    if (this.delay === this.retry.minMs) this.wakeUp?.()
  }

  private async run(): Promise<void> {
    while (this.running) {
      let wait = this.pollMs
      try {
        await this.pushPending()
        await this.pullAcks()
        this.delay = this.retry.minMs
        this.report(true)
      } catch (err) {
        this.drop()
        wait = this.delay
        this.delay = Math.min(this.delay * 2, this.retry.maxMs)
        // Head office answered but refused (a login, a permission): reachable, still pending,
        // retried with backoff and shown with its reason. Anything else: offline.
        this.report(refusedByServer(err), { lastError: (err as Error).message, problem: problemOf(err) })
      }
      if (!this.running) break
      await new Promise<void>((resolve) => {
        this.wakeUp = resolve
        this.timer = setTimeout(resolve, wait)
      })
      this.wakeUp = null
    }
  }

  async stop(): Promise<void> {
    this.running = false
    this.unlisten?.()
    this.unlisten = null
    if (this.timer) clearTimeout(this.timer)
    this.wakeUp?.()
    await this.loop
    this.drop()
  }
}

/** A database error other than a lost connection or a server going down (SQLSTATE classes 08, 57, 53). */
export function refusedByServer(err: unknown): boolean {
  return err instanceof pg.DatabaseError && !/^(08|57|53)/.test(err.code ?? '')
}

/** A case the database's rules refused (SQLSTATE classes 22 data exception, 23 integrity constraint). */
function refusedRow(err: unknown): boolean {
  return err instanceof pg.DatabaseError && /^(22|23)/.test(err.code ?? '')
}

/** What went wrong, in the words the desk shows (SyncProblem). */
export function problemOf(err: unknown): SyncProblem {
  if (err instanceof pg.DatabaseError) {
    const code = err.code ?? ''
    if (/^(28|3D)/.test(code)) return 'login' // bad password or login, no such database
    if (code === '42501') return 'permission' // row-level security: not this branch's login
    return refusedByServer(err) ? 'refused' : 'unreachable'
  }
  const { code = '', message = '' } = (err ?? {}) as { code?: string; message?: string }
  if (/CERT|SELF_SIGNED|ERR_TLS|ERR_SSL/.test(code) || /certificate|does not support SSL|SSL/i.test(message))
    return 'tls'
  return 'unreachable'
}
