import { z } from 'zod'
import { ManagerApproval } from './common'

export const BackupRow = z.object({
  name: z.string(),
  /** daily · manual · pre-restore · v<N> (before a migration) */
  label: z.string(),
  takenAt: z.string(),
  size: z.number().int(),
  usable: z.boolean(),
  cases: z.number().int(),
  /** What it holds: live and archived cases, the archive's months (absent for backups listed before this was recorded). */
  liveCases: z.number().int().optional(),
  archivedCases: z.number().int().optional(),
  months: z.array(z.string()).optional(),
})
export type BackupRow = z.infer<typeof BackupRow>

export const Recovery = z.object({
  reason: z.string(),
  /** The damaged live file as it was, set aside; null when there was no live file (data missing). */
  damagedFile: z.string().nullable(),
  backup: z.string(),
  backupTakenAt: z.string(),
})

/** Saves the journal held that could not be read at start: set aside, kept byte for byte (issue 15, point 5). */
export const UnreadSaves = z.object({
  /** Where they were set aside. */
  file: z.string(),
  /** The first unreadable line of the journal, and the whole lines (saves) from it on. */
  line: z.number().int(),
  saves: z.number().int(),
  fromByte: z.number().int(),
  toByte: z.number().int(),
  reason: z.string(),
  at: z.string(),
  /** Saves the journal acknowledged but no longer holds (removed, emptied or cut outside the app). */
  missing: z.object({ first: z.number().int(), last: z.number().int() }).optional(),
})

/** Data nothing could be read from (damaged, or missing with no usable backup), moved whole into a folder of its own by a fresh start. */
export const SetAside = z.object({
  folder: z.string(),
  reason: z.string(),
  at: z.string(),
})
export type SetAside = z.infer<typeof SetAside>

/** Starting afresh over unreadable data: said in so many words, never by a stray click or a forged call. */
export const StartAfreshInput = z.object({ confirmed: z.literal(true) })

export const BackupName = z
  .string()
  .regex(/^complaint-desk\.[a-z0-9-]+\.[0-9TZ-]+\.json$/, { message: 'validation.invalid' })
export const CreateBackupInput = z.object({ approval: ManagerApproval })
export const RestoreBackupInput = z.object({ name: BackupName, approval: ManagerApproval })
/** No live file but earlier data beside it (issue 15, point 3): what was found, and the backup a restore would put back. */
export const MissingData = z.object({
  found: z.array(z.object({ name: z.string(), files: z.number().int(), bytes: z.number().int() })),
  backup: z.object({ name: z.string(), takenAt: z.string() }).nullable(),
})

/** A manager has read what the start recovered or set aside: the notice is no longer shown. */
export const AcknowledgeRecoveryInput = z.object({ approval: ManagerApproval })
