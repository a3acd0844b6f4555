import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES } from '@shared/ipc/contract'
import { makeSenderCheck, registerIpc } from '../../../electron/ipc/register'
import { makeIsAppUrl } from '../../../electron/appUrl'

type Handler = (event: unknown, input: unknown) => Promise<unknown>

describe('IPC registration', () => {
  function setUp(trusted: boolean) {
    const handlers = new Map<string, Handler>()
    const ipcMain = { handle: vi.fn((channel: string, fn: Handler) => void handlers.set(channel, fn)) }
    const dispatch = vi.fn(async () => ({ ok: true as const, data: 'done' }))
    registerIpc(ipcMain as never, dispatch, () => trusted)
    return { handlers, ipcMain, dispatch }
  }

  it('registers exactly one handler per contract channel', () => {
    const { ipcMain, handlers } = setUp(true)
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length)
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort())
  })

  it('passes a trusted call to dispatch with its channel, input and window as the caller', async () => {
    const { handlers, dispatch } = setUp(true)
    expect(await handlers.get('cases:get')!({ sender: { id: 3 } }, { id: 'x' })).toEqual({ ok: true, data: 'done' })
    expect(dispatch).toHaveBeenCalledWith('cases:get', { id: 'x' }, 'window:3')
    // Another window is another caller, with its own sign-in.
    await handlers.get('cases:get')!({ sender: { id: 4 } }, { id: 'x' })
    expect(dispatch).toHaveBeenLastCalledWith('cases:get', { id: 'x' }, 'window:4')
  })

  it('refuses an untrusted sender without calling any service', async () => {
    const { handlers, dispatch } = setUp(false)
    expect(await handlers.get('cases:list')!({}, {})).toMatchObject({ ok: false, error: { code: 'BAD_SENDER' } })
    expect(dispatch).not.toHaveBeenCalled()
  })
})

describe('the sender check', () => {
  const isAppUrl = makeIsAppUrl('/app/out/renderer/index.html')
  const check = makeSenderCheck(isAppUrl, () => 7)
  const event = (url: string, opts: { parent?: unknown; senderId?: number } = {}) => ({
    senderFrame: { url, parent: opts.parent ?? null },
    sender: { id: opts.senderId ?? 7 },
  })

  it('trusts only the app page in the main window top frame', () => {
    expect(check(event('file:///app/out/renderer/index.html') as never)).toBe(true)
    expect(check(event('https://evil.example/') as never)).toBe(false)
    expect(check(event('file:///app/out/renderer/index.html', { parent: {} }) as never)).toBe(false)
    expect(check(event('file:///app/out/renderer/index.html', { senderId: 8 }) as never)).toBe(false)
    expect(check({ senderFrame: null, sender: { id: 7 } } as never)).toBe(false)
  })
})
