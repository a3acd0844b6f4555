import type { Case } from '@shared/schemas/case'
import type { Branch, Department, Locale } from '@shared/schemas/staff'
import type { Role } from '@shared/values/options'
import type { WorkflowSettings } from '@shared/schemas/settings'
import type { Handover } from '@shared/schemas/handover'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'

export const CURRENT_SCHEMA_VERSION = 3

export interface PinHash {
  algo: 'scrypt'
  N: number
  r: number
  p: number
  salt: string
  hash: string
}

export interface StaffRecord {
  id: string
  name: string
  role: Role
  pin: PinHash
  active: boolean
  failedAttempts: number
  lockedUntil: string | null
  createdAt: string
}

export interface AuditEntry {
  /** Position in the log (1-based) and the hash chain: see auditChain.ts. */
  seq: number
  prevHash: string
  hash: string
  at: string
  by: { id: string; name: string } | null
  action: string
  target: string
  approvedBy?: { id: string; name: string }
  /** For edits: each changed field with its value before and after. */
  changes?: { field: string; before: string; after: string }[]
}

export interface DbData {
  schemaVersion: number
  appliedMigrations: { version: number; at: string }[]
  branch: Branch | null
  settings: { locale: Locale; workflow: WorkflowSettings }
  staff: StaffRecord[]
  departments: Department[]
  /** The live cases: open ones and those finished recently; older ones are in the archive. */
  cases: Case[]
  /** Last case sequence issued per day (YYYYMMDD): kept so numbers are never reused. */
  caseCounters: Record<string, number>
  /** Signed-off shift handovers, oldest first (kept, never edited). */
  handovers: Handover[]
}

/**
 * The live data file on disk: the data plus where the journal stood when it was written
 * and how many cases the archive held then (so a backup can be described without reading it).
 */
export interface Snapshot extends DbData {
  journalSeq: number
  archivedCases: number
}

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
  }
}

/** A shallow shape check: a file that parses but is not ours is treated as damaged. */
export function looksLikeStore(data: unknown): data is DbData {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false
  const d = data as Record<string, unknown>
  return (
    ['staff', 'departments', 'cases'].every((k) => Array.isArray(d[k])) &&
    typeof d.caseCounters === 'object' &&
    d.caseCounters !== null
  )
}
