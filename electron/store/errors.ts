export type StoreState = 'ok' | 'corrupt' | 'too_new' | 'locked'

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
