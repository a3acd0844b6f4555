import { z } from 'zod'
import { CHANNELS } from '../values/options'
import { v } from '../values/messages'
import { enumOf, Id, optionalText, PhoneText, ReceivedAt, requiredText, StaffRef } from './common'

/** 建议 a suggestion, 意见 an opinion (docs/domain.md §3a): recorded and thanked for, never a complaint. */
export const SUGGESTION_KINDS = ['suggestion', 'opinion'] as const
export const SUGGESTION_LIMITS = { customerName: 30, text: 2000, reply: 500, reason: 200 } as const

/** The 建议/意见 form, validated the same in the form and in main. */
export const SuggestionDraft = z.object({
  receivedAt: ReceivedAt,
  kind: enumOf(SUGGESTION_KINDS),
  channel: enumOf(CHANNELS),
  customerName: optionalText(SUGGESTION_LIMITS.customerName),
  phone: PhoneText,
  /** The department it concerns, if any ('' : the branch as a whole). */
  departmentId: z.string({ message: v.choose }).max(64, { message: v.choose }),
  text: requiredText(SUGGESTION_LIMITS.text),
})
export type SuggestionDraft = z.infer<typeof SuggestionDraft>

export const Suggestion = SuggestionDraft.omit({ receivedAt: true }).extend({
  id: z.string(),
  /** JY-YYYYMMDD-NNNN: its own sequence, apart from the complaints' numbers. */
  number: z.string(),
  receivedAt: z.string(),
  createdAt: z.string(),
  createdBy: StaffRef,
  /** What the branch answered or did about it. */
  reply: z.object({ text: z.string(), at: z.string(), by: StaffRef }).nullable(),
  /** Logged by mistake: voided with a reason, never deleted. */
  voided: z.object({ reason: z.string(), at: z.string(), by: StaffRef }).nullable(),
})
export type Suggestion = z.infer<typeof Suggestion>

export const SuggestionView = Suggestion.extend({ departmentName: z.string() })
export type SuggestionView = z.infer<typeof SuggestionView>

export const ReplySuggestionInput = z.object({ id: Id, text: requiredText(SUGGESTION_LIMITS.reply) })
export const VoidSuggestionInput = z.object({ id: Id, reason: requiredText(SUGGESTION_LIMITS.reason) })
