import { describe, expect, it, vi } from 'vitest'
import { CHANNEL_NAMES, type Api } from '@shared/ipc/contract'

const { exposeInMainWorld, invoke } = vi.hoisted(() => ({
  // What the preload must hand to contextBridge: the name 'api' and the contract's window.api.
  exposeInMainWorld: vi.fn<(name: string, api: Api) => void>(),
  invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } })),
}))
vi.mock('electron', () => ({ contextBridge: { exposeInMainWorld }, ipcRenderer: { invoke } }))

await import('../../../electron/preload')

describe('the preload', () => {
  it('exposes window.api with one function per contract channel and nothing else', () => {
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1)
    const [name, api] = exposeInMainWorld.mock.calls[0]
    expect(name).toBe('api')
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES].sort())
    expect(Object.values(api).every((fn) => typeof fn === 'function')).toBe(true)
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('ipcRenderer')
  })

  it('forwards a call to ipcRenderer.invoke on its own channel', async () => {
    const [, api] = exposeInMainWorld.mock.calls[0]
    await expect(api['cases:get']({ id: 'c1' })).resolves.toEqual({
      ok: true,
      data: { channel: 'cases:get', input: { id: 'c1' } },
    })
    expect(invoke).toHaveBeenCalledWith('cases:get', { id: 'c1' })
  })
})
