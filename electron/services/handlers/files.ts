import type { fileChannels } from '@shared/ipc/channels/files'
import { desktopOnly, safeName } from '../files'
import type { HandlersFor } from './types'

export const fileHandlers: HandlersFor<typeof fileChannels> = {
  'files:savePdf': ({ fileName, base64 }, ctx) =>
    desktopOnly(ctx).savePdf(safeName(fileName), Buffer.from(base64, 'base64')),
  'files:openPdf': ({ path }, ctx) => desktopOnly(ctx).openPdf(path),
  'files:printPdf': ({ fileName, base64 }, ctx) =>
    desktopOnly(ctx).printPdf(safeName(fileName), Buffer.from(base64, 'base64')),
}
