import { z } from 'zod'
import { ManagerApproval } from '../../schemas/common'
import { WorkflowSettings } from '../../schemas/settings'
import { channels, None } from './spec'

export const settingsChannels = channels({
  'settings:get': { input: None, output: WorkflowSettings, auth: 'session' },
  'settings:update': {
    input: z.object({ workflow: WorkflowSettings, approval: ManagerApproval }),
    output: WorkflowSettings,
    auth: 'manager',
  },
})
