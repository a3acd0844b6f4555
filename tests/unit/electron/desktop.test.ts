import { afterEach, describe, expect, it, vi } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = mkdtempSync(join(tmpdir(), 'complaint-desk-desktop-'))
const m = vi.hoisted(() => ({
  showSaveDialog: vi.fn(),
  openPath: vi.fn(async () => ''),
  windows: [] as { options: Record<string, unknown>; loadFile: ReturnType<typeof vi.fn> }[],
}))
vi.mock('electron', () => ({
  app: { getPath: () => '/home/clerk/Documents' },
  dialog: { showSaveDialog: m.showSaveDialog },
  shell: { openPath: m.openPath },
  BrowserWindow: class {
    loadFile = vi.fn(async () => undefined)
    constructor(readonly options: Record<string, unknown>) {
      m.windows.push(this as never)
    }
  },
}))
const { createDesktopActions } = await import('../../../electron/desktop')

describe('desktop printouts (electron mocked)', () => {
  afterEach(() => vi.clearAllMocks())
  const pdf = Buffer.from('%PDF-1.7 test')
  const parent = { id: 1 } as never

  it('saves where the user chooses, suggesting Documents and the file name', async () => {
    const target = join(dir, 'KS-20261122-0001-受理回执.pdf')
    m.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    const actions = createDesktopActions(() => parent)
    expect(await actions.savePdf('KS-20261122-0001-受理回执.pdf', pdf)).toEqual({ saved: true, path: target })
    expect(m.showSaveDialog).toHaveBeenCalledWith(
      parent,
      expect.objectContaining({ defaultPath: '/home/clerk/Documents/KS-20261122-0001-受理回执.pdf' }),
    )
    expect(readFileSync(target).toString()).toBe('%PDF-1.7 test')
  })

  it('writes nothing when the user cancels', async () => {
    m.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: undefined })
    expect(await createDesktopActions(() => parent).savePdf('x.pdf', pdf)).toEqual({ saved: false, path: null })
  })

  it('opens only files it saved itself', async () => {
    const target = join(dir, 'a.pdf')
    m.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target })
    const actions = createDesktopActions(() => parent)
    await actions.savePdf('a.pdf', pdf)
    expect(await actions.openPdf(target)).toBe(true)
    expect(m.openPath).toHaveBeenCalledWith(target)
    expect(await actions.openPdf('/etc/passwd')).toBe(false)
    expect(m.openPath).toHaveBeenCalledTimes(1)
  })

  it('prints from a sandboxed PDF viewer window (its print button uses the system dialog)', async () => {
    expect(await createDesktopActions(() => parent).printPdf('report.pdf', pdf)).toBe(true)
    const viewer = m.windows.at(-1)!
    expect(viewer.options).toMatchObject({
      parent,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, plugins: true },
    })
    const file = String(viewer.loadFile.mock.calls[0][0])
    expect(file.endsWith('report.pdf') && existsSync(file)).toBe(true)
  })

  afterEach(() => undefined)
})

process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
