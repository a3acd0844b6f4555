import { elevationFrom } from '@shared/rules/elevation'
import { randomUUID } from 'node:crypto'
import { DEFAULT_DEPARTMENTS } from '@shared/domain/defaults'
import type {
  Department,
  DepartmentEntry,
  Session,
  SetupInput,
  StaffEntry,
  StaffInput,
  StaffPublic,
} from '@shared/schemas/staff'
import type { ManagerApproval } from '@shared/schemas/common'
import { OPEN_STATUSES } from '@shared/rules/lifecycle'
import {
  departmentActiveRefusal,
  renameRefusal,
  staffActiveRefusal,
  type DirectoryRefusal,
} from '@shared/rules/directory'
import type { DbData, StaffRecord } from '../store'
import { AppError } from './errors'
import { forgetPinFailures, newStaffRecord, toPublic } from './auth'
import { hashPin } from './pin'
import { actorOf, appendAudit, approverOf, requireSession, startSession, type ServiceContext } from './context'

export function setupNeeded(ctx: ServiceContext): boolean {
  return ctx.store.data.branch === null || !ctx.store.data.staff.some((s) => s.role === 'manager')
}

/**
 * First run: the branch, the first manager (signed in at once), the emergency contacts and the
 * service phone, and the departments (the defaults unless others were given).
 */
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
    // Head office takes no complaints at a desk: no departments, no contacts of its own.
    if (d.departments.length === 0 && kind === 'branch') {
      const names = input.departments ?? DEFAULT_DEPARTMENTS[locale]
      d.departments = names.map((name) => ({ id: randomUUID(), name, active: true }))
    }
    if (kind === 'branch' && input.contacts) {
      d.settings.workflow = {
        ...d.settings.workflow,
        managerContacts: input.contacts.managerContacts,
        serviceContact: input.contacts.serviceContact,
      }
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

const openCases = (data: Readonly<DbData>, owns: (c: DbData['cases'][number]) => boolean) =>
  data.cases.filter((c) => OPEN_STATUSES.includes(c.status) && owns(c)).length

function staffEntry(data: Readonly<DbData>, s: StaffRecord): StaffEntry {
  return {
    ...toPublic(s),
    active: s.active,
    lockedUntil: s.lockedUntil,
    openCases: openCases(data, (c) => c.workflow.owner?.id === s.id),
  }
}

function departmentEntry(data: Readonly<DbData>, d: Department): DepartmentEntry {
  return { ...d, openCases: openCases(data, (c) => c.departmentId === d.id) }
}

/** Everyone on the staff list, active first, with their lock and the open cases they own (设置 → 员工). */
export function staffDirectory(ctx: ServiceContext): StaffEntry[] {
  requireSession(ctx)
  const data = ctx.store.data
  return data.staff.map((s) => staffEntry(data, s)).sort((a, b) => Number(b.active) - Number(a.active))
}

/** Every department, active first, with its open cases (设置 → 部门). */
export function departmentDirectory(ctx: ServiceContext): DepartmentEntry[] {
  requireSession(ctx)
  const data = ctx.store.data
  return data.departments.map((d) => departmentEntry(data, d)).sort((a, b) => Number(b.active) - Number(a.active))
}

/** A refusal from rules/directory, in the user's words (`settings.refusals.<id>`), on the name field where it is one. */
function refuseDirectory(refusal: DirectoryRefusal, duplicateKey: string): never {
  if (refusal === 'duplicate') {
    throw new AppError('VALIDATION', {}, duplicateKey, [{ path: 'name', message: duplicateKey }])
  }
  throw new AppError('NOT_ALLOWED', {}, `settings.refusals.${refusal}`)
}

/**
 * A new name for a member of staff (a typo, a married name). Cases keep the name they were
 * recorded with; the audit trail keeps both.
 */
export async function renameStaff(
  ctx: ServiceContext,
  input: { staffId: string; name: string; approval: ManagerApproval },
): Promise<StaffEntry> {
  const approver = approverOf(ctx)
  const at = ctx.now().toISOString()
  const renamed = await ctx.store.update((d) => {
    const target = d.staff.find((s) => s.id === input.staffId)
    if (!target) throw new AppError('NOT_FOUND')
    const refusal = renameRefusal(d.staff, target.id, input.name)
    if (refusal) refuseDirectory(refusal, 'errors.DUPLICATE_STAFF')
    const before = target.name
    target.name = input.name
    appendAudit(d, {
      at,
      by: actorOf(ctx),
      action: 'staff.renamed',
      target: target.id,
      approvedBy: approver,
      changes: [{ field: 'name', before, after: input.name }],
    })
    return staffEntry(d, target)
  })
  const { id, name } = renamed
  ctx.sessions.updateAll((s) => ({
    ...s,
    staff: s.staff.id === id ? { ...s.staff, name } : s.staff,
    elevation: s.elevation?.by.id === id ? { ...s.elevation, by: { id, name } } : s.elevation,
  }))
  return renamed
}

/**
 * 停用 / 启用 a member of staff. A deactivated account cannot sign in, approve or be given a
 * case, and is signed out wherever it is signed in; cases it owns keep their owner until
 * handed over. The branch keeps an active manager, and nobody deactivates themselves.
 */
export async function setStaffActive(
  ctx: ServiceContext,
  input: { staffId: string; active: boolean; approval: ManagerApproval },
): Promise<StaffEntry> {
  const approver = approverOf(ctx)
  const at = ctx.now().toISOString()
  const changed = await ctx.store.update((d) => {
    const target = d.staff.find((s) => s.id === input.staffId)
    if (!target) throw new AppError('NOT_FOUND')
    // Decided on the data being changed, inside the store's queue: two managers deactivating
    // each other at once cannot both succeed.
    const refusal = staffActiveRefusal(d.staff, target.id, input.active, ctx.session?.staff.id ?? null)
    if (refusal) refuseDirectory(refusal, 'errors.DUPLICATE_STAFF')
    target.active = input.active
    appendAudit(d, {
      at,
      by: actorOf(ctx),
      action: input.active ? 'staff.reactivated' : 'staff.deactivated',
      target: target.id,
      approvedBy: approver,
      changes: [{ field: 'active', before: String(!input.active), after: String(input.active) }],
    })
    return staffEntry(d, target)
  })
  if (!input.active) {
    // Signed out everywhere, and an approval they gave stands no more.
    ctx.sessions.endStaff(changed.id)
    ctx.sessions.updateAll((s) => (s.elevation?.by.id === changed.id ? { ...s, elevation: null } : s))
  }
  return changed
}

export async function renameDepartment(
  ctx: ServiceContext,
  input: { departmentId: string; name: string; approval: ManagerApproval },
): Promise<DepartmentEntry> {
  const approver = approverOf(ctx)
  const at = ctx.now().toISOString()
  return ctx.store.update((d) => {
    const target = d.departments.find((x) => x.id === input.departmentId)
    if (!target) throw new AppError('NOT_FOUND')
    const refusal = renameRefusal(d.departments, target.id, input.name)
    if (refusal) refuseDirectory(refusal, 'errors.DUPLICATE_DEPARTMENT')
    const before = target.name
    target.name = input.name
    appendAudit(d, {
      at,
      by: actorOf(ctx),
      action: 'department.renamed',
      target: target.id,
      approvedBy: approver,
      changes: [{ field: 'name', before, after: input.name }],
    })
    return departmentEntry(d, target)
  })
}

/**
 * 停用 / 启用 a department: a deactivated one is not offered for new cases or handoffs; its
 * cases keep showing its name. One department stays active.
 */
export async function setDepartmentActive(
  ctx: ServiceContext,
  input: { departmentId: string; active: boolean; approval: ManagerApproval },
): Promise<DepartmentEntry> {
  const approver = approverOf(ctx)
  const at = ctx.now().toISOString()
  return ctx.store.update((d) => {
    const target = d.departments.find((x) => x.id === input.departmentId)
    if (!target) throw new AppError('NOT_FOUND')
    const refusal = departmentActiveRefusal(d.departments, target.id, input.active)
    if (refusal) refuseDirectory(refusal, 'errors.DUPLICATE_DEPARTMENT')
    target.active = input.active
    appendAudit(d, {
      at,
      by: actorOf(ctx),
      action: input.active ? 'department.reactivated' : 'department.deactivated',
      target: target.id,
      approvedBy: approver,
      changes: [{ field: 'active', before: String(!input.active), after: String(input.active) }],
    })
    return departmentEntry(d, target)
  })
}
