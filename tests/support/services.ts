import { openServices, type ServiceOptions, type Services } from '../../electron/services'
import type { ArgsOf, Channel, OutputOf } from '@shared/ipc/contract'
import type { ApiError, Result } from '@shared/ipc/result'

export const MANAGER_PIN = '246810'
export const CLERK_PIN = '1357'

/** The emergency contact and service phone every first run asks for. */
export const SETUP_CONTACTS = {
  managerContacts: [{ name: '陈主管', role: '店长', phone: '13800000000' }],
  serviceContact: '021-62345678',
}

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
    await services.call('setup:init', {
      branch: { name: '静安寺店', code: 'sh01' },
      manager: { name: '陈主管', pin: MANAGER_PIN, pinConfirm: MANAGER_PIN },
      contacts: SETUP_CONTACTS,
    }),
  )
  const clerk = unwrap(
    await services.call('staff:add', {
      staff: { name: '李娜', role: 'staff', pin: CLERK_PIN, pinConfirm: CLERK_PIN },
      approval: { managerId: session.staff.id, pin: MANAGER_PIN },
    }),
  )
  const departments = unwrap(await services.call('departments:list'))
  return { services, managerId: session.staff.id, clerkId: clerk.id, departments }
}

/**
 * A branch with the clerk signed in on a test clock, and typed helpers that unwrap answers:
 * `call` expects success and returns the channel's output, `refused` expects a refusal and
 * returns its error. Both take only what the contract accepts for the channel; `refusedUntyped`
 * sends a payload the contract does not accept, on purpose.
 */
export async function clerkDesk(dir: string, start = new Date(2026, 10, 22, 10, 0)) {
  const clock = testClock(start)
  const setup = await setUpBranch(dir, clock.now)
  const { services, clerkId, managerId } = setup
  unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
  const call = async <C extends Channel>(channel: C, ...args: ArgsOf<C>): Promise<OutputOf<C>> =>
    unwrap(await services.call(channel, ...args))
  const refused = async <C extends Channel>(channel: C, ...args: ArgsOf<C>): Promise<ApiError> => {
    const r = await services.call(channel, ...args)
    if (r.ok) throw new Error(`${channel} was not refused`)
    return r.error
  }
  /** The untyped entry a host uses, for tests that deliberately send what the contract does not accept. */
  const refusedUntyped = async (channel: string, input?: unknown): Promise<ApiError> => {
    const r = await services.dispatch(channel, input)
    if (r.ok) throw new Error(`${channel} was not refused`)
    return r.error
  }
  return { ...setup, clock, call, refused, refusedUntyped, approval: { managerId, pin: MANAGER_PIN } }
}
