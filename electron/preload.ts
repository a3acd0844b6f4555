import { contextBridge, ipcRenderer } from 'electron'
import { CHANNEL_NAMES } from '@shared/ipc/contract'

/** window.api: one function per contract channel and nothing else (no raw ipcRenderer). */
export function buildApi(
  invoke: (channel: string, input?: unknown) => Promise<unknown>,
): Record<string, (input?: unknown) => Promise<unknown>> {
  return Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (input?: unknown) => invoke(channel, input)]))
}

contextBridge.exposeInMainWorld(
  'api',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
)
