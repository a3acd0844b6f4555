import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { connect } from 'node:net'
import { createHttpApi, TAB_HEADER } from '@shared/ipc/httpClient'
import { startBridge, type Bridge } from '../../electron/bridge/server'
import type { Services } from '../../electron/services'
import { useTempDirs } from '../support/tempDir'
import { bridgeOn } from '../support/bridge'
import { SETUP_CONTACTS } from '../support/services'

const TAB = 'tab-0123456789abcdef'

/** Raw HTTP so tests can forge the headers a browser would never let a page set (a tab id unless given). */
function post(
  url: string,
  path: string,
  headers: Record<string, string>,
  body = '{}',
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const all = { [TAB_HEADER]: TAB, ...headers }
    const req = request(new URL(path, url), { method: 'POST', headers: all }, (res) => {
      let data = ''
      res.on('data', (c) => (data += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('the browser bridge', () => {
  const tempDir = useTempDirs()
  let services: Services
  let bridge: Bridge
  let rendererDir: string

  beforeEach(async () => {
    ;({ services, bridge, rendererDir } = await bridgeOn(await tempDir()))
  })
  afterEach(async () => {
    await bridge.close()
    await services.close()
  })

  const json = { 'content-type': 'application/json' }

  // A browser reuses an idle connection for its next call; a server that closes it after Node's
  // default 5 s races that POST, which then fails as "Failed to fetch" (seen in a journey).
  it('keeps an idle connection open for the browser to reuse', { timeout: 15_000 }, async () => {
    const socket = connect(Number(new URL(bridge.url).port), '127.0.0.1')
    let closed = false
    socket.on('close', () => (closed = true))
    const answered = new Promise<string>((resolve) => socket.once('data', (d) => resolve(String(d))))
    socket.write('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n')
    expect(await answered).toMatch(/^HTTP\/1\.1 200/)
    await new Promise((r) => setTimeout(r, 8_000))
    expect(closed).toBe(false)
    socket.destroy()
  })

  it('listens on loopback only', () => {
    expect(bridge.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
  })

  it('serves the same channels as window.api through the contract-derived client', async () => {
    const api = createHttpApi(bridge.token, TAB, fetch, bridge.url.slice(0, -1))
    const status = await api['app:status']()
    expect(status).toMatchObject({ ok: true, data: { setupNeeded: true } })
    expect(await api['cases:list']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('keeps each browser tab signed in as itself: a new tab starts signed out', async () => {
    const base = bridge.url.slice(0, -1)
    const first = createHttpApi(bridge.token, 'tab-first-0123456789', fetch, base)
    const second = createHttpApi(bridge.token, 'tab-second-012345678', fetch, base)
    const setup = await first['setup:init']({
      branch: { name: '静安寺店', code: 'sh01' },
      manager: { name: '陈主管', pin: '246810', pinConfirm: '246810' },
      contacts: SETUP_CONTACTS,
    })
    expect(setup).toMatchObject({ ok: true, data: { staff: { name: '陈主管' } } })
    expect(await first['app:status']()).toMatchObject({ ok: true, data: { session: { staff: { name: '陈主管' } } } })
    expect(await second['app:status']()).toMatchObject({ ok: true, data: { session: null } })
    expect(await second['cases:list']({})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    // Signing out in one tab leaves the other signed in.
    await second['auth:signOut']()
    expect(await first['departments:list']()).toMatchObject({ ok: true })
  })

  it('refuses a request that does not name its tab', async () => {
    const auth = { ...json, 'x-complaint-desk-token': bridge.token }
    expect((await post(bridge.url, '/api/app:status', { ...auth, [TAB_HEADER]: '' })).status).toBe(400)
    expect((await post(bridge.url, '/api/app:status', { ...auth, [TAB_HEADER]: 'short' })).status).toBe(400)
  })

  it('takes a large body only on the bundle import channel', async () => {
    const headers = { ...json, 'x-complaint-desk-token': bridge.token }
    const big = JSON.stringify({ input: { fileName: 'b.json', base64: 'A'.repeat(3 * 1024 * 1024) } })
    // Elsewhere the request is cut off at 1 MB: a 413, or the socket closed while still sending.
    const refused = await post(bridge.url, '/api/app:setLocale', headers, big).then(
      (r) => r.status,
      (err: NodeJS.ErrnoException) => err.code,
    )
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(refused)
    // Only a signed-in tab may send one (see hostLimits.test.ts for the refusals).
    const api = createHttpApi(bridge.token, TAB, fetch, bridge.url.slice(0, -1))
    await api['setup:init']({
      branch: { name: '静安寺店', code: 'sh01' },
      manager: { name: '陈主管', pin: '246810', pinConfirm: '246810' },
      contacts: SETUP_CONTACTS,
    })
    const bundle = await post(bridge.url, '/api/data:importBundle', headers, big)
    expect(bundle.status).toBe(200) // read whole and handed to the services, which check it (no approval here)
    expect(JSON.parse(bundle.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('refuses a request without the token, or with a wrong one', async () => {
    expect((await post(bridge.url, '/api/app:status', json)).status).toBe(401)
    expect((await post(bridge.url, '/api/app:status', { ...json, 'x-complaint-desk-token': 'guess' })).status).toBe(401)
    const ok = await post(bridge.url, '/api/app:status', { ...json, 'x-complaint-desk-token': bridge.token })
    expect(ok.status).toBe(200)
    expect(JSON.parse(ok.body).ok).toBe(true)
  })

  it('refuses other web pages (foreign Origin), DNS rebinding (foreign Host) and form posts', async () => {
    const auth = { 'x-complaint-desk-token': bridge.token }
    expect(
      (await post(bridge.url, '/api/app:status', { ...json, ...auth, origin: 'http://evil.example' })).status,
    ).toBe(403)
    expect((await post(bridge.url, '/api/app:status', { ...json, ...auth, host: 'evil.example' })).status).toBe(403)
    expect((await post(bridge.url, '/api/app:status', { ...auth, 'content-type': 'text/plain' })).status).toBe(403)
    const own = bridge.url.slice(0, -1)
    expect((await post(bridge.url, '/api/app:status', { ...json, ...auth, origin: own })).status).toBe(200)
  })

  it('closes even while a browser holds a connection open (Chromium pre-connects sockets)', async () => {
    const { connect } = await import('node:net')
    const port = Number(new URL(bridge.url).port)
    const socket = connect(port, '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    // A connection that has sent no request yet is not "idle" to Node: close() would wait for it.
    await bridge.close()
    socket.destroy()
    bridge = await startBridge({ dispatch: services.dispatch, signedIn: services.signedIn, rendererDir }) // for afterEach
  })

  it('answers malformed JSON and unknown channels as data', async () => {
    const auth = { ...json, 'x-complaint-desk-token': bridge.token }
    const bad = await post(bridge.url, '/api/app:status', auth, '{not json')
    expect(bad.status).toBe(400)
    const unknown = await post(bridge.url, '/api/db:drop', auth)
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
  })

  it('serves the renderer with a strict Content-Security-Policy and never files outside it', async () => {
    const res = await fetch(bridge.url)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('客诉台')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-eval')
    // The data file sits at ../data/complaint-desk.json relative to the renderer folder.
    const traversal = await fetch(new URL('/..%2fdata%2fcomplaint-desk.json', bridge.url))
    expect(await traversal.text()).not.toContain('schemaVersion')
  })
})
