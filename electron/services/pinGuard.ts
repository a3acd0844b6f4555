/**
 * Guessing a PIN: checks for one key (a member of staff, or one requester's approvals) run
 * one at a time, so parallel requests cannot all pass the lock check before any failure is
 * counted; and failures are counted here in memory as well as in the store, so they still
 * count when the store cannot write.
 */
export class PinGuard {
  private readonly queues = new Map<string, Promise<unknown>>()
  private readonly state = new Map<string, { failures: number; lockedUntil: number }>()

  /** Runs `task` after every earlier task for `key`. */
  serial<T>(key: string, task: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(key) ?? Promise.resolve()).then(task, task)
    const settled = next.catch(() => undefined)
    this.queues.set(key, settled)
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key)
    })
    return next
  }

  failures(key: string): number {
    return this.state.get(key)?.failures ?? 0
  }

  lockedUntil(key: string): number {
    return this.state.get(key)?.lockedUntil ?? 0
  }

  setFailures(key: string, failures: number): void {
    this.state.set(key, { failures, lockedUntil: this.lockedUntil(key) })
  }

  lock(key: string, until: number): void {
    this.state.set(key, { failures: 0, lockedUntil: until })
  }

  clear(key: string): void {
    this.state.delete(key)
  }
}
