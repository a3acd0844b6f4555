import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { CHANNEL_NAMES } from '@shared/ipc/contract'
import type { Result } from '@shared/ipc/result'
import type { Dispatch } from '../services/dispatch'

/** True when the call comes from the app's own top frame (not an iframe, not another page). */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, isTrustedSender: SenderCheck): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: 'BAD_SENDER', message: 'untrusted sender' } }
      }
      // Each window signs in on its own (docs/architecture.md, "Identity").
      return dispatch(channel, input, `window:${event.sender.id}`)
    })
  }
}

export function makeSenderCheck(
  isAppUrl: (url: string) => boolean,
  mainFrameId: () => number | undefined,
): SenderCheck {
  return (event) => {
    const frame = event.senderFrame
    if (!frame || frame.parent !== null) return false
    if (mainFrameId() !== undefined && event.sender.id !== mainFrameId()) return false
    return isAppUrl(frame.url)
  }
}
