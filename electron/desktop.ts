import { app, BrowserWindow, dialog, shell } from 'electron'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { extname, join } from 'node:path'
import { tmpdir } from 'node:os'
import type { DesktopActions } from './services/context'

/**
 * The desktop-only side of printouts (thin, Electron-bound): save where the user chooses,
 * open the saved file in the system viewer, print from a PDF window whose print button uses
 * the system dialog. Only files this app saved may be opened.
 */
export function createDesktopActions(parent: () => BrowserWindow | undefined): DesktopActions {
  const saved = new Set<string>()
  return {
    async savePdf(fileName, bytes) {
      const owner = parent()
      const ext = extname(fileName).slice(1).toLowerCase() || 'pdf'
      const options = {
        defaultPath: join(app.getPath('documents'), fileName),
        filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
      }
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (result.canceled || !result.filePath) return { saved: false, path: null }
      await writeFile(result.filePath, bytes)
      saved.add(result.filePath)
      return { saved: true, path: result.filePath }
    },
    async openPdf(path) {
      if (!saved.has(path)) return false
      return (await shell.openPath(path)) === ''
    },
    async printPdf(fileName, bytes) {
      const file = join(await mkdtemp(join(tmpdir(), 'complaint-desk-print-')), fileName)
      await writeFile(file, bytes)
      // Chromium's PDF viewer (plugins) shows the document; its print button opens the system dialog.
      const viewer = new BrowserWindow({
        width: 900,
        height: 1000,
        parent: parent(),
        title: fileName,
        webPreferences: {
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          webSecurity: true,
          plugins: true,
          disableBlinkFeatures: 'Auxclick',
        },
      })
      await viewer.loadFile(file)
      return true
    },
  }
}
