import { openServices, type ServiceOptions, type Services } from '../../electron/services'
import type { Result } from '@shared/ipc/result'
import type { Session } from '@shared/schemas/staff'
import type { CaseDetail } from '@shared/schemas/case'

export const MANAGER_PIN = '246810'
export const CLERK_PIN = '1357'

/**
 * What every test's services use: a cheap scrypt cost (the real one takes ~100 ms a hash, and
 * a loaded 2-core CI machine then times tests out) and every answer checked against the
 * contract's output schema.
 */
export const TEST_SERVICE_OPTIONS: ServiceOptions = { pinCost: { N: 2 ** 10, r: 8, p: 1 }, checkOutputs: true }

/** openServices with TEST_SERVICE_OPTIONS. */
export function openTestServices(dir: string, now?: () => Date): Promise<Services> {
  return openServices(dir, now, TEST_SERVICE_OPTIONS)
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  return result.data
}

/** A clock the test can move forward. */
export function testClock(start = new Date()): { now: () => Date; advance: (ms: number) => void } {
  let t = start.getTime()
  return { now: () => new Date(t), advance: (ms) => void (t += ms) }
}

/** Services on `dir` with the branch set up, a manager (signed in) and a clerk. */
export async function setUpBranch(dir: string, now?: () => Date) {
  const services: Services = await openTestServices(dir, now)
  const session = unwrap(
    await services.dispatch('setup:init', {
      branch: { name: '静安寺店', code: 'sh01' },
      manager: { name: '陈主管', pin: MANAGER_PIN, pinConfirm: MANAGER_PIN },
    }),
  ) as Session
  const clerk = unwrap(
    await services.dispatch('staff:add', {
      staff: { name: '李娜', role: 'staff', pin: CLERK_PIN, pinConfirm: CLERK_PIN },
      approval: { managerId: session.staff.id, pin: MANAGER_PIN },
    }),
  ) as { id: string; name: string }
  const departments = unwrap(await services.dispatch('departments:list', undefined)) as { id: string; name: string }[]
  return { services, managerId: session.staff.id, clerkId: clerk.id, departments }
}

/**
 * A branch with the clerk signed in on a test clock, and helpers that unwrap answers:
 * `call` expects success, `refused` expects a refusal and returns its error.
 */
export async function clerkDesk(dir: string, start = new Date(2026, 10, 22, 10, 0)) {
  const clock = testClock(start)
  const setup = await setUpBranch(dir, clock.now)
  const { services, clerkId, managerId } = setup
  unwrap(await services.dispatch('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
  const call = async <T = CaseDetail>(channel: string, input?: unknown) =>
    unwrap(await services.dispatch(channel, input)) as T
  const refused = async (channel: string, input?: unknown) => {
    const r = await services.dispatch(channel, input)
    if (r.ok) throw new Error(`${channel} was not refused`)
    return r.error
  }
  return { ...setup, clock, call, refused, approval: { managerId, pin: MANAGER_PIN } }
}
