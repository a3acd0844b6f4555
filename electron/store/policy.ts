import type { Case } from '@shared/schemas/case'
import { finishedAt } from './archive'

/** Closed and voided cases stay in the live file this long, then move to the archive. */
export const ARCHIVE_AFTER_DAYS = 30
/** Daily backups kept when the branch settings name no other number. */
export const DEFAULT_DAILY_BACKUPS = 14
const DAY = 86_400_000

/**
 * When data moves or is copied, decided outside the storage class (docs/architecture.md,
 * "Data": policy lives outside the storage class). The store asks; it never decides.
 */
export interface StorePolicy {
  /** Whether a case belongs in the archive rather than the live file at `now`. */
  belongsInArchive(c: Case, now: Date): boolean
  /** Whether the daily backup is due, given when the daily backups so far were taken. */
  dailyBackupDue(daily: readonly { takenAt: string }[], now: Date): boolean
  /** How many daily backups are kept (older ones are removed). */
  keep: number
}

/** A case finished (closed or voided) more than ARCHIVE_AFTER_DAYS ago; open cases never. */
export function belongsInArchive(c: Case, now: Date): boolean {
  const at = finishedAt(c)
  return at !== null && Date.parse(at) < now.getTime() - ARCHIVE_AFTER_DAYS * DAY
}

/** The first start of a (UTC) day takes a backup: due unless one was taken that day already. */
export function dailyBackupDue(daily: readonly { takenAt: string }[], now: Date): boolean {
  const today = now.toISOString().slice(0, 10)
  return !daily.some((b) => b.takenAt.slice(0, 10) === today)
}

/** The default policy, with parts replaced (a branch's number of backups to keep, say). */
export function storePolicy(overrides: Partial<StorePolicy> = {}): StorePolicy {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined))
  return { belongsInArchive, dailyBackupDue, keep: DEFAULT_DAILY_BACKUPS, ...given }
}
