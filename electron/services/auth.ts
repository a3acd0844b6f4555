import { randomUUID } from 'node:crypto'
import { USE_ELEVATION, type ManagerApproval, type StaffRef } from '@shared/schemas/common'
import { elevatedAs, elevationFrom } from '@shared/rules/elevation'
import type { Session, StaffPublic } from '@shared/schemas/staff'
import type { Draft, StaffRecord } from '../store'
import { AppError } from './errors'
import { hashPin, verifyPin, type PinCost } from './pin'
import { actorOf, appendAudit, requireSession, startSession, type ServiceContext } from './context'

export const MAX_PIN_ATTEMPTS = 5
export const LOCKOUT_MINUTES = 5

export function toPublic(s: StaffRecord): StaffPublic {
  return { id: s.id, name: s.name, role: s.role }
}

export async function newStaffRecord(
  name: string,
  role: StaffRecord['role'],
  pin: string,
  now: Date,
  cost?: PinCost,
): Promise<StaffRecord> {
  return {
    id: randomUUID(),
    name,
    role,
    pin: await hashPin(pin, cost),
    active: true,
    failedAttempts: 0,
    lockedUntil: null,
    createdAt: now.toISOString(),
  }
}

/**
 * Checks a PIN with lockout: after MAX_PIN_ATTEMPTS wrong PINs in a row the account is
 * locked for LOCKOUT_MINUTES. Checks for one person run one at a time and each attempt is
 * counted before the PIN is hashed; failures are persisted so a restart does not reset them,
 * and counted in memory too, so they count even while the store cannot write.
 */
export function checkPin(ctx: ServiceContext, staffId: string, pin: string): Promise<StaffRecord> {
  const key = `staff:${staffId}`
  return ctx.pinGuard.serial(key, async () => {
    const staff = ctx.store.data.staff.find((s) => s.id === staffId && s.active)
    if (!staff) throw new AppError('NOT_FOUND')
    const now = ctx.now().getTime()
    const lockedUntil = Math.max(staff.lockedUntil ? Date.parse(staff.lockedUntil) : 0, ctx.pinGuard.lockedUntil(key))
    if (lockedUntil > now) throw new AppError('LOCKED', { minutes: minutesUntil(lockedUntil, now) })
    // Counted before hashing, so a crash or a parallel request cannot skip it; a right PIN clears it.
    const attempt = Math.max(staff.failedAttempts, ctx.pinGuard.failures(key)) + 1
    ctx.pinGuard.setFailures(key, attempt)
    await persist(ctx, (d) => void (d.staff.find((x) => x.id === staffId)!.failedAttempts = attempt))
    if (await verifyPin(pin, staff.pin)) {
      ctx.pinGuard.clear(key)
      await persist(ctx, (d) => {
        const s = d.staff.find((x) => x.id === staffId)!
        s.failedAttempts = 0
        s.lockedUntil = null
      })
      return staff
    }
    if (attempt >= MAX_PIN_ATTEMPTS) {
      const until = now + LOCKOUT_MINUTES * 60_000
      ctx.pinGuard.lock(key, until)
      await persist(ctx, (d) => {
        const s = d.staff.find((x) => x.id === staffId)!
        s.failedAttempts = 0
        s.lockedUntil = new Date(until).toISOString()
        appendAudit(d, { at: new Date(now).toISOString(), by: null, action: 'staff.locked', target: staffId })
      })
      throw new AppError('LOCKED', { minutes: LOCKOUT_MINUTES })
    }
    throw new AppError('WRONG_PIN', { left: MAX_PIN_ATTEMPTS - attempt })
  })
}

/** A new PIN set by a manager starts with no failures and no lock. */
export function forgetPinFailures(ctx: ServiceContext, staffId: string): void {
  ctx.pinGuard.clear(`staff:${staffId}`)
}

/** A lockout write that fails (a disk gone read-only) must not let the guess through. */
async function persist(ctx: ServiceContext, change: (d: Draft) => void): Promise<void> {
  try {
    await ctx.store.update(change)
  } catch (err) {
    console.error('[auth] could not record a PIN attempt', err)
  }
}

function minutesUntil(until: number, now: number): number {
  return Math.max(1, Math.ceil((until - now) / 60_000))
}

export async function signIn(ctx: ServiceContext, input: { staffId: string; pin: string }): Promise<Session> {
  const staff = await checkPin(ctx, input.staffId, input.pin)
  const now = ctx.now()
  const session: Session = {
    staff: toPublic(staff),
    signedInAt: now.toISOString(),
    // A manager's sign-in PIN stands for their approvals for a few minutes (docs/domain.md §10).
    elevation: staff.role === 'manager' ? elevationFrom({ id: staff.id, name: staff.name }, now) : null,
  }
  startSession(ctx, session)
  return session
}

/** Gives this window or tab the manager's elevation after their PIN was proved. */
function elevate(ctx: ServiceContext, by: StaffRef): void {
  if (!ctx.session) return
  startSession(ctx, { ...ctx.session, elevation: elevationFrom(by, ctx.now()) })
}

/** 结束授权: the next manager-only action asks for a PIN again. */
export function endElevation(ctx: ServiceContext): Session {
  const session = requireSession(ctx)
  startSession(ctx, { ...session, elevation: null })
  return ctx.session!
}

/**
 * A manager's PIN for one manager-only action; a staff member's PIN is not enough. Wrong PINs
 * here throttle the one who asked (MAX_PIN_ATTEMPTS per LOCKOUT_MINUTES), never the manager's
 * own account, and each is recorded with who tried: a clerk cannot lock a manager out.
 */
export function approveAsManager(ctx: ServiceContext, approval: ManagerApproval): Promise<StaffRef> {
  const candidate = ctx.store.data.staff.find((s) => s.id === approval.managerId && s.active)
  if (!candidate || candidate.role !== 'manager') return Promise.reject(new AppError('FORBIDDEN'))
  const approver = { id: candidate.id, name: candidate.name }
  if (approval.pin === USE_ELEVATION) {
    return elevatedAs(ctx.session?.elevation, candidate.id, ctx.now())
      ? Promise.resolve(approver)
      : Promise.reject(
          new AppError('FORBIDDEN', {}, 'refusals.elevation_ended', [
            { path: 'approval.pin', message: 'refusals.elevation_ended' },
          ]),
        )
  }
  const requester = ctx.session?.staff.id ?? ctx.caller
  const key = `approvals:${requester}`
  return ctx.pinGuard.serial(key, async () => {
    const now = ctx.now().getTime()
    const until = ctx.pinGuard.lockedUntil(key)
    if (until > now) {
      throw new AppError('LOCKED', { minutes: minutesUntil(until, now) }, 'refusals.approvals_throttled')
    }
    const attempt = ctx.pinGuard.failures(key) + 1
    ctx.pinGuard.setFailures(key, attempt) // counted before hashing
    if (await verifyPin(approval.pin, candidate.pin)) {
      ctx.pinGuard.clear(key)
      elevate(ctx, approver)
      return approver
    }
    await persist(ctx, (d) =>
      appendAudit(d, {
        at: new Date(now).toISOString(),
        by: actorOf(ctx),
        action: 'approval.refused',
        target: candidate.id,
      }),
    )
    if (attempt >= MAX_PIN_ATTEMPTS) {
      ctx.pinGuard.lock(key, now + LOCKOUT_MINUTES * 60_000)
      throw new AppError('LOCKED', { minutes: LOCKOUT_MINUTES }, 'refusals.approvals_throttled')
    }
    throw new AppError('WRONG_PIN', { left: MAX_PIN_ATTEMPTS - attempt })
  })
}
