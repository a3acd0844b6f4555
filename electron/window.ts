import { BrowserWindow, type WebContents } from 'electron'

/**
 * The main window. The renderer is untrusted: isolated, sandboxed, no Node, no remote
 * content. The options are written out literally so the Electron security linter can read them.
 */
export function createMainWindow(preloadPath: string, packaged = true): BrowserWindow {
  return new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: '客诉台 Complaint Desk',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      // Developer tools only while developing; a branch PC never gets a console into customer data.
      devTools: !packaged,
    },
  })
}

/** Blocks navigation away from the app and every new window (links, window.open). */
export function lockDownContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
}

export function showWhenReady(win: BrowserWindow): void {
  win.once('ready-to-show', () => win.show())
}
