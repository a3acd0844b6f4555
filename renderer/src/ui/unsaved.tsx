import { createContext, useContext, useEffect, useRef } from 'react'

/** Pages with unsaved input register here; the app asks before navigating away from them. */
export interface UnsavedRegistry {
  register: (isDirty: () => boolean) => () => void
}
export const UnsavedContext = createContext<UnsavedRegistry>({ register: () => () => undefined })

/** Marks the page as holding unsaved changes while `dirty` is true. */
export function useUnsavedGuard(dirty: boolean): void {
  const { register } = useContext(UnsavedContext)
  const current = useRef(dirty)
  current.current = dirty
  useEffect(() => register(() => current.current), [register])
}

/** The registry the app owns: any registered page dirty means "ask first". */
export function createUnsavedRegistry(): UnsavedRegistry & { anyDirty: () => boolean } {
  const checks = new Set<() => boolean>()
  return {
    register: (isDirty) => {
      checks.add(isDirty)
      return () => void checks.delete(isDirty)
    },
    anyDirty: () => [...checks].some((c) => c()),
  }
}
