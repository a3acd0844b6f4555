// Frozen: never edit; a new change is a new migration.
// Migration 3 as written in 3dcd2b0.
import { z } from 'zod'
import type { Migration } from './migration'

/** A file of schema version 2 as the last build of that version wrote it (3dcd2b0^), as far as this step reads it. */
const V2File = z.looseObject({
  schemaVersion: z.literal(2),
  appliedMigrations: z.array(z.unknown()),
  settings: z.looseObject({ workflow: z.looseObject({}) }),
  staff: z.array(z.unknown()),
  departments: z.array(z.unknown()),
  cases: z.array(z.looseObject({})),
  caseCounters: z.record(z.string(), z.unknown()),
  handovers: z.array(z.unknown()),
  audit: z.array(z.looseObject({})),
})

/**
 * 3: split storage. The audit trail leaves the data file for its own append-only log (moved
 * out by the store, see Store.open); closed cases move to the archive at the first compaction.
 */
export const splitStorage: Migration = {
  version: 3,
  from: V2File,
  up: (old) => ({ ...old, journalSeq: 0, archivedCases: 0 }),
}
