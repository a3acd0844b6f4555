import { CHANNEL_NAMES, type Api } from './contract'
import type { Result } from './result'

export const TOKEN_HEADER = 'x-complaint-desk-token'

/**
 * window.api over the browser bridge: the same functions as the Electron preload, one per
 * contract channel, each POSTing {input} to /api/<channel> with the per-run token.
 */
export function createHttpApi(token: string, fetchImpl: typeof fetch, baseUrl = ''): Api {
  const call = async (channel: string, input?: unknown): Promise<Result<unknown>> => {
    try {
      const res = await fetchImpl(`${baseUrl}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify({ input }),
      })
      return (await res.json()) as Result<unknown>
    } catch (err) {
      return { ok: false, error: { code: 'INTERNAL', message: `network: ${(err as Error).message}` } }
    }
  }
  return Object.fromEntries(CHANNEL_NAMES.map((c) => [c, (input?: unknown) => call(c, input)])) as unknown as Api
}
