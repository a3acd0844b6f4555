import type { Api } from '@shared/ipc/contract'
import { createHttpApi } from '@shared/ipc/httpClient'

declare global {
  interface Window {
    api?: Api
  }
}

const TOKEN_KEY = 'complaint-desk-token'
const TAB_KEY = 'complaint-desk-tab'

/**
 * In Electron the preload provides window.api; in a plain browser the bridge's token
 * arrives once in the URL fragment (#token=…), is kept for this tab, and removed from
 * the address bar. The tab's own id keeps its sign-in apart from other tabs'.
 */
export function resolveApi(win: Window = window): Api {
  if (win.api) return win.api
  const fromHash = new URLSearchParams(win.location.hash.slice(1)).get('token')
  if (fromHash) {
    win.sessionStorage.setItem(TOKEN_KEY, fromHash)
    win.history.replaceState(null, '', win.location.pathname + win.location.search)
  }
  const token = win.sessionStorage.getItem(TOKEN_KEY) ?? ''
  // Each tab signs in on its own: a new tab gets a new id (sessionStorage is per tab).
  let tab = win.sessionStorage.getItem(TAB_KEY)
  if (!tab) {
    tab = win.crypto.randomUUID()
    win.sessionStorage.setItem(TAB_KEY, tab)
  }
  return createHttpApi(token, tab, win.fetch.bind(win))
}
