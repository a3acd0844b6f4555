import { HeadOfficeView, SetHeadOfficeInput, SyncStatusView } from '../../schemas/headOffice'
import { channels, None } from './spec'

/** The branch's link to head office (docs/architecture.md, "Head office sync"). */
export const headOfficeChannels = channels({
  'headoffice:get': { input: None, output: HeadOfficeView.nullable(), auth: 'session' },
  'headoffice:set': { input: SetHeadOfficeInput, output: HeadOfficeView, auth: 'manager' },
  /** Never waits on the network: what the worker last found. */
  'headoffice:status': { input: None, output: SyncStatusView, auth: 'session' },
})
