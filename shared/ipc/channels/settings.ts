import { z } from 'zod'
import { ManagerApproval } from '../../schemas/common'
import { BranchContacts, WorkflowPolicy, WorkflowSettings } from '../../schemas/settings'
import { channels, None } from './spec'

export const settingsChannels = channels({
  'settings:get': { input: None, output: WorkflowSettings, auth: 'session' },
  'settings:update': {
    input: z.object({ workflow: WorkflowPolicy, approval: ManagerApproval }),
    output: WorkflowSettings,
    auth: 'manager',
  },
  /** Emergency contacts and the service phone (asked at first run, kept filled in). */
  'settings:setContacts': {
    input: BranchContacts.extend({ approval: ManagerApproval }),
    output: WorkflowSettings,
    auth: 'manager',
  },
})
