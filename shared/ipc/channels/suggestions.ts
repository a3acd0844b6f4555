import { z } from 'zod'
import { ReplySuggestionInput, SuggestionDraft, SuggestionView, VoidSuggestionInput } from '../../schemas/suggestion'
import { channels, None } from './spec'

/** 建议/意见: a customer's suggestion or opinion, its own record type, outside the complaint counts. */
export const suggestionChannels = channels({
  'suggestions:create': { input: SuggestionDraft, output: SuggestionView, auth: 'session' },
  /** Newest first, voided ones included (shown struck through). */
  'suggestions:list': { input: None, output: z.array(SuggestionView), auth: 'session' },
  'suggestions:reply': { input: ReplySuggestionInput, output: SuggestionView, auth: 'session' },
  'suggestions:void': { input: VoidSuggestionInput, output: SuggestionView, auth: 'session' },
})
