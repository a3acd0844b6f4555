import { CaseDetail } from '../../schemas/case'
import { AddAttachmentInput, AttachmentContent, AttachmentRef, VoidAttachmentInput } from '../../schemas/attachments'
import { channels } from './spec'

/** 证据附件: photos and PDFs on a case (docs/domain.md §2a). */
export const attachmentChannels = channels({
  /** A file as picked (base64): checked by content, at most 10 MB, stored by hash. */
  'attachments:add': { input: AddAttachmentInput, output: CaseDetail, auth: 'session' },
  /** Voided with a reason; the record and the file stay. */
  'attachments:void': { input: VoidAttachmentInput, output: CaseDetail, auth: 'session' },
  /** One attachment's bytes, for a thumbnail or a larger view. */
  'attachments:read': { input: AttachmentRef, output: AttachmentContent, auth: 'session' },
})
