import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { TAB_HEADER, TOKEN_HEADER } from '@shared/ipc/httpClient'
import type { Bridge } from '../../electron/bridge/server'
import type { Services } from '../../electron/services'
import { clerkDesk } from '../support/services'
import { useTempDirs } from '../support/tempDir'
import { bridgeOn } from '../support/bridge'

const TAB = 'tab-limits-0123456789'

/** Sends `size` bytes to a channel; resolves with the status, or the socket error when cut off. */
function postSized(bridge: Bridge, channel: string, size: number, extra: Record<string, string> = {}) {
  return new Promise<number | string>((resolve) => {
    const req = request(
      new URL(`/api/${channel}`, bridge.url),
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token, [TAB_HEADER]: TAB, ...extra },
      },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'))
    const chunk = Buffer.alloc(1024 * 1024, 'A')
    let sent = 0
    const pump = () => {
      while (sent < size) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      req.end()
    }
    pump()
  })
}

describe('the browser host under hostile requests', () => {
  const tempDir = useTempDirs()
  let services: Services
  let bridge: Bridge

  beforeEach(async () => {
    ;({ services, bridge } = await bridgeOn(await tempDir()))
  })
  afterEach(async () => {
    await bridge.close()
    await services.close()
  })

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'keeps the 1 MB limit on /api/%s (no inherited large-body allowance)',
    async (channel) => {
      const rss = process.memoryUsage().rss
      expect([413, 'ECONNRESET', 'EPIPE']).toContain(await postSized(bridge, channel, 40 * 1024 * 1024))
      expect(process.memoryUsage().rss - rss).toBeLessThan(30 * 1024 * 1024)
    },
  )

  it('refuses a bundle upload from a tab that is not signed in before reading its body', async () => {
    expect([401, 'ECONNRESET', 'EPIPE']).toContain(await postSized(bridge, 'data:importBundle', 20 * 1024 * 1024))
  })

  it('refuses a declared length over the limit at once', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = request(
        new URL('/api/app:status', bridge.url),
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [TOKEN_HEADER]: bridge.token,
            [TAB_HEADER]: TAB,
            'content-length': String(500 * 1024 * 1024),
          },
        },
        (res) => resolve(res.statusCode ?? 0),
      )
      req.on('error', () => resolve(0))
      req.write('{')
    })
    expect(status).toBe(413)
  })
})

describe('report ranges', () => {
  const tempDir = useTempDirs()

  it.each([
    ['reports:weekly', { from: '0001-01-01', to: '9999-12-31' }],
    ['reports:weeklyPdf', { from: '2020-01-01', to: '2026-11-22' }],
    ['reports:oralLog', { from: '0001-01-01', to: '9999-12-31' }],
    ['compensation:totals', { from: '0001-01-01', to: '9999-12-31' }],
  ] as const)('%s refuses a range over two years with a message, at once', async (channel, range) => {
    const desk = await clerkDesk(await tempDir())
    const error = await desk.refused(channel, range)
    expect(error.code).toBe('VALIDATION')
    expect(error.issues?.[0]).toMatchObject({ path: 'to', message: '日期范围最长 2 年' })
    await desk.services.close()
  })

  it('a two-year weekly report still answers', async () => {
    const desk = await clerkDesk(await tempDir())
    const report = await desk.call('reports:weekly', { from: '2024-11-23', to: '2026-11-22' })
    expect(report.perDay).toHaveLength(730)
    await desk.services.close()
  })
})
