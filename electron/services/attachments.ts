import { randomUUID } from 'node:crypto'
import type { CaseDetail } from '@shared/schemas/case'
import type { Attachment, AttachmentContent } from '@shared/schemas/attachments'
import { ATTACHMENT_MIME, checkAttachment, formatBytes, MAX_ATTACHMENT_BYTES } from '@shared/values/attachments'
import { refusalFor } from '@shared/rules/lifecycle'
import { EvidenceDamagedError } from '../store'
import { changeCase, refuse } from './caseRecord'
import { requireSession, type ServiceContext } from './context'
import { AppError } from './errors'

/** A file refused for what it is (empty, too large, not an image or PDF): nothing is written. */
function refuseFile(reason: string, params: Record<string, string | number> = {}): never {
  throw new AppError(
    'VALIDATION',
    { max: formatBytes(MAX_ATTACHMENT_BYTES), ...params },
    `attachments.refused.${reason}`,
  )
}

/**
 * 添加证据 (docs/domain.md §2a): the bytes are checked by their content (a photo or a PDF, at
 * most 10 MB), stored in the data folder under their SHA-256 (once, however often attached),
 * then the case records the attachment through the one case-change path (timeline, audit).
 * A refused file, or a case that takes no more handling, changes nothing.
 */
export async function addAttachment(
  ctx: ServiceContext,
  input: { id: string; fileName: string; base64: string; caption: string },
): Promise<CaseDetail> {
  requireSession(ctx)
  const bytes = Buffer.from(input.base64, 'base64')
  const checked = checkAttachment(bytes)
  if (!checked.ok) refuseFile(checked.reason, { name: input.fileName })
  // The case is checked before the file is written: a refusal leaves nothing behind.
  const before = await ctx.store.readCase(input.id)
  if (!before) throw new AppError('NOT_FOUND')
  const refusal = refusalFor(before, 'addAttachment')
  if (refusal) refuse(refusal.key, refusal.params)
  const { hash } = await ctx.store.putEvidence(bytes)
  return changeCase(ctx, input.id, 'addAttachment', (c, by, at) => {
    const same = c.workflow.attachments.find((a) => a.hash === hash && !a.voided)
    if (same) refuseFile('duplicate', { name: same.fileName })
    const attachment: Attachment = {
      id: randomUUID(),
      hash,
      fileName: input.fileName,
      type: checked.type,
      size: bytes.length,
      caption: input.caption,
      at,
      by,
      voided: null,
    }
    c.workflow.attachments.push(attachment)
    const detail = `${input.fileName}（${formatBytes(bytes.length)}，${hash.slice(0, 12)}）`
    return { action: 'attachment.added', detail: input.caption ? `${detail}：${input.caption}` : detail }
  })
}

/** Voids an attachment with a reason: the record and the file stay, marked void (nothing is deleted). */
export function voidAttachment(
  ctx: ServiceContext,
  input: { id: string; attachmentId: string; reason: string },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'voidAttachment', (c, by, at) => {
    const a = c.workflow.attachments.find((x) => x.id === input.attachmentId)
    if (!a) throw new AppError('NOT_ALLOWED', {}, 'attachments.refused.noAttachment')
    if (a.voided) throw new AppError('NOT_ALLOWED', { name: a.fileName }, 'attachments.refused.alreadyVoided')
    a.voided = { at, by, reason: input.reason }
    return { action: 'attachment.voided', detail: `${a.fileName}：${input.reason}` }
  })
}

/** The bytes of one attachment of one case (a hash that is not the case's is not found). */
export async function readAttachment(
  ctx: ServiceContext,
  input: { id: string; attachmentId: string },
): Promise<AttachmentContent> {
  requireSession(ctx)
  const c = await ctx.store.readCase(input.id)
  const a = c?.workflow.attachments.find((x) => x.id === input.attachmentId)
  if (!a) throw new AppError('NOT_FOUND')
  const bytes = await evidenceBytes(ctx, a.hash)
  if (!bytes) throw new AppError('NOT_FOUND', { name: a.fileName }, 'attachments.missing')
  return { type: a.type, mime: ATTACHMENT_MIME[a.type], base64: bytes.toString('base64') }
}

/** An evidence file's bytes; null when missing or damaged (a printout then goes without it). */
export async function evidenceBytes(ctx: ServiceContext, hash: string): Promise<Buffer | null> {
  try {
    return await ctx.store.readEvidence(hash)
  } catch (err) {
    if (err instanceof EvidenceDamagedError) return null
    throw err
  }
}
