import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { classify, type ClassifyInput, type HistoryItem } from '@shared/rules/classify'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { emptyData, type AuditEntry, type DbData } from './schema'
import { chainEntry } from './auditChain'

/**
 * Numbered migrations: `up[n]` turns a version n-1 file into version n. They run on load,
 * after the old file has been backed up, and each is recorded in `appliedMigrations`.
 */
export const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // 1: a file without schemaVersion (an empty object, or one written by hand or by a
  // pre-release build) gets every collection, default settings and the version.
  1: (old) => {
    const base = emptyData() as unknown as Record<string, unknown>
    const merged: Record<string, unknown> = { ...base, ...old }
    for (const key of ['staff', 'departments', 'cases', 'audit', 'appliedMigrations']) {
      if (!Array.isArray(merged[key])) merged[key] = []
    }
    if (typeof merged.caseCounters !== 'object' || merged.caseCounters === null) merged.caseCounters = {}
    if (typeof merged.settings !== 'object' || merged.settings === null) merged.settings = base.settings
    return merged
  },
  // 2: the handling workflow. Branch policy gets its defaults; every case gets a claim
  // amount (none), a workflow record and a class computed by the rules from what it holds,
  // with the cases logged before it as history.
  2: (old) => {
    const settings = { ...(old.settings as object), workflow: structuredClone(DEFAULT_WORKFLOW_SETTINGS) }
    const history: HistoryItem[] = []
    const cases = (old.cases as Record<string, never>[]).map((c) => {
      const result = classify(
        { ...(c as unknown as ClassifyInput), claimFen: null },
        history,
        DEFAULT_WORKFLOW_SETTINGS,
        new Date(c.receivedAt),
      )
      history.push({ phone: c.phone, category: c.category, receivedAt: c.receivedAt })
      const workflow = {
        ...emptyWorkflow(),
        proposedClass: result.caseClass,
        reasons: result.reasons,
        urgent: result.urgent,
      }
      if (result.urgent) workflow.escalation = { notified: [], takenOverBy: null }
      return { ...c, claimFen: null, caseClass: result.caseClass, workflow }
    })
    // Seal the audit entries written so far into the hash chain.
    const audit: AuditEntry[] = []
    for (const entry of (old.audit as Record<string, unknown>[]) ?? []) {
      const { seq: _s, prevHash: _p, hash: _h, ...body } = entry
      audit.push(chainEntry(audit, body as Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>))
    }
    return { ...old, settings, cases, audit, handovers: Array.isArray(old.handovers) ? old.handovers : [] }
  },
  // 3: split storage. The audit trail leaves the data file for its own append-only log
  // (moved out by the store, see Store.open); closed cases move to the archive at the first
  // compaction.
  3: (old) => ({ ...old, journalSeq: 0, archivedCases: 0 }),
}

export function migrate(old: Record<string, unknown>, from: number, to: number, now: Date): DbData {
  let data = old
  for (let version = from + 1; version <= to; version++) {
    const step = migrations[version]
    if (!step) throw new Error(`no migration to schema version ${version}`)
    data = step(data)
    const applied = Array.isArray(data.appliedMigrations) ? data.appliedMigrations : []
    data = { ...data, schemaVersion: version, appliedMigrations: [...applied, { version, at: now.toISOString() }] }
  }
  return data as unknown as DbData
}
