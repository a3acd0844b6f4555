import type { scriptChannels } from '@shared/ipc/channels/scripts'
import { resetScripts, updateScripts } from '../scripts'
import type { HandlersFor } from './types'

export const scriptHandlers: HandlersFor<typeof scriptChannels> = {
  'scripts:update': (input, ctx) => updateScripts(ctx, input),
  'scripts:reset': (input, ctx) => resetScripts(ctx, input),
}
