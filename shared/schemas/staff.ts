import { z } from 'zod'
import { ROLES } from '../values/options'
import { enumOf, Id, ManagerApproval, Pin, requiredText, StaffRef } from './common'
import { v } from '../values/messages'
import { repeatedNames } from '../values/names'
import { BranchContacts } from './settings'

export const Locale = z.enum(['zh-CN', 'en'])
export type Locale = z.infer<typeof Locale>

export const BranchInput = z.object({
  name: requiredText(60),
  code: z
    .string({ message: v.required })
    .trim()
    .min(1, { message: v.required })
    .regex(/^[A-Za-z0-9-]{2,16}$/, { message: v.branchCode }),
})

const pinsMatch = (d: { pin: string; pinConfirm: string }) => d.pin === d.pinConfirm
const pinsMatchError = { message: v.pinMismatch, path: ['pinConfirm'] }

/**
 * What an installation is: a branch (门店/网点, the desk) or head office (总部), which reads every
 * branch's cases from PostgreSQL (docs/architecture.md, "Head office mode"). Chosen at first run.
 */
export const INSTALLATION_KINDS = ['branch', 'headoffice'] as const
export type InstallationKind = (typeof INSTALLATION_KINDS)[number]

/** Department names, each once (values/names): the list a branch starts with. */
export const DepartmentNames = z
  .array(requiredText(30))
  .min(1, { message: v.departmentsRequired })
  .max(30, { message: v.invalid })
  .superRefine((names, ctx) => {
    for (const i of repeatedNames(names)) ctx.addIssue({ code: 'custom', message: v.duplicateName, path: [i] })
  })

export const SetupInput = z
  .object({
    /** Absent: a branch (as every installation was before head office mode). */
    kind: z.enum(INSTALLATION_KINDS, { message: v.choose }).optional(),
    branch: BranchInput,
    manager: z.object({ name: requiredText(30), pin: Pin, pinConfirm: z.string() }).refine(pinsMatch, pinsMatchError),
    /**
     * A branch's emergency contacts and service phone: its first urgent case and first receipt
     * need them (required for a branch; head office has no desk).
     */
    contacts: BranchContacts.optional(),
    /** A branch's departments to start with (the defaults, as shown and edited); absent: the defaults. */
    departments: DepartmentNames.optional(),
  })
  .superRefine((s, ctx) => {
    if ((s.kind ?? 'branch') === 'branch' && !s.contacts)
      ctx.addIssue({ code: 'custom', message: v.required, path: ['contacts'] })
  })
export type SetupInput = z.infer<typeof SetupInput>

export const StaffInput = z
  .object({ name: requiredText(30), role: enumOf(ROLES), pin: Pin, pinConfirm: z.string() })
  .refine(pinsMatch, pinsMatchError)
export type StaffInput = z.infer<typeof StaffInput>

export const AddStaffInput = z.object({ staff: StaffInput, approval: ManagerApproval })
export const AddDepartmentInput = z.object({ name: requiredText(30), approval: ManagerApproval })

export const SignInInput = z.object({ staffId: Id, pin: Pin })

export const StaffPublic = z.object({ id: z.string(), name: z.string(), role: enumOf(ROLES) })
export type StaffPublic = z.infer<typeof StaffPublic>

export const Department = z.object({ id: z.string(), name: z.string(), active: z.boolean() })
export type Department = z.infer<typeof Department>

export const Branch = z.object({
  name: z.string(),
  code: z.string(),
  /** Absent in data files written before head office mode: a branch. */
  kind: z.enum(INSTALLATION_KINDS).optional(),
})
export type Branch = z.infer<typeof Branch>

/** A manager's approval standing for a few minutes in this window or tab (shared/rules/elevation.ts). */
export const Elevation = z.object({ by: StaffRef, until: z.string() })
export type Elevation = z.infer<typeof Elevation>

export const Session = z.object({
  staff: StaffPublic,
  signedInAt: z.string(),
  elevation: Elevation.nullable().optional(),
})
export type Session = z.infer<typeof Session>

export const ResetPinInput = z
  .object({ staffId: Id, pin: Pin, pinConfirm: z.string(), approval: ManagerApproval })
  .refine(pinsMatch, pinsMatchError)

/** A member of staff as the settings list shows them: active or not, locked, and how many open cases they own. */
export const StaffEntry = StaffPublic.extend({
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  openCases: z.number().int(),
})
export type StaffEntry = z.infer<typeof StaffEntry>

/** A department as the settings list shows it, with its open cases. */
export const DepartmentEntry = Department.extend({ openCases: z.number().int() })
export type DepartmentEntry = z.infer<typeof DepartmentEntry>

export const RenameStaffInput = z.object({ staffId: Id, name: requiredText(30), approval: ManagerApproval })
/** 停用 / 启用: nobody is deleted; a deactivated account cannot sign in and owns no new cases. */
export const SetStaffActiveInput = z.object({ staffId: Id, active: z.boolean(), approval: ManagerApproval })
export const RenameDepartmentInput = z.object({ departmentId: Id, name: requiredText(30), approval: ManagerApproval })
/** A deactivated department takes no new cases; its old cases keep its name. */
export const SetDepartmentActiveInput = z.object({
  departmentId: Id,
  active: z.boolean(),
  approval: ManagerApproval,
})
