import type { Api } from '@shared/ipc/contract'
import { createHttpApi } from '@shared/ipc/httpClient'

declare global {
  interface Window {
    api?: Api
  }
}

const TOKEN_KEY = 'complaint-desk-token'

/**
 * In Electron the preload provides window.api; in a plain browser the bridge's token
 * arrives once in the URL fragment (#token=…), is kept for this tab, and removed from
 * the address bar.
 */
export function resolveApi(win: Window = window): Api {
  if (win.api) return win.api
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token')
  if (fromHash) {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash)
    win.history.replaceState(null, '', win.location.pathname + win.location.search)
  }
  const token = win.sessionStorage.getItem(TOKEN_KEY) ?? ''
  return createHttpApi(token, win.fetch.bind(win))
}
