import { contextBridge, ipcRenderer } from 'electron'
import { apiFrom } from '@shared/ipc/contract'

// window.api: one function per contract channel and nothing else (no raw ipcRenderer).
contextBridge.exposeInMainWorld(
  'api',
  apiFrom((channel, input) => ipcRenderer.invoke(channel, input)),
)
