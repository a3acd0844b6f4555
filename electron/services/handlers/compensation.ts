import type { compensationChannels } from '@shared/ipc/channels/compensation'
import { costTotals, decideOffer, executeOffer, makeOffer, proposeFor } from '../compensation'
import type { HandlersFor } from './types'

export const compensationHandlers: HandlersFor<typeof compensationChannels> = {
  'compensation:propose': ({ id }, ctx) => proposeFor(ctx, id),
  'compensation:offer': (input, ctx) => makeOffer(ctx, input),
  'compensation:decide': (input, ctx) => decideOffer(ctx, input),
  'compensation:execute': (input, ctx) => executeOffer(ctx, input),
  'compensation:totals': (input, ctx) => costTotals(ctx, input),
}
