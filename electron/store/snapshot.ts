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
  const json = parseJson(text)
  return 'corrupt' in json ? json.corrupt : interpretValue(json.raw, now)
}

/**
 * interpret() for the live file. `sealed`: its seal (liveSeal.ts) vouches for these bytes,
 * so a current-version document is taken without parsing it with zod again (the parse
 * already found it to be what it gives). `asIs`: the document is of the current version
 * and the schema took it exactly as it is, so sealing these bytes is sound.
 */
export function interpretLive(text: string, now: Date, sealed: boolean): { found: Interpreted; asIs: boolean } {
  const json = parseJson(text)
  if ('corrupt' in json) return { found: json.corrupt, asIs: false }
  const { raw } = json
  if (sealed && isObject(raw) && raw.schemaVersion === CURRENT_SCHEMA_VERSION) {
    const data = raw as Snapshot // what the schema passed when it was sealed, byte for byte
    return { found: { kind: 'ok', data, fromVersion: CURRENT_SCHEMA_VERSION, legacyAudit: [] }, asIs: true }
  }
  const found = interpretValue(raw, now)
  const asIs = found.kind === 'ok' && found.fromVersion === CURRENT_SCHEMA_VERSION && sameJson(raw, found.data)
  return { found, asIs }
}

/** Whether the schema takes `text` as a current-version live file exactly as it is. */
export function takenAsIs(text: string): boolean {
  return interpretLive(text, new Date(), false).asIs
}

function parseJson(text: string): { raw: unknown } | { corrupt: Interpreted } {
  try {
    return { raw: JSON.parse(text) as unknown }
  } catch (err) {
    return { corrupt: { kind: 'corrupt', reason: `invalid JSON (${(err as Error).message})` } }
  }
}

function interpretValue(raw: unknown, now: Date): Interpreted {
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

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x)

/** Whether `a` and `b` are the same JSON value (keys in any order); anything but plain JSON differs. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false
    return true
  }
  if (!plain(a) || !plain(b)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  for (const k of keys)
    if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
      return false
  return true
}

const plain = (x: object) => {
  const proto = Object.getPrototypeOf(x) as unknown
  return proto === Object.prototype || proto === null
}

/**
 * A newer version's file is only shown, never written: what of it fits this version's shape,
 * or nothing (an empty store) when it does not fit at all.
 */
function readable(record: Record<string, unknown>): Snapshot {
  const parsed = Snapshot.safeParse(record)
  return parsed.success ? parsed.data : { ...emptyData(), journalSeq: 0, archivedCases: 0 }
}
