import { z } from 'zod'
import { ATTACHMENT_TYPES, base64Length, MAX_ATTACHMENT_BYTES } from '../values/attachments'
import { v } from '../values/messages'
import { Id, optionalText, requiredText, StaffRef } from './common'

/** A SHA-256 in lower-case hex: the name an evidence file is stored under. */
export const EvidenceHash = z.string().regex(/^[0-9a-f]{64}$/)

/**
 * A photo or PDF attached to a case as evidence (docs/domain.md §2a). The bytes are in the
 * data folder under their hash; the case keeps this record. Never removed: voided with a reason.
 */
export const Attachment = z.object({
  id: z.string(),
  hash: EvidenceHash,
  fileName: z.string(),
  type: z.enum(ATTACHMENT_TYPES),
  size: z.number().int().min(0),
  caption: z.string(),
  at: z.string(),
  by: StaffRef,
  voided: z.object({ at: z.string(), by: StaffRef, reason: z.string() }).nullable(),
})
export type Attachment = z.infer<typeof Attachment>

export const ATTACHMENT_LIMITS = { fileName: 200, caption: 100 } as const

/**
 * The file as picked, base64-encoded. The length allows a little over the limit so that a
 * file just too large reaches main's check and is refused in words (attachments.refused.tooLarge).
 */
export const AddAttachmentInput = z.object({
  id: Id,
  fileName: requiredText(ATTACHMENT_LIMITS.fileName),
  base64: z
    .string({ message: v.invalid })
    .min(1, { message: v.required })
    .max(base64Length(MAX_ATTACHMENT_BYTES + 64 * 1024), { message: v.tooLarge }),
  caption: optionalText(ATTACHMENT_LIMITS.caption).default(''),
})
export type AddAttachmentInput = z.input<typeof AddAttachmentInput>

export const VoidAttachmentInput = z.object({ id: Id, attachmentId: Id, reason: requiredText(200) })
export const AttachmentRef = z.object({ id: Id, attachmentId: Id })

/** One attachment's bytes, for showing it (a data: URL is made of these). */
export const AttachmentContent = z.object({
  type: z.enum(ATTACHMENT_TYPES),
  mime: z.string(),
  base64: z.string(),
})
export type AttachmentContent = z.infer<typeof AttachmentContent>
