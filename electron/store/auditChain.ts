import { createHash } from 'node:crypto'
import type { AuditEntry } from './schema'

/** The hash the first entry chains from. */
export const GENESIS = 'complaint-desk-audit-v1'

/** JSON with sorted keys, so the same entry always hashes the same. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

export function entryHash(prevHash: string, entry: Omit<AuditEntry, 'hash' | 'prevHash'>): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonical(entry)).digest('hex')
}

/** Appends `entry` chained to the last one: editing or deleting any entry breaks every later hash. */
export function chainEntry(log: readonly AuditEntry[], entry: Omit<AuditEntry, 'hash' | 'prevHash' | 'seq'>): AuditEntry {
  const prevHash = log.length > 0 ? log[log.length - 1].hash : GENESIS
  const body = { ...entry, seq: log.length + 1 }
  return { ...body, prevHash, hash: entryHash(prevHash, body) }
}

export type AuditVerdict = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number }

/** Walks the chain; `brokenAt` is the 1-based position of the first entry that does not fit. */
export function verifyChain(log: readonly AuditEntry[]): AuditVerdict {
  let prev = GENESIS
  for (let i = 0; i < log.length; i++) {
    const { hash, prevHash, ...body } = log[i]
    if (prevHash !== prev || body.seq !== i + 1 || entryHash(prev, body) !== hash) return { ok: false, entries: log.length, brokenAt: i + 1 }
    prev = hash
  }
  return { ok: true, entries: log.length }
}
