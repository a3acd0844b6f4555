import { z } from 'zod'
import { v } from '../values/messages'
import { parseLocalDateTime } from '../values/localTime'
import { isValidPhone } from '../values/phone'

/** A receipt time may be a few minutes ahead of main's clock (two clocks, one PC). */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000

/** 受理时间 as typed (local, YYYY-MM-DDTHH:mm): a real time, not in the future. */
export const ReceivedAt = z
  .string({ message: v.dateTime })
  .refine((s) => parseLocalDateTime(s) !== null, { message: v.dateTime })
  .refine((s) => (parseLocalDateTime(s)?.getTime() ?? 0) <= Date.now() + FUTURE_TOLERANCE_MS, {
    message: v.future,
  })

/** A customer's phone as typed: blank, or a mainland mobile or landline (values/phone). */
export const PhoneText = z
  .string({ message: v.phone })
  .trim()
  .refine((s) => s === '' || isValidPhone(s), { message: v.phone })

export const Id = z.string().min(1, { message: v.invalid }).max(64, { message: v.invalid })

/** Characters that show nothing: a field made only of these is empty. */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g

/** A trimmed, required text of at most `max` characters, with something visible in it. */
export const requiredText = (max: number) =>
  z
    .string({ message: v.required })
    .trim()
    .min(1, { message: v.required })
    .max(max, { message: v.tooLong(max) })
    .refine((s) => s.replace(INVISIBLE, '').trim().length > 0, { message: v.required })

export const optionalText = (max: number) =>
  z
    .string({ message: v.invalid })
    .trim()
    .max(max, { message: v.tooLong(max) })

export const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { message: v.choose })

export const Pin = z.string({ message: v.pin }).regex(/^\d{4,8}$/, { message: v.pin })

/**
 * What stands for the PIN when the manager approved within the last few minutes (docs/domain.md
 * §10): main checks the caller's elevation instead; it is never a PIN (PINs are digits).
 */
export const USE_ELEVATION = 'elevated'

/** A manager's PIN given for one manager-only action (the approver is recorded). */
export const ManagerApproval = z.object({
  managerId: Id,
  pin: z.union([Pin, z.literal(USE_ELEVATION)], { message: v.pin }),
})
export type ManagerApproval = z.infer<typeof ManagerApproval>

export const StaffRef = z.object({ id: z.string(), name: z.string() })
export type StaffRef = z.infer<typeof StaffRef>

/** A local calendar day, YYYY-MM-DD, that exists. */
export const Day = z
  .string({ message: v.dateTime })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: v.dateTime })
  .refine((s) => !Number.isNaN(dayNumber(s)) && new Date(dayNumber(s) * 86_400_000).toISOString().startsWith(s), {
    message: v.dateTime,
  })

/** Reports cover at most two years: a longer range is a mistake, and would hold up the host. */
export const MAX_RANGE_DAYS = 731

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number)
  const date = new Date(Date.UTC(2000, m - 1, d))
  date.setUTCFullYear(y) // Date.UTC would read years 0–99 as 1900–1999
  return date.getTime() / 86_400_000
}

/** A range of local days, both ends included: `from` ≤ `to`, at most MAX_RANGE_DAYS long. */
export const DayRange = z
  .object({ from: Day, to: Day })
  .refine((r) => r.from <= r.to, { message: v.invalid, path: ['to'] })
  .refine((r) => r.from > r.to || dayNumber(r.to) - dayNumber(r.from) < MAX_RANGE_DAYS, {
    message: v.rangeTooLong,
    path: ['to'],
  })
export type DayRange = z.infer<typeof DayRange>
