import { z } from 'zod'
import { v } from '../values/messages'

export const Id = z.string().min(1, { message: v.invalid }).max(64, { message: v.invalid })

/** A trimmed, required text of at most `max` characters. */
export const requiredText = (max: number) =>
  z
    .string({ message: v.required })
    .trim()
    .min(1, { message: v.required })
    .max(max, { message: v.tooLong(max) })

export const optionalText = (max: number) =>
  z
    .string({ message: v.invalid })
    .trim()
    .max(max, { message: v.tooLong(max) })

export const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: v.choose })

export const Pin = z.string({ message: v.pin }).regex(/^\d{4,8}$/, { message: v.pin })

/** A manager's PIN given for one manager-only action (the approver is recorded). */
export const ManagerApproval = z.object({ managerId: Id, pin: Pin })
export type ManagerApproval = z.infer<typeof ManagerApproval>

export const StaffRef = z.object({ id: z.string(), name: z.string() })
export type StaffRef = z.infer<typeof StaffRef>
