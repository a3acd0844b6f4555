// Frozen: never edit; a new change is a new migration.
// Migration 1 as written in bbc246d, with the empty file of schema version 1 copied from there.
import { z } from 'zod'
import type { Migration } from './migration'

/** The empty data of schema version 1 (bbc246d: electron/store/schema.ts, emptyData). */
const emptyV1 = () => ({
  schemaVersion: 1,
  appliedMigrations: [],
  branch: null,
  settings: { locale: 'zh-CN' },
  staff: [],
  departments: [],
  cases: [],
  caseCounters: {},
  audit: [],
})

/**
 * 1: a file without schemaVersion (one written by a pre-release build) gets every collection,
 * default settings and the version. The app no longer starts from such a file (a file without
 * a version is taken for a damaged one, see snapshot.ts); the step stays so versions count on.
 */
export const collections: Migration = {
  version: 1,
  from: z.looseObject({}),
  up: (old) => {
    const base: Record<string, unknown> = emptyV1()
    const merged: Record<string, unknown> = { ...base, ...old }
    for (const key of ['staff', 'departments', 'cases', 'audit', 'appliedMigrations']) {
      if (!Array.isArray(merged[key])) merged[key] = []
    }
    if (typeof merged.caseCounters !== 'object' || merged.caseCounters === null) merged.caseCounters = {}
    if (typeof merged.settings !== 'object' || merged.settings === null) merged.settings = base.settings
    return merged
  },
}
