import type { retentionChannels } from '@shared/ipc/channels/retention'
import { anonymiseCases, retentionDue } from '../retention'
import type { HandlersFor } from './types'

export const retentionHandlers: HandlersFor<typeof retentionChannels> = {
  'retention:due': (_input, ctx) => retentionDue(ctx),
  'retention:anonymise': (input, ctx) => anonymiseCases(ctx, input),
}
