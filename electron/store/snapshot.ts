import { z } from 'zod'
import { migrate, NotThatVersionError } from './migrations'
import { AuditEntry, CURRENT_SCHEMA_VERSION, describeIssue, emptyData, Snapshot } from './schema'

/** The oldest version a file can say it is: version 1 was the first release's. */
const OLDEST_VERSION = 1

export type Interpreted =
  | { kind: 'ok'; data: Snapshot; fromVersion: number; legacyAudit: AuditEntry[] }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'too_new'; version: number; data: Snapshot }

const LegacyAudit = z.array(AuditEntry)

/**
 * Reads a data file's text as the app would: parses it, migrates an older version in memory
 * (each step checks it is given that version's shape) and parses the result with the
 * Snapshot schema, never a cast: a file that does not fit is damaged, with the first wrong
 * place as the reason. Used for the data file and for every backup before it is used. A file
 * from before split storage carries the audit trail inside: it is handed back apart.
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
  // Only a file that says which version it is migrates (issue 15, point 4): without a whole,
  // positive schemaVersion it is not a file of ours, and migrating it would make one up.
  const version = record.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_VERSION)
    return { kind: 'corrupt', reason: `schemaVersion: ${version === undefined ? 'missing' : JSON.stringify(version)}` }
  if (version > CURRENT_SCHEMA_VERSION) return { kind: 'too_new', version, data: readable(record) }
  let migrated: Record<string, unknown>
  try {
    migrated = version < CURRENT_SCHEMA_VERSION ? migrate(record, version, CURRENT_SCHEMA_VERSION, now) : record
  } catch (err) {
    const why = err instanceof NotThatVersionError ? ` (${describeIssue(err.issues)})` : ''
    return { kind: 'corrupt', reason: `migration failed: ${(err as Error).message}${why}` }
  }
  const { audit, ...data } = migrated
  const parsed = Snapshot.safeParse(data)
  if (!parsed.success) return { kind: 'corrupt', reason: describeIssue(parsed.error) }
  // Only a file from before split storage carries the trail (a stray one in a current file is dropped).
  const legacyAudit = LegacyAudit.safeParse(version < CURRENT_SCHEMA_VERSION ? (audit ?? []) : [])
  if (!legacyAudit.success) return { kind: 'corrupt', reason: describeIssue(legacyAudit.error, 'audit') }
  return { kind: 'ok', data: parsed.data, fromVersion: version, legacyAudit: legacyAudit.data }
}

/**
 * A newer version's file is only shown, never written: what of it fits this version's shape,
 * or nothing (an empty store) when it does not fit at all.
 */
function readable(record: Record<string, unknown>): Snapshot {
  const parsed = Snapshot.safeParse(record)
  return parsed.success ? parsed.data : { ...emptyData(), journalSeq: 0, archivedCases: 0 }
}
