import type { suggestionChannels } from '@shared/ipc/channels/suggestions'
import { createSuggestion, listSuggestions, replySuggestion, voidSuggestion } from '../suggestions'
import type { HandlersFor } from './types'

export const suggestionHandlers: HandlersFor<typeof suggestionChannels> = {
  'suggestions:create': (input, ctx) => createSuggestion(ctx, input),
  'suggestions:list': (_input, ctx) => listSuggestions(ctx),
  'suggestions:reply': (input, ctx) => replySuggestion(ctx, input),
  'suggestions:void': (input, ctx) => voidSuggestion(ctx, input),
}
