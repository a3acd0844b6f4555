import type { z } from 'zod'

/** One step of the data file's history: turns a file of schema version `version - 1` into `version`. */
export interface Migration {
  /** The schema version this step produces. */
  version: number
  /**
   * The shape of the file it reads, as that version was: a file that does not fit is not
   * that version and is not migrated (it goes the damaged-file path).
   */
  from: z.ZodType<Record<string, unknown>>
  up: (old: Record<string, unknown>) => Record<string, unknown>
}
