/** What of the data's state a start recorded for the user (app:status's store). */
interface Told {
  recovery: unknown
  unreadSaves: readonly unknown[]
  setAside: unknown
}

/**
 * Whether a start did something to the data that everyone is told of until a manager
 * acknowledges it (backups:acknowledgeRecovery): a backup put back, unreadable saves set aside,
 * or unreadable data set aside for a fresh start. The hint on every page and 设置's
 * acknowledgement both ask this.
 */
export function awaitsAcknowledgement(store: Told): boolean {
  return store.recovery !== null || store.unreadSaves.length > 0 || store.setAside !== null
}
