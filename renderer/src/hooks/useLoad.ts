import { useCallback, useEffect, useState } from 'react'
import type { ApiError, Result } from '@shared/ipc/result'

export type Load<T> =
  | { state: 'loading'; reload: () => void }
  | { state: 'error'; error: ApiError; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void }

/** Runs an API call when `deps` change; exposes loading, error and data states. */
export function useLoad<T>(call: () => Promise<Result<T>>, deps: unknown[]): Load<T> {
  const [result, setResult] = useState<Result<T> | null>(null)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  useEffect(() => {
    let live = true
    setResult(null)
    call().then((r) => live && setResult(r))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, generation])
  if (result === null) return { state: 'loading', reload }
  return result.ok ? { state: 'ready', data: result.data, reload } : { state: 'error', error: result.error, reload }
}
