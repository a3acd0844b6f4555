import { z } from 'zod'
import {
  CATEGORIES,
  CAUSES,
  CHANNELS,
  CONFIRMABLE_RULES,
  CUSTOMER_STYLES,
  CUSTOMER_TYPES,
  DEMANDS,
  FAULTS,
  MOODS,
  RESOLVED_AT_DESK,
  SITUATIONS,
} from '../values/options'

/**
 * A text field of a draft: kept as typed, over the form's limit too (the form says so next to
 * the field; the draft must not cut what the clerk typed), within a bound for the payload.
 */
export const DRAFT_TEXT_MAX = 10_000
const text = z.string().max(DRAFT_TEXT_MAX)
const choice = <T extends readonly [string, ...string[]]>(values: T) => z.union([z.literal(''), z.enum(values)])

/**
 * The intake form half filled (受理登记 as the clerk left it): the CaseDraft fields, each one
 * optional and lenient (blank choices, any text), so whatever is on the screen can be kept and
 * put back; only the save (cases:create, CaseDraft) decides whether it is a complaint.
 */
export const IntakeDraftValues = z
  .object({
    receivedAt: z.string().max(40),
    channel: choice(CHANNELS),
    customerName: text,
    phone: text,
    customerType: choice(CUSTOMER_TYPES),
    customerStyle: choice(CUSTOMER_STYLES),
    mood: choice(MOODS),
    departmentId: z.string().max(64),
    product: text,
    amount: text,
    lossAmount: text,
    claimAmount: text,
    receiptNo: text,
    category: choice(CATEGORIES),
    cause: choice(CAUSES),
    description: text,
    demand: choice(DEMANDS),
    demandNote: text,
    customerWords: text,
    staffComplainedAbout: text,
    situations: z.array(z.enum(SITUATIONS)).max(SITUATIONS.length),
    confirmedRules: z.array(z.enum(CONFIRMABLE_RULES)).max(CONFIRMABLE_RULES.length),
    fault: choice(FAULTS),
    resolvedAtDesk: choice(RESOLVED_AT_DESK),
  })
  .partial()
export type IntakeDraftValues = z.infer<typeof IntakeDraftValues>

export const SaveDraftInput = z.object({ values: IntakeDraftValues })
export type SaveDraftInput = z.infer<typeof SaveDraftInput>

/** A clerk's draft as kept in main: what the form held and when it was saved. */
export const IntakeDraft = z.object({ values: IntakeDraftValues, savedAt: z.string() })
export type IntakeDraft = z.infer<typeof IntakeDraft>
