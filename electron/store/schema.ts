import { z } from 'zod'
import { Case } from '@shared/schemas/case'
import { Branch, Department, Locale } from '@shared/schemas/staff'
import { StoredWorkflowSettings } from '@shared/domain/storedSettings'
import { Handover } from '@shared/schemas/handover'
import { Suggestion } from '@shared/schemas/suggestion'
import { ROLES } from '@shared/values/options'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'

export { describeIssue } from './zodIssue'

/**
 * What is on disk, declared once as zod schemas (types are their z.infer). Data read from
 * disk is parsed with them, never cast: the live file and backups (snapshot.ts), journal
 * records (store.ts) and archive months (archive.ts). A change here that rejects data the
 * app once wrote (a field made required, a limit tightened) is a new schema version with a
 * migration (migrations/), or old files would be taken for damaged ones.
 */
export const CURRENT_SCHEMA_VERSION = 4

export const PinHash = z.object({
  algo: z.literal('scrypt'),
  N: z.number().int().positive(),
  r: z.number().int().positive(),
  p: z.number().int().positive(),
  salt: z.string(),
  hash: z.string(),
})
export type PinHash = z.infer<typeof PinHash>

export const StaffRecord = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  pin: PinHash,
  active: z.boolean(),
  failedAttempts: z.number().int().min(0),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
})
export type StaffRecord = z.infer<typeof StaffRecord>

// The hash chain covers each entry whole (auditChain.ts): reading an entry must never drop a
// field, or its hash would no longer match. So every level keeps what it does not declare.
const Person = z.looseObject({ id: z.string(), name: z.string() })
const auditShape = {
  /** Position in the log (1-based) and the hash chain: see auditChain.ts. */
  seq: z.number().int().positive(),
  prevHash: z.string(),
  hash: z.string(),
  at: z.string(),
  by: Person.nullable(),
  action: z.string(),
  target: z.string(),
  approvedBy: Person.optional(),
  /** For edits: each changed field with its value before and after. */
  changes: z.array(z.looseObject({ field: z.string(), before: z.string(), after: z.string() })).optional(),
}
export const AuditEntry = z.looseObject(auditShape)
// The type lists the declared fields only (an index signature would swallow them in Omit<>).
export type AuditEntry = z.infer<z.ZodObject<typeof auditShape>>

/**
 * A case as stored. The shared Case schema is the intake form's shape: its text fields carry
 * intake rules (trimmed, length limits, the phone's format). Those say what may be typed now
 * and may change; a stored case is read as it was written, so here they are plain strings.
 */
export const StoredCase = Case.extend({
  customerName: z.string(),
  phone: z.string(),
  departmentId: z.string(),
  product: z.string(),
  receiptNo: z.string(),
  description: z.string(),
  demandNote: z.string(),
  customerWords: z.string().optional(),
})
export type StoredCase = z.infer<typeof StoredCase>

/** A suggestion as stored: read as written (the form's rules may change). */
export const StoredSuggestion = Suggestion.extend({ customerName: z.string(), phone: z.string(), text: z.string() })

export const DbData = z.object({
  schemaVersion: z.number().int(),
  appliedMigrations: z.array(z.object({ version: z.number().int(), at: z.string() })),
  branch: Branch.nullable(),
  settings: z.object({
    locale: Locale,
    workflow: StoredWorkflowSettings,
    /** When a manager last saved the branch policy (首页's setup checklist); absent in older files and until then. */
    policyConfirmedAt: z.string().optional(),
  }),
  staff: z.array(StaffRecord),
  departments: z.array(Department),
  /** The live cases: open ones and those finished recently; older ones are in the archive. */
  cases: z.array(StoredCase),
  /** Last case sequence issued per day (YYYYMMDD): kept so numbers are never reused. */
  caseCounters: z.record(z.string(), z.number().int()),
  /** Signed-off shift handovers, oldest first (kept, never edited). */
  handovers: z.array(Handover),
  /** Customers' suggestions and opinions (建议/意见), oldest first; absent in files written before them. */
  suggestions: z.array(StoredSuggestion).default([]),
})
export type DbData = z.infer<typeof DbData>

/**
 * The live data file on disk: the data plus where the journal stood when it was written
 * and how many cases the archive held then (so a backup can be described without reading it).
 */
export const Snapshot = DbData.extend({
  journalSeq: z.number().int().min(0),
  archivedCases: z.number().int().min(0),
  /**
   * Where the audit trail ended when the file was written (issue 15 point 13): a trail found
   * shorter at start, or not ending on this hash, was cut outside the app. Absent in older files.
   */
  auditHead: z.object({ seq: z.number().int().min(0), hash: z.string() }).optional(),
  /** Cases per archive month at that time (issue 15 point 7): a month gone or short is reported at start. */
  archiveMonths: z.record(z.string(), z.number().int().min(0)).optional(),
})
export type Snapshot = z.infer<typeof Snapshot>

/** Everything but the cases and handovers (a journal record carries it whole when it changed). */
export const Core = DbData.omit({ cases: true, handovers: true, suggestions: true })
export type Core = z.infer<typeof Core>

/** One acknowledged update in the journal: the whole new version of everything it changed. */
export const JournalRecord = z.object({
  n: z.number().int().positive(),
  core: Core.optional(),
  cases: z.array(StoredCase).optional(),
  handovers: z.array(Handover).optional(),
  /** Suggestions added or changed, each whole. */
  suggestions: z.array(StoredSuggestion).optional(),
  audit: z.array(AuditEntry).optional(),
})
export type JournalRecord = z.infer<typeof JournalRecord>

/** What an update works on: a copy of the data, plus the audit entries it appends. */
export interface Draft extends DbData {
  audit: AuditEntry[]
  auditHead: Pick<AuditEntry, 'seq' | 'hash'> | null
}

export function emptyData(): DbData {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appliedMigrations: [],
    branch: null,
    settings: { locale: 'zh-CN', workflow: structuredClone(DEFAULT_WORKFLOW_SETTINGS) },
    staff: [],
    departments: [],
    cases: [],
    caseCounters: {},
    handovers: [],
    suggestions: [],
  }
}
