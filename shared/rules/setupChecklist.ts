import { SETUP_TASKS, type SetupTask } from '../values/options'

/**
 * 开始使用前: what a new branch still has to set up after the first-run wizard (docs/domain.md
 * §1, setup checklist), shown on 首页 until every item is done. Each item is read from the data, never ticked
 * by hand, so it cannot say "done" while the thing is missing.
 *
 * - `contacts`: at least one emergency contact with a phone, and the service phone (the first
 *   urgent case shows whom to call; the first receipt prints the phone);
 * - `staff`: at least one active clerk besides the managers (the wizard makes only the first manager);
 * - `policy`: a manager has saved the branch's rules and compensation limits once (the shipped
 *   defaults are a starting point, not this branch's policy);
 * - `backup`: one backup taken by hand (the daily ones are automatic; the manager learns where they go).
 */
export { SETUP_TASKS, type SetupTask }

export interface SetupFacts {
  staff: readonly { role: string; active: boolean }[]
  managerContacts: readonly { phone: string }[]
  serviceContact: string
  /** When a manager last saved the branch policy; absent: never since set-up. */
  policyConfirmedAt?: string
  /** The labels of the backups on disk ('daily', 'manual', 'pre-restore', …). */
  backupLabels: readonly string[]
}

export interface SetupItem {
  task: SetupTask
  done: boolean
}

const DONE: Record<SetupTask, (f: SetupFacts) => boolean> = {
  contacts: (f) => f.managerContacts.some((c) => c.phone.trim() !== '') && f.serviceContact.trim() !== '',
  staff: (f) => f.staff.some((s) => s.active && s.role !== 'manager'),
  policy: (f) => Boolean(f.policyConfirmedAt),
  backup: (f) => f.backupLabels.includes('manual'),
}

/** Every item in order with whether it is done; null once all are (the card goes away). */
export function setupChecklist(facts: SetupFacts): SetupItem[] | null {
  const items = SETUP_TASKS.map((task) => ({ task, done: DONE[task](facts) }))
  return items.every((i) => i.done) ? null : items
}
