import { app, dialog, ipcMain, safeStorage, type BrowserWindow } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeIsAppUrl } from './appUrl'
import { resolveDataDir } from './dataDir'
import { makeSenderCheck, registerIpc } from './ipc/register'
import { openServices, type Services } from './services'
import { createMainWindow, lockDownContents, showWhenReady } from './window'
import { createDesktopActions } from './desktop'
import { startSync } from './sync'
import { openHeadquarters } from './headquarters'

// main.ts is lifecycle and window only; everything else lives in services.
let services: Services | undefined
let mainWindow: BrowserWindow | undefined

const here = dirname(fileURLToPath(import.meta.url))
const rendererIndex = join(here, '../renderer/index.html')
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const isAppUrl = makeIsAppUrl(rendererIndex, devServerUrl)

async function start(): Promise<void> {
  services = await openServices(resolveDataDir(app.getPath('userData')), undefined, {
    desktop: createDesktopActions(() => mainWindow),
    startSync,
    openHeadquarters,
    // Head office's password sealed by the OS keychain where it is available.
    secrets: safeStorage.isEncryptionAvailable()
      ? {
          encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
          decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
        }
      : undefined,
  })
  registerIpc(
    ipcMain,
    services.dispatch,
    makeSenderCheck(isAppUrl, () => mainWindow?.webContents.id),
  )
  mainWindow = createMainWindow(join(here, '../preload/preload.cjs'), app.isPackaged)
  if (app.isPackaged) mainWindow.removeMenu()
  showWhenReady(mainWindow)
  if (devServerUrl) await mainWindow.loadURL(devServerUrl)
  else await mainWindow.loadFile(rendererIndex)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isAppUrl))
  app.on('window-all-closed', () => app.quit())
  // Electron does not wait for promises: hold the quit until the store has closed
  // (its last seal written, the sync worker stopped), then quit for real.
  app.on('will-quit', (event) => {
    const closing = services
    if (!closing) return
    services = undefined
    event.preventDefault()
    void closing.close().finally(() => app.quit())
  })
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      dialog.showErrorBox('客诉台 Complaint Desk', String(err))
      app.quit()
    })
}
