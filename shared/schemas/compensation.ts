import { z } from 'zod'
import { CATEGORIES, COMPENSATION_FORMS, GOODWILL_FORMS } from '../values/options'
import { DayRange, Id, ManagerApproval, optionalText, requiredText, StaffRef } from './common'
import { v } from '../values/messages'

const fen = z
  .number({ message: v.amount })
  .int({ message: v.amount })
  .min(0, { message: v.amount })
  .max(100_000_000, { message: v.amount })
const CatalogueItem = z.object({
  form: z.enum(['gift', 'free_service', 'onsite_service'], { message: v.choose }),
  name: requiredText(30),
  valueFen: fen,
})
export type CatalogueItem = z.infer<typeof CatalogueItem>

/** Branch compensation policy: what may be offered, and how much goodwill is fair (docs/domain.md §7). */
export const CompensationPolicy = z.object({
  /** Goodwill may reach this share of the loss… */
  goodwillCapPercent: z
    .number({ message: v.invalid })
    .int({ message: v.invalid })
    .min(0, { message: v.invalid })
    .max(1000, { message: v.invalid }),
  /** …but never less than this, so a loss-free complaint can still get a gesture. */
  goodwillCapMinFen: fen,
  coupons: z.array(fen).min(1, { message: v.required }).max(10, { message: v.invalid }),
  /** Gifts and services with their cash value. */
  catalogue: z.array(CatalogueItem).max(40, { message: v.invalid }),
  /** Member points worth ¥1 (points are offered by their cash value). */
  pointsPerYuan: z
    .number({ message: v.invalid })
    .int({ message: v.invalid })
    .min(1, { message: v.invalid })
    .max(10_000, { message: v.invalid }),
  /** Preferred goodwill forms per category, best first. */
  suggestions: z.partialRecord(z.enum(CATEGORIES), z.array(z.enum(GOODWILL_FORMS)).max(GOODWILL_FORMS.length)),
})
export type CompensationPolicy = z.infer<typeof CompensationPolicy>

export const OfferItem = z.object({
  form: z.enum(COMPENSATION_FORMS, { message: v.choose }),
  valueFen: fen,
  note: optionalText(60),
})
export type OfferItem = z.infer<typeof OfferItem>

export const PRINCIPLES = ['fair', 'simple', 'flexible', 'caring'] as const

/** One proposal of the chooser: a package of items, its value and why. */
export const CompensationOption = z.object({
  id: z.string(),
  items: z.array(OfferItem),
  restoreFen: z.number().int(),
  goodwillFen: z.number().int(),
  valueFen: z.number().int(),
  withinAuthority: z.boolean(),
  needs: z.array(z.enum(['over_limit', 'over_cap'])),
  principle: z.enum(PRINCIPLES),
  rationale: z.string(),
})
export type CompensationOption = z.infer<typeof CompensationOption>

export const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'executed'] as const
export const Offer = z.object({
  id: z.string(),
  items: z.array(OfferItem),
  restoreFen: z.number().int(),
  goodwillFen: z.number().int(),
  source: z.enum(['proposed', 'custom']),
  status: z.enum(OFFER_STATUSES),
  offeredAt: z.string(),
  offeredBy: StaffRef,
  approvedBy: StaffRef.nullable(),
  capReason: z.string(),
  decidedAt: z.string().nullable(),
  decidedBy: StaffRef.nullable(),
  execution: z
    .object({
      voucherCode: z.string(),
      refundReceiptNo: z.string(),
      exchangedItem: z.string(),
      note: z.string(),
      at: z.string(),
      by: StaffRef,
    })
    .nullable(),
})
export type Offer = z.infer<typeof Offer>

export const MakeOfferInput = z.object({
  id: Id,
  items: z.array(OfferItem).min(1, { message: v.required }).max(6, { message: v.invalid }),
  source: z.enum(['proposed', 'custom']),
  approval: ManagerApproval.optional(),
  capReason: optionalText(200),
})
export const DecideOfferInput = z.object({ id: Id, offerId: Id, accepted: z.boolean() })
export const ExecuteOfferInput = z.object({
  id: Id,
  offerId: Id,
  voucherCode: optionalText(40),
  refundReceiptNo: optionalText(40),
  exchangedItem: optionalText(60),
  note: optionalText(200),
})

export const CostQuery = DayRange
const CostRow = z.object({
  key: z.string(),
  label: z.string(),
  offers: z.number().int(),
  restoreFen: z.number().int(),
  goodwillFen: z.number().int(),
})
export const CostTotals = z.object({
  byDepartment: z.array(CostRow),
  byCategory: z.array(CostRow),
  total: CostRow,
})
export type CostTotals = z.infer<typeof CostTotals>
