import { describe, expect, it, vi } from 'vitest'
const { created } = vi.hoisted(() => ({ created: [] as { webPreferences?: Record<string, unknown> }[] }))
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      created.push(options)
    }
  },
}))
const { createMainWindow, lockDownContents } = await import('../../../electron/window')
const mainWindowOptions = (preload: string, packaged = true) => {
  createMainWindow(preload, packaged)
  return created.at(-1)!
}
import { makeIsAppUrl } from '../../../electron/appUrl'
import { readFileSync } from 'node:fs'
import { CONTENT_SECURITY_POLICY } from '../../../electron/bridge/security'

describe('the main window', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const prefs = mainWindowOptions('/app/out/preload/preload.cjs').webPreferences!
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    })
  })

  it('turns developer tools off in the packaged app only', () => {
    expect(mainWindowOptions('/p.cjs', true).webPreferences?.devTools).toBe(false)
    expect(mainWindowOptions('/p.cjs', false).webPreferences?.devTools).toBe(true)
  })

  it('ships a strict Content-Security-Policy: nothing remote, no inline script, no eval', () => {
    const html = readFileSync(new URL('../../../renderer/index.html', import.meta.url), 'utf8')
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''
    const directives = Object.fromEntries(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .map(([k, ...v]) => [k, v]),
    )
    expect(directives['default-src']).toEqual(["'self'"])
    expect(directives['script-src']).toEqual(["'self'"])
    expect(directives['object-src']).toEqual(["'none'"])
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/)
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/)
  })

  it('blocks navigation away from the app, new windows and permission requests', () => {
    const listeners: Record<string, (event: { preventDefault: () => void }, url: string) => void> = {}
    let openHandler: (() => { action: string }) | undefined
    let permissionHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void) | undefined
    const contents = {
      on: vi.fn(
        (name: string, fn: (event: { preventDefault: () => void }, url: string) => void) => (listeners[name] = fn),
      ),
      setWindowOpenHandler: vi.fn((fn: () => { action: string }) => (openHandler = fn)),
      session: { setPermissionRequestHandler: vi.fn((fn: typeof permissionHandler) => (permissionHandler = fn)) },
    }
    const isAppUrl = makeIsAppUrl('/app/out/renderer/index.html')
    lockDownContents(contents as never, isAppUrl)

    const external = { preventDefault: vi.fn() }
    listeners['will-navigate'](external, 'https://evil.example/')
    expect(external.preventDefault).toHaveBeenCalled()
    const redirect = { preventDefault: vi.fn() }
    listeners['will-redirect'](redirect, 'file:///etc/passwd')
    expect(redirect.preventDefault).toHaveBeenCalled()
    const internal = { preventDefault: vi.fn() }
    listeners['will-navigate'](internal, 'file:///app/out/renderer/index.html#list')
    expect(internal.preventDefault).not.toHaveBeenCalled()

    expect(openHandler!()).toEqual({ action: 'deny' })
    const granted = vi.fn()
    permissionHandler!({}, 'media', granted)
    expect(granted).toHaveBeenCalledWith(false)
  })

  it('recognises the dev server only when one is configured', () => {
    const withDev = makeIsAppUrl('/app/out/renderer/index.html', 'http://localhost:5173')
    expect(withDev('http://localhost:5173/')).toBe(true)
    expect(withDev('http://localhost:5174/')).toBe(false)
    expect(makeIsAppUrl('/app/out/renderer/index.html')('http://localhost:5173/')).toBe(false)
  })
})
