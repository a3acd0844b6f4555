export type StoreState = 'ok' | 'corrupt' | 'too_new' | 'locked' | 'read_only' | 'missing'

/** The store cannot be written: its data is damaged, from a newer version, or in another instance's hands. */
export class StoreUnavailableError extends Error {
  constructor(
    readonly state: StoreState,
    readonly file: string,
  ) {
    super(`store is ${state}: ${file}`)
  }
}

/** A backup that cannot be put back (damaged, or from a newer version). */
export class BackupUnusableError extends Error {}

/**
 * A write that could not be completed because the disk (or the user's quota) is full. What
 * was half-written has been cut off again: nothing of it was acknowledged or kept.
 */
export class DiskFullError extends Error {
  readonly code = 'ENOSPC'
  constructor(
    readonly file: string,
    readonly cause?: unknown,
  ) {
    super(`no space left to write ${file}${cause instanceof Error ? ` (${cause.message})` : ''}`)
  }
}

/** Whether `err` says the disk or the quota is full. */
export function isDiskFull(err: unknown): boolean {
  if (err instanceof DiskFullError) return true
  const code = (err as NodeJS.ErrnoException | null)?.code
  return code === 'ENOSPC' || code === 'EDQUOT'
}
