import type { headOfficeChannels } from '@shared/ipc/channels/headOffice'
import { getHeadOffice, setHeadOffice } from '../headOfficeLink'
import { requireSession } from '../context'
import type { HandlersFor } from './types'

export const headOfficeHandlers: HandlersFor<typeof headOfficeChannels> = {
  'headoffice:get': (_input, ctx) => getHeadOffice(ctx, ctx.headOffice),
  'headoffice:set': (input, ctx) => setHeadOffice(ctx, ctx.headOffice, input),
  'headoffice:status': async (_input, ctx) => {
    requireSession(ctx)
    return ctx.headOffice.status()
  },
}
