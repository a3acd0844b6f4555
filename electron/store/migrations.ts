import { emptyData, type DbData } from './schema'

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
