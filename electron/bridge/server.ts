import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Dispatch } from '../services/dispatch'
import { TAB_HEADER, TAB_ID_PATTERN } from '@shared/ipc/httpClient'
import { base64Length, MAX_ATTACHMENT_BYTES } from '@shared/values/attachments'
import { checkApiRequest, CONTENT_SECURITY_POLICY, newToken } from './security'

const MAX_BODY_BYTES = 1024 * 1024
/**
 * A branch's data bundle and an evidence file are uploaded whole: only their channels take a
 * large body. An attachment's body holds the file in base64 (4/3 of its size) plus a little:
 * a file over the limit still arrives and is refused in words by main's check.
 */
const LARGE_BODIES: Record<string, number> = {
  'data:importBundle': 280 * 1024 * 1024,
  'attachments:add': base64Length(MAX_ATTACHMENT_BYTES + 64 * 1024) + 64 * 1024,
}
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface Bridge {
  server: Server
  url: string
  token: string
  close: () => Promise<void>
}

/**
 * The browser host: the built renderer and the same services Electron's IPC calls,
 * on 127.0.0.1 only. POST /api/<channel> with {"input": …} returns the Result as JSON.
 */
export async function startBridge(options: {
  dispatch: Dispatch
  /** Whether a caller (a tab) is signed in: checked before a large body is read. */
  signedIn: (caller: string) => boolean
  rendererDir: string
  port?: number
  token?: string
}): Promise<Bridge> {
  const token = options.token ?? newToken()
  let port = 0
  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[bridge]', err)
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } })
    })
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (path.startsWith('/api/')) {
      if (req.method !== 'POST')
        return send(res, 405, { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'POST only' } })
      const verdict = checkApiRequest(req, token, port)
      if (verdict !== 'ok') {
        return send(res, verdict === 'bad-token' ? 401 : 403, {
          ok: false,
          error: { code: 'BAD_SENDER', message: verdict },
        })
      }
      const tab = String(req.headers[TAB_HEADER] ?? '')
      if (!TAB_ID_PATTERN.test(tab)) {
        return send(res, 400, { ok: false, error: { code: 'BAD_SENDER', message: 'missing tab id' } })
      }
      const channel = decodeURIComponent(path.slice(5))
      const caller = `tab:${tab}`
      // Own properties only: `constructor` or `__proto__` must not find an inherited "limit".
      const large = Object.hasOwn(LARGE_BODIES, channel)
      const limit = large ? LARGE_BODIES[channel] : MAX_BODY_BYTES
      if (Number(req.headers['content-length'] ?? 0) > limit) return refuseBody(req, res, 413, 'body too large')
      // Only a signed-in tab may make the host read a large body.
      if (large && !options.signedIn(caller)) return refuseBody(req, res, 401, 'sign in first')
      const body = await readBody(req, limit)
      if (body === null) return send(res, 413, { ok: false, error: { code: 'VALIDATION', message: 'body too large' } })
      let payload: unknown
      try {
        payload = body === '' ? {} : JSON.parse(body)
      } catch {
        return send(res, 400, { ok: false, error: { code: 'VALIDATION', message: 'invalid JSON' } })
      }
      const input = typeof payload === 'object' && payload !== null ? (payload as { input?: unknown }).input : undefined
      return send(res, 200, await options.dispatch(channel, input, caller))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' })
    await serveStatic(res, options.rendererDir, path)
  }

  // The browser closes its idle connections first (Chromium keeps a used one up to 5 minutes):
  // a server closing one after Node's default 5 s races the POST the page sends on it.
  server.keepAliveTimeout = 6 * 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    token,
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        // Browsers keep (and pre-open) sockets; without this, close waits for them to time out.
        server.closeAllConnections()
      }),
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

/** Answers without reading the body, and closes the connection so the client stops sending. */
function refuseBody(req: IncomingMessage, res: ServerResponse, status: number, message: string): void {
  res.setHeader('connection', 'close')
  res.once('finish', () => req.destroy())
  send(res, status, { ok: false, error: { code: status === 401 ? 'UNAUTHENTICATED' : 'VALIDATION', message } })
}

function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        resolve(null)
        req.destroy()
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

async function serveStatic(res: ServerResponse, root: string, urlPath: string): Promise<void> {
  const relative = normalize(decodeURIComponent(urlPath)).replace(/^([/\\])+/, '')
  const file = join(root, relative === '' ? 'index.html' : relative)
  if (!file.startsWith(root + sep) && file !== root) return send(res, 403, { error: 'forbidden' })
  let content: Buffer
  try {
    content = await readFile(file)
  } catch {
    // Unknown paths get the app (it has its own in-app navigation).
    content = await readFile(join(root, 'index.html'))
    return writeFile(res, '.html', content)
  }
  writeFile(res, extname(file), content)
}

function writeFile(res: ServerResponse, ext: string, content: Buffer): void {
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  })
  res.end(content)
}
