import { migrate } from './migrations'
import { CURRENT_SCHEMA_VERSION, looksLikeStore, type AuditEntry, type Snapshot } from './schema'

export type Interpreted =
  | { kind: 'ok'; data: Snapshot; fromVersion: number; legacyAudit: AuditEntry[] }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'too_new'; version: number; data: Snapshot }

/**
 * Reads a data file's text as the app would: parses it, checks its shape, and migrates an
 * older version in memory. Used for the data file and for every backup before it is used.
 * A file from before split storage carries the audit trail inside: it is handed back apart.
 */
export function interpret(text: string, now: Date): Interpreted {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    return { kind: 'corrupt', reason: `invalid JSON (${(err as Error).message})` }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { kind: 'corrupt', reason: 'not a JSON object' }
  const record = raw as Record<string, unknown>
  const version = typeof record.schemaVersion === 'number' ? record.schemaVersion : 0
  if (version > CURRENT_SCHEMA_VERSION) return { kind: 'too_new', version, data: record as unknown as Snapshot }
  if (version >= 1 && !looksLikeStore(record)) return { kind: 'corrupt', reason: 'missing collections' }
  let migrated: Record<string, unknown>
  try {
    migrated =
      version < CURRENT_SCHEMA_VERSION
        ? (migrate(record, version, CURRENT_SCHEMA_VERSION, now) as unknown as Record<string, unknown>)
        : record
  } catch (err) {
    return { kind: 'corrupt', reason: `migration failed: ${(err as Error).message}` }
  }
  const { audit, ...data } = migrated
  if (!looksLikeStore(data)) return { kind: 'corrupt', reason: 'missing collections' }
  return {
    kind: 'ok',
    data: data as unknown as Snapshot,
    fromVersion: version,
    legacyAudit: Array.isArray(audit) ? (audit as AuditEntry[]) : [],
  }
}
