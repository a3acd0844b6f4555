import type { dataChannels } from '@shared/ipc/channels/data'
import { acknowledgeRecovery, backupList, createBackup, restoreBackup, restoreMissing, startAfresh } from '../backups'
import { exportBundle, importBundle } from '../bundle'
import type { HandlersFor } from './types'

export const dataHandlers: HandlersFor<typeof dataChannels> = {
  'backups:list': (_input, ctx) => backupList(ctx),
  'backups:create': (_input, ctx) => createBackup(ctx),
  'backups:restore': (input, ctx) => restoreBackup(ctx, input),
  'backups:acknowledgeRecovery': (_input, ctx) => acknowledgeRecovery(ctx),
  'backups:restoreMissing': (_input, ctx) => restoreMissing(ctx),
  'data:startAfresh': (_input, ctx) => startAfresh(ctx),
  'data:exportBundle': (_input, ctx) => exportBundle(ctx),
  'data:importBundle': (input, ctx) => importBundle(ctx, input),
}
