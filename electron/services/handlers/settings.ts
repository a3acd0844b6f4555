import type { settingsChannels } from '@shared/ipc/channels/settings'
import { getWorkflowSettings, updateWorkflowSettings } from '../settings'
import type { HandlersFor } from './types'

export const settingsHandlers: HandlersFor<typeof settingsChannels> = {
  'settings:get': (_input, ctx) => getWorkflowSettings(ctx),
  'settings:update': (input, ctx) => updateWorkflowSettings(ctx, input),
}
