import { useState } from 'react'
import type { ApiError, Result } from '@shared/ipc/result'
import { useLoad } from '../hooks/useLoad'

export interface QueryLoad<T> {
  /** The last answer's data: the current query's, or while `loading` the previous one's (shown under a spinner). */
  data: T | null
  /** True until the answer to the current query (or to the last reload) has arrived. */
  loading: boolean
  /** The current query's refusal, once it has come. */
  error: ApiError | null
  reload: () => void
}

/**
 * Runs `call` for `query` and keeps the previous answer on screen while the next one loads, as a
 * list being filtered should; unlike useLoad alone it says that what is shown is stale (`loading`),
 * on every change of the query and on every reload, not only the first time.
 */
export function useQueryLoad<T>(query: unknown, call: () => Promise<Result<T>>): QueryLoad<T> {
  const [generation, setGeneration] = useState(0)
  const key = JSON.stringify([query, generation])
  const load = useLoad(async () => ({ ok: true as const, data: { key, result: await call() } }), [key], true)
  const answer = load.state === 'ready' ? load.data : null
  const loading = answer === null || answer.key !== key
  const result = answer?.result
  return {
    data: result?.ok ? result.data : null,
    loading,
    error: !loading && result && !result.ok ? result.error : null,
    reload: () => setGeneration((g) => g + 1),
  }
}
