import { apiFrom, type Api } from './contract'
import type { Result } from './result'

export const TOKEN_HEADER = 'x-complaint-desk-token'
/** Names the browser tab: each tab has its own sign-in (docs/architecture.md, "Identity"). */
export const TAB_HEADER = 'x-complaint-desk-tab'
export const TAB_ID_PATTERN = /^[A-Za-z0-9-]{16,64}$/

/**
 * window.api over the browser bridge: the same functions as the Electron preload, one per
 * contract channel, each POSTing {input} to /api/<channel> with the per-run token and this
 * tab's id.
 */
export function createHttpApi(token: string, tabId: string, fetchImpl: typeof fetch, baseUrl = ''): Api {
  return apiFrom(async (channel, input): Promise<Result<unknown>> => {
    try {
      const res = await fetchImpl(`${baseUrl}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token, [TAB_HEADER]: tabId },
        body: JSON.stringify({ input }),
      })
      return (await res.json()) as Result<unknown>
    } catch (err) {
      return { ok: false, error: { code: 'INTERNAL', message: `network: ${(err as Error).message}` } }
    }
  })
}
