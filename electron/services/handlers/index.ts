import type { Contract } from '@shared/ipc/contract'
import { appHandlers } from './app'
import { attachmentHandlers } from './attachments'
import { caseHandlers } from './cases'
import { compensationHandlers } from './compensation'
import { dataHandlers } from './data'
import { fileHandlers } from './files'
import { headOfficeHandlers } from './headOffice'
import { headquartersHandlers } from './headquarters'
import { reportHandlers } from './reports'
import { retentionHandlers } from './retention'
import { settingsHandlers } from './settings'
import { scriptHandlers } from './scripts'
import { staffHandlers } from './staff'
import { suggestionHandlers } from './suggestions'
import type { HandlersFor } from './types'
import { workflowHandlers } from './workflow'

export type { Handler, HandlersFor } from './types'
export type Handlers = HandlersFor<Contract>

/**
 * One handler per contract channel, one slice per feature (as the contract is sliced). The
 * type makes a missing or extra channel a compile error; the handlers only call use cases.
 */
export const handlers: Handlers = {
  ...appHandlers,
  ...staffHandlers,
  ...caseHandlers,
  ...workflowHandlers,
  ...attachmentHandlers,
  ...suggestionHandlers,
  ...compensationHandlers,
  ...reportHandlers,
  ...settingsHandlers,
  ...scriptHandlers,
  ...dataHandlers,
  ...retentionHandlers,
  ...fileHandlers,
  ...headOfficeHandlers,
  ...headquartersHandlers,
}
