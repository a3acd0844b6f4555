import type { appChannels } from '@shared/ipc/channels/app'
import { appStatus, setLocale } from '../app'
import type { HandlersFor } from './types'

export const appHandlers: HandlersFor<typeof appChannels> = {
  'app:status': (_input, ctx) => appStatus(ctx),
  'app:setLocale': ({ locale }, ctx) => setLocale(ctx, locale),
}
