import type { settingsChannels } from '@shared/ipc/channels/settings'
import { getWorkflowSettings, setContacts, updateWorkflowSettings } from '../settings'
import type { HandlersFor } from './types'

export const settingsHandlers: HandlersFor<typeof settingsChannels> = {
  'settings:get': (_input, ctx) => getWorkflowSettings(ctx),
  'settings:update': (input, ctx) => updateWorkflowSettings(ctx, input),
  'settings:setContacts': (input, ctx) => setContacts(ctx, input),
}
