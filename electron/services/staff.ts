import { elevationFrom } from '@shared/rules/elevation'
import { randomUUID } from 'node:crypto'
import { DEFAULT_DEPARTMENTS } from '@shared/domain/defaults'
import type { Department, Session, SetupInput, StaffInput, StaffPublic } from '@shared/schemas/staff'
import type { ManagerApproval } from '@shared/schemas/common'
import { AppError } from './errors'
import { forgetPinFailures, newStaffRecord, toPublic } from './auth'
import { hashPin } from './pin'
import { actorOf, appendAudit, approverOf, startSession, type ServiceContext } from './context'

export function setupNeeded(ctx: ServiceContext): boolean {
  return ctx.store.data.branch === null || !ctx.store.data.staff.some((s) => s.role === 'manager')
}

/** First run: the branch, the first manager (signed in at once) and default departments. */
export async function initialise(ctx: ServiceContext, input: SetupInput): Promise<Session> {
  if (!setupNeeded(ctx)) throw new AppError('CONFLICT')
  const now = ctx.now()
  const manager = await newStaffRecord(input.manager.name, 'manager', input.manager.pin, now, ctx.pinCost)
  const locale = ctx.store.data.settings.locale
  const kind = input.kind ?? 'branch'
  await ctx.store.update((d) => {
    if (d.branch !== null && d.staff.some((s) => s.role === 'manager')) throw new AppError('CONFLICT')
    // A branch's record stays as it always was; only head office is marked.
    d.branch = {
      name: input.branch.name,
      code: input.branch.code.toUpperCase(),
      ...(kind === 'headoffice' ? { kind } : {}),
    }
    d.staff.push(manager)
    // Head office takes no complaints at a desk: it has no departments of its own.
    if (d.departments.length === 0 && kind === 'branch') {
      d.departments = DEFAULT_DEPARTMENTS[locale].map((name) => ({ id: randomUUID(), name, active: true }))
    }
    appendAudit(d, {
      at: now.toISOString(),
      by: { id: manager.id, name: manager.name },
      action: 'setup',
      target: kind === 'headoffice' ? `${d.branch.code} (headoffice)` : d.branch.code,
    })
  })
  const session = {
    staff: toPublic(manager),
    signedInAt: now.toISOString(),
    elevation: elevationFrom({ id: manager.id, name: manager.name }, now),
  }
  startSession(ctx, session)
  return session
}

export function listStaff(ctx: ServiceContext): StaffPublic[] {
  return ctx.store.data.staff.filter((s) => s.active).map(toPublic)
}

function rejectDuplicate(names: string[], name: string, messageKey: string, path: string): void {
  if (names.some((n) => n.trim().toLowerCase() === name.trim().toLowerCase())) {
    throw new AppError('VALIDATION', {}, messageKey, [{ path, message: messageKey }])
  }
}

export async function addStaff(
  ctx: ServiceContext,
  input: { staff: StaffInput; approval: ManagerApproval },
): Promise<StaffPublic> {
  const approver = approverOf(ctx)
  rejectDuplicate(
    listStaff(ctx).map((s) => s.name),
    input.staff.name,
    'errors.DUPLICATE_STAFF',
    'staff.name',
  )
  const now = ctx.now()
  const record = await newStaffRecord(input.staff.name, input.staff.role, input.staff.pin, now, ctx.pinCost)
  await ctx.store.update((d) => {
    d.staff.push(record)
    appendAudit(d, {
      at: now.toISOString(),
      by: actorOf(ctx),
      action: 'staff.added',
      target: record.id,
      approvedBy: approver,
    })
  })
  return toPublic(record)
}

export function listDepartments(ctx: ServiceContext): Department[] {
  return ctx.store.data.departments.filter((d) => d.active)
}

export async function addDepartment(
  ctx: ServiceContext,
  input: { name: string; approval: ManagerApproval },
): Promise<Department> {
  const approver = approverOf(ctx)
  rejectDuplicate(
    listDepartments(ctx).map((d) => d.name),
    input.name,
    'errors.DUPLICATE_DEPARTMENT',
    'name',
  )
  const department: Department = { id: randomUUID(), name: input.name, active: true }
  const now = ctx.now()
  await ctx.store.update((d) => {
    d.departments.push(department)
    appendAudit(d, {
      at: now.toISOString(),
      by: actorOf(ctx),
      action: 'department.added',
      target: department.id,
      approvedBy: approver,
    })
  })
  return department
}

/** A manager sets a new PIN for a member of staff (forgotten or locked): the lock is lifted. */
export async function resetPin(
  ctx: ServiceContext,
  input: { staffId: string; pin: string; approval: ManagerApproval },
): Promise<StaffPublic> {
  const approver = approverOf(ctx)
  const target = ctx.store.data.staff.find((s) => s.id === input.staffId && s.active)
  if (!target) throw new AppError('NOT_FOUND')
  const pin = await hashPin(input.pin, ctx.pinCost)
  const at = ctx.now().toISOString()
  await ctx.store.update((d) => {
    const s = d.staff.find((x) => x.id === input.staffId)!
    Object.assign(s, { pin, failedAttempts: 0, lockedUntil: null })
    appendAudit(d, { at, by: actorOf(ctx), action: 'staff.pinReset', target: s.id, approvedBy: approver })
  })
  forgetPinFailures(ctx, input.staffId)
  return toPublic(target)
}
