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
  damagedFile: z.string(),
  backup: z.string(),
  backupTakenAt: z.string(),
})

export const BackupName = z
  .string()
  .regex(/^complaint-desk\.[a-z0-9-]+\.[0-9TZ-]+\.json$/, { message: 'validation.invalid' })
export const CreateBackupInput = z.object({ approval: ManagerApproval })
export const RestoreBackupInput = z.object({ name: BackupName, approval: ManagerApproval })
