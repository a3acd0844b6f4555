import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiError, Result } from '@shared/ipc/result'

export type Load<T> =
  | { state: 'loading'; reload: () => void }
  | { state: 'error'; error: ApiError; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void }

/**
 * Runs an API call when `deps` change; exposes loading, error and data states. A reload
 * keeps showing the current data until the new answer arrives, so forms built on it stay;
 * `keepPreviousOnChange` does the same when deps change (a list filtered as the clerk types).
 */
export function useLoad<T>(call: () => Promise<Result<T>>, deps: unknown[], keepPreviousOnChange = false): Load<T> {
  const [result, setResult] = useState<Result<T> | null>(null)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const depsKey = JSON.stringify(deps)
  const lastKey = useRef(depsKey)
  useEffect(() => {
    let live = true
    if (lastKey.current !== depsKey && !keepPreviousOnChange) setResult(null)
    lastKey.current = depsKey
    call().then((r) => live && setResult(r))
    return () => {
      live = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [depsKey, generation])
  if (result === null) return { state: 'loading', reload }
  return result.ok ? { state: 'ready', data: result.data, reload } : { state: 'error', error: result.error, reload }
}
