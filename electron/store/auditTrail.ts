import { AppendLog, DamagedLogError, readLastLine } from './appendLog'
import { ChainVerifier, type AuditHead, type AuditVerdict } from './auditChain'
import { lenientHead, readAuditLog, streamAudit } from './auditLog'
import type { AuditEntry } from './schema'

/**
 * The append-only, hash-chained audit trail (docs/architecture.md, "Data"): the log file
 * on disk plus the entries saves have added since the last fold. Those are already durable
 * in the journal; a fold appends them to the log (replaying a record twice skips entries
 * the log holds, by seq).
 */
export class AuditTrail {
  private pending: AuditEntry[] = []
  private last: AuditHead | null = null
  /** The seq of the last entry in the log file. */
  private logged = 0
  private log: AppendLog | null = null
  /** Where the trail was recorded to end (the live file's auditHead), and whether the log falls short of it. */
  private end: AuditHead | null = null
  private cutShort = false

  constructor(readonly file: string) {}

  /** Opens the log after its last whole entry (a torn tail, never acknowledged, is cut off). */
  async open(recordedEnd: AuditHead | null = null): Promise<void> {
    let fileHead: { last: AuditEntry | null; validBytes: number }
    try {
      fileHead = await readLastLine<AuditEntry>(this.file)
    } catch (err) {
      if (!(err instanceof DamagedLogError)) throw err
      fileHead = await lenientHead(this.file) // verification will report where the trail breaks
    }
    this.last = fileHead.last ? { seq: fileHead.last.seq, hash: fileHead.last.hash } : null
    this.logged = this.last?.seq ?? 0
    this.end = recordedEnd
    // Cut short outside the app: the recorded end is kept (and written at every fold) so the
    // loss is reported at every start, not only the next one.
    this.cutShort = recordedEnd !== null && this.logged < recordedEnd.seq
    this.log = await AppendLog.open(this.file, fileHead.validBytes)
  }

  /** What a fold records as the trail's end: its head, or the recorded end it falls short of. */
  get recordedHead(): AuditHead | undefined {
    return (this.cutShort ? this.end : this.last) ?? undefined
  }

  /** The last entry: what the next one chains from. */
  get head(): AuditHead | null {
    return this.last
  }

  /** How many entries the trail holds. */
  get entries(): number {
    return this.last?.seq ?? 0
  }

  get hasPending(): boolean {
    return this.pending.length > 0
  }

  /** Entries a save added (durable in its journal line), leaving out those the log already holds. */
  staged(entries: readonly AuditEntry[]): void {
    for (const entry of entries) {
      if (entry.seq <= this.logged) continue
      this.pending.push(entry)
      this.last = { seq: entry.seq, hash: entry.hash }
    }
  }

  /** Appends the staged entries to the log (a fold). */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return
    await this.log!.append(this.pending.map((e) => JSON.stringify(e)))
    this.logged = this.pending.at(-1)!.seq
    this.pending = []
  }

  /** The whole trail, oldest first (the log on disk, then entries not yet folded in). */
  async read(): Promise<AuditEntry[]> {
    return [...(await readAuditLog(this.file)), ...this.pending]
  }

  /**
   * Walks the whole hash chain, streaming the log from disk, without holding up saves: it
   * checks the trail as it stood when called (the log up to its size then, and the entries
   * not yet folded in), whatever is appended meanwhile.
   */
  async verify(): Promise<AuditVerdict> {
    const bytes = this.log?.size ?? 0
    const pending = [...this.pending]
    const verifier = new ChainVerifier(this.end)
    await streamAudit(this.file, verifier, bytes)
    for (const e of pending) verifier.push(e)
    const verdict = verifier.verdict
    if (!verdict.ok && verdict.expected !== undefined) this.cutShort = true // the recorded end stays
    return verdict
  }

  async close(): Promise<void> {
    await this.log?.close()
  }
}
