import type { Result } from '@shared/ipc/result'
import { useApi, useHost } from '../apiContext'
import { downloadFile } from '../download'

type File = { fileName: string; base64: string }
/** Where a delivered file went: null in a browser (downloaded), else the desktop save's answer. */
export type Delivered = { saved: boolean; path: string | null } | null

/** Hands a file made in main to the user: a download in the browser host, a save dialog in the desktop app. */
export function useDeliverFile(): (file: File) => Promise<Result<Delivered>> {
  const api = useApi()
  const host = useHost()
  return async (file) => {
    if (host !== 'browser') return api['files:savePdf'](file)
    downloadFile(file)
    return { ok: true, data: null }
  }
}
