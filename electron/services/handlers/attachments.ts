import type { attachmentChannels } from '@shared/ipc/channels/attachments'
import { addAttachment, readAttachment, voidAttachment } from '../attachments'
import type { HandlersFor } from './types'

export const attachmentHandlers: HandlersFor<typeof attachmentChannels> = {
  'attachments:add': (input, ctx) => addAttachment(ctx, input),
  'attachments:void': (input, ctx) => voidAttachment(ctx, input),
  'attachments:read': (input, ctx) => readAttachment(ctx, input),
}
