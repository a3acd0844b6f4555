// The data file's migrations, in order (docs/architecture.md, "Data"). Each step is frozen:
// it imports nothing live (a lint rule keeps it so, eslint/layers.js) and copies what it
// needs as it stood, so upgrading an old file gives the same result whatever the app's
// rules are today. A new change of the file's shape is a new step at the end.
import type { z } from 'zod'
import type { Migration } from './migration'
import { collections } from './001-collections'
import { workflow } from './002-workflow'
import { splitStorage } from './003-split-storage'
import { keywordLists } from './004-keyword-lists'

export type { Migration } from './migration'

export const MIGRATIONS: readonly Migration[] = [collections, workflow, splitStorage, keywordLists]

/** A file that claims a version but does not have that version's shape: it is not migrated. */
export class NotThatVersionError extends Error {
  constructor(
    readonly version: number,
    readonly issues: z.ZodError,
  ) {
    super(`not a version ${version} file`)
  }
}

/**
 * Runs the steps from version `from` up to `to` in memory (the store backs the old file up
 * first) and records each in `appliedMigrations`. The result is checked by the caller with
 * the current schema (snapshot.ts), not trusted.
 */
export function migrate(old: Record<string, unknown>, from: number, to: number, now: Date): Record<string, unknown> {
  let data = old
  for (let version = from + 1; version <= to; version++) {
    const step = MIGRATIONS[version - 1]
    if (step?.version !== version) throw new Error(`no migration to schema version ${version}`)
    const input = step.from.safeParse(data)
    if (!input.success) throw new NotThatVersionError(version - 1, input.error)
    data = step.up(input.data)
    const applied = Array.isArray(data.appliedMigrations) ? data.appliedMigrations : []
    data = { ...data, schemaVersion: version, appliedMigrations: [...applied, { version, at: now.toISOString() }] }
  }
  return data
}
