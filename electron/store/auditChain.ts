import { createHash } from 'node:crypto'
import type { AuditEntry } from './schema'

/** The hash the first entry chains from. */
export const GENESIS = 'complaint-desk-audit-v1'

/** JSON with sorted keys, so the same entry always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

export function entryHash(prevHash: string, entry: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(entry)).digest('hex')
}

/** The last entry of a log: what the next one chains from. */
export type AuditHead = Pick<AuditEntry, 'seq' | 'hash'>

/** Chains `entry` after `head` (null: the first entry): editing or deleting any entry breaks every later hash. */
export function chainAfter(head: AuditHead | null, entry: Omit<AuditEntry, 'hash' | 'prevHash' | 'seq'>): AuditEntry {
  const prevHash = head ? head.hash : GENESIS
  const body = { ...entry, seq: (head?.seq ?? 0) + 1 }
  return { ...body, prevHash, hash: entryHash(prevHash, body) }
}

/** Appends `entry` chained to the last one of `log`. */
export function chainEntry(
  log: readonly AuditEntry[],
  entry: Omit<AuditEntry, 'hash' | 'prevHash' | 'seq'>,
): AuditEntry {
  return chainAfter(log.at(-1) ?? null, entry)
}

/** `expected`: the trail should hold this many entries (its recorded end) and holds fewer, or ends elsewhere. */
export type AuditVerdict =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; expected?: number }

/** Checks a chain entry by entry (the log on disk is streamed through it, never held whole). */
export class ChainVerifier {
  private prev = GENESIS
  private count = 0
  private brokenAt: number | null = null
  private short = false

  /** `end`: where the trail was recorded to end (its seq and hash), or null when nothing was recorded. */
  constructor(private readonly end: AuditHead | null = null) {}

  push(entry: AuditEntry): void {
    this.count += 1
    if (this.brokenAt !== null) return
    const { hash, prevHash, ...body } = entry
    if (prevHash !== this.prev || body.seq !== this.count || entryHash(this.prev, body) !== hash)
      this.brokenAt = this.count
    else this.prev = hash
    if (this.brokenAt === null && this.end !== null && body.seq === this.end.seq && hash !== this.end.hash) {
      this.brokenAt = this.count
      this.short = true
    }
  }

  /** A line that is not an entry at all also breaks the chain there. */
  unreadable(): void {
    this.count += 1
    if (this.brokenAt === null) this.brokenAt = this.count
  }

  get verdict(): AuditVerdict {
    if (this.brokenAt === null && this.end !== null && this.count < this.end.seq)
      return { ok: false, entries: this.count, brokenAt: this.count + 1, expected: this.end.seq }
    if (this.brokenAt === null) return { ok: true, entries: this.count }
    const verdict = { ok: false as const, entries: this.count, brokenAt: this.brokenAt }
    return this.short ? { ...verdict, expected: this.end!.seq } : verdict
  }
}

/** Walks the chain; `brokenAt` is the 1-based position of the first entry that does not fit. */
export function verifyChain(log: readonly AuditEntry[]): AuditVerdict {
  const verifier = new ChainVerifier()
  for (const entry of log) verifier.push(entry)
  return verifier.verdict
}
