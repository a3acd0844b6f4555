import { z } from 'zod'
import { CaseSummary } from './case'
import { Id, optionalText, Pin, StaffRef } from './common'
import { Commitment } from './workflow'
import { v } from '../values/messages'

/** What the outgoing shift hands over (a snapshot: the sheet shows what was true at sign-off). */
export const HandoverSnapshot = z.object({
  openCases: z.array(CaseSummary),
  commitmentsDue: z.array(z.object({ case: CaseSummary, commitment: Commitment })),
  escalations: z.array(CaseSummary),
  windowHours: z.number().int(),
})
export type HandoverSnapshot = z.infer<typeof HandoverSnapshot>

export const Handover = z.object({
  id: z.string(),
  at: z.string(),
  outgoing: StaffRef,
  incoming: StaffRef,
  notes: z.string(),
  snapshot: HandoverSnapshot,
})
export type Handover = z.infer<typeof Handover>

export const HANDOVER_WINDOW_HOURS = 8
const Hours = z
  .number({ message: v.invalid })
  .int({ message: v.invalid })
  .min(1, { message: v.invalid })
  .max(72, { message: v.invalid })

export const PrepareHandoverInput = z.object({ hours: Hours })
export const SubmitHandoverInput = z.object({
  hours: Hours,
  notes: optionalText(1000),
  /** The incoming clerk signs off with their own PIN (none chosen yet: 请选择一项). */
  incoming: z.object({ staffId: z.string({ message: v.choose }).min(1, { message: v.choose }).pipe(Id), pin: Pin }),
})
