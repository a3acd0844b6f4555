import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

import { TOKEN_HEADER } from '@shared/ipc/httpClient'

export { TOKEN_HEADER }

export function newToken(): string {
  return randomBytes(32).toString('hex')
}

/**
 * Why each check: the token (given only in the URL printed at start) keeps out other local
 * users and programs; Host stops DNS-rebinding pages; Origin and the JSON content type stop
 * other web pages, whose cross-site requests either carry their own Origin or cannot set
 * these headers without a CORS preflight that this server never answers.
 */
export function checkApiRequest(req: IncomingMessage, token: string, port: number): 'ok' | 'bad-token' | 'bad-origin' {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!allowedHosts.includes(req.headers.host ?? '')) return 'bad-origin'
  const origin = req.headers.origin
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return 'bad-origin'
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return 'bad-origin'
  const given = Buffer.from(String(req.headers[TOKEN_HEADER] ?? ''))
  const expected = Buffer.from(token)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-token'
  return 'ok'
}

/** Same policy as renderer/index.html's meta tag: nothing remote, no inline script, no eval. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
