import { describe, expect, it, vi } from 'vitest'
import { mkdtempSync, existsSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CHANNEL_NAMES } from '@shared/ipc/contract'

const dataDir = mkdtempSync(join(tmpdir(), 'complaint-desk-main-'))
process.env.COMPLAINT_DESK_DATA_DIR = dataDir

const m = vi.hoisted(() => {
  const appHandlers: Record<string, (...args: unknown[]) => void> = {}
  const windows: { options: unknown; loadFile: ReturnType<typeof vi.fn>; loadURL: ReturnType<typeof vi.fn> }[] = []
  class BrowserWindow {
    webContents = {
      id: 1,
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      session: { setPermissionRequestHandler: vi.fn() },
    }
    loadFile = vi.fn(async () => undefined)
    loadURL = vi.fn(async () => undefined)
    once = vi.fn()
    removeMenu = vi.fn()
    isMinimized = vi.fn(() => false)
    focus = vi.fn()
    constructor(readonly options: unknown) {
      windows.push(this as never)
    }
  }
  return {
    appHandlers,
    windows,
    BrowserWindow,
    handle: vi.fn(),
    app: {
      isPackaged: false,
      getPath: vi.fn(() => '/nonexistent-userdata'),
      requestSingleInstanceLock: vi.fn(() => true),
      on: vi.fn((name: string, fn: (...args: unknown[]) => void) => void (appHandlers[name] = fn)),
      whenReady: vi.fn(() => Promise.resolve()),
      quit: vi.fn(),
    },
    dialog: { showErrorBox: vi.fn() },
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      encryptString: vi.fn((s: string) => Buffer.from(s)),
      decryptString: vi.fn((b: Buffer) => b.toString()),
    },
  }
})
vi.mock('electron', () => ({
  app: m.app,
  BrowserWindow: m.BrowserWindow,
  ipcMain: { handle: m.handle },
  dialog: m.dialog,
  safeStorage: m.safeStorage,
}))

await import('../../../electron/main')
await vi.waitFor(() => expect(m.windows).toHaveLength(1))

describe('main.ts wiring (electron mocked)', () => {
  it("asks the OS keychain whether head office's password can be sealed", () => {
    expect(m.safeStorage.isEncryptionAvailable).toHaveBeenCalled()
  })

  it('takes the single-instance lock and hardens every web contents', () => {
    expect(m.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(m.appHandlers['web-contents-created']).toBeTypeOf('function')
    expect(m.appHandlers['second-instance']).toBeTypeOf('function')
  })

  it('opens the store in the overridden data directory and registers every channel', () => {
    expect(existsSync(join(dataDir, 'complaint-desk.json'))).toBe(true)
    expect(m.handle.mock.calls.map((c) => c[0]).sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('creates one secure window that loads the built renderer from disk', async () => {
    const win = m.windows[0]
    expect(win.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    })
    await vi.waitFor(() => expect(win.loadFile).toHaveBeenCalled())
    expect(String(win.loadFile.mock.calls[0][0])).toMatch(/renderer[\\/]index\.html$/)
    expect(m.dialog.showErrorBox).not.toHaveBeenCalled()
    const quit = { preventDefault: vi.fn() }
    m.app.quit.mockClear()
    m.appHandlers['will-quit'](quit)
    // The quit waits for the store to close, then goes ahead.
    expect(quit.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(m.app.quit).toHaveBeenCalledTimes(1))
    m.appHandlers['will-quit']({ preventDefault: vi.fn() })
    rmSync(dataDir, { recursive: true, force: true })
  })
})
