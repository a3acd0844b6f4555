import { randomUUID } from 'node:crypto'
import type { ManagerApproval } from '@shared/schemas/common'
import type { Session, StaffPublic } from '@shared/schemas/staff'
import type { StaffRecord } from '../store'
import { AppError } from './errors'
import { hashPin, verifyPin, type PinCost } from './pin'
import { appendAudit, startSession, type ServiceContext } from './context'

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
 * locked for LOCKOUT_MINUTES. Failures are persisted so a restart does not reset them.
 */
export async function checkPin(ctx: ServiceContext, staffId: string, pin: string): Promise<StaffRecord> {
  const staff = ctx.store.data.staff.find((s) => s.id === staffId && s.active)
  if (!staff) throw new AppError('NOT_FOUND')
  const now = ctx.now()
  if (staff.lockedUntil && new Date(staff.lockedUntil) > now) {
    throw new AppError('LOCKED', { minutes: minutesUntil(staff.lockedUntil, now) })
  }
  if (await verifyPin(pin, staff.pin)) {
    if (staff.failedAttempts > 0 || staff.lockedUntil) {
      await ctx.store.update((d) => {
        const s = d.staff.find((x) => x.id === staffId)!
        s.failedAttempts = 0
        s.lockedUntil = null
      })
    }
    return staff
  }
  const outcome = await ctx.store.update((d) => {
    const s = d.staff.find((x) => x.id === staffId)!
    s.failedAttempts += 1
    if (s.failedAttempts >= MAX_PIN_ATTEMPTS) {
      s.failedAttempts = 0
      s.lockedUntil = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString()
      appendAudit(d, { at: now.toISOString(), by: null, action: 'staff.locked', target: staffId })
      return { locked: true, left: 0 }
    }
    return { locked: false, left: MAX_PIN_ATTEMPTS - s.failedAttempts }
  })
  if (outcome.locked) throw new AppError('LOCKED', { minutes: LOCKOUT_MINUTES })
  throw new AppError('WRONG_PIN', { left: outcome.left })
}

function minutesUntil(iso: string, now: Date): number {
  return Math.max(1, Math.ceil((new Date(iso).getTime() - now.getTime()) / 60_000))
}

export async function signIn(ctx: ServiceContext, input: { staffId: string; pin: string }): Promise<Session> {
  const staff = await checkPin(ctx, input.staffId, input.pin)
  const session: Session = { staff: toPublic(staff), signedInAt: ctx.now().toISOString() }
  startSession(ctx, session)
  return session
}

/** A manager's PIN for one manager-only action; a staff member's PIN is not enough. */
export async function approveAsManager(
  ctx: ServiceContext,
  approval: ManagerApproval,
): Promise<{ id: string; name: string }> {
  const candidate = ctx.store.data.staff.find((s) => s.id === approval.managerId && s.active)
  if (!candidate || candidate.role !== 'manager') throw new AppError('FORBIDDEN')
  const manager = await checkPin(ctx, approval.managerId, approval.pin)
  return { id: manager.id, name: manager.name }
}
