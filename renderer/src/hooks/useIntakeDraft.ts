import { useCallback, useEffect, useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import type { CaseDraft } from '@shared/schemas/case'
import type { IntakeDraftValues } from '@shared/schemas/draft'
import { useApi } from '../apiContext'

/** How long typing pauses before the draft is kept (and at once when the clerk moves to another field). */
export const DRAFT_DEBOUNCE_MS = 500

export type DraftStatus =
  { state: 'none' } | { state: 'pending' } | { state: 'saved'; at: string } | { state: 'failed'; message: string }

/**
 * Keeps the intake form as a draft in main (drafts:save) while the clerk types: after a pause,
 * and at once on `flush` (a field left, the page left). A form back to blank removes the draft.
 * Saves go one after another, in order; `pause` stops them (a save of the complaint is under
 * way: main removes the draft when it is saved) and `resume` starts again (it was refused).
 * `safe` is true when nothing typed would be lost by leaving: the draft holds all of it.
 */
export function useIntakeDraft(form: UseFormReturn<CaseDraft>, hasInput: () => boolean) {
  const api = useApi()
  const [status, setStatus] = useState<DraftStatus>({ state: 'none' })
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const chain = useRef<Promise<unknown>>(Promise.resolve())
  const paused = useRef(false)
  const stored = useRef(false)
  const input = useRef(hasInput)
  input.current = hasInput

  const write = useCallback(() => {
    clearTimeout(timer.current)
    timer.current = undefined
    if (paused.current) return chain.current
    const values = form.getValues() as IntakeDraftValues
    const keep = input.current()
    chain.current = chain.current.then(async () => {
      if (paused.current) return
      if (!keep) {
        if (!stored.current) return setStatus({ state: 'none' })
        const cleared = await api['drafts:clear']()
        if (cleared.ok) stored.current = false
        return setStatus(cleared.ok ? { state: 'none' } : { state: 'failed', message: cleared.error.message })
      }
      const saved = await api['drafts:save']({ values })
      if (saved.ok) stored.current = true
      // A later change already waits: the status says so until that one is kept too.
      if (timer.current !== undefined) return
      setStatus(
        saved.ok ? { state: 'saved', at: saved.data.savedAt } : { state: 'failed', message: saved.error.message },
      )
    })
    return chain.current
  }, [api, form])

  useEffect(() => {
    const subscription = form.watch(() => {
      if (paused.current) return
      clearTimeout(timer.current)
      timer.current = setTimeout(() => void write(), DRAFT_DEBOUNCE_MS)
      setStatus((s) => (s.state === 'pending' ? s : { state: 'pending' }))
    })
    return () => {
      subscription.unsubscribe()
      // Leaving the page: what the last pause has not kept yet is kept now.
      if (timer.current !== undefined) void write()
    }
  }, [form, write])

  return {
    status,
    /** Nothing would be lost by leaving now (no input, or all of it in the draft). */
    safe: !hasInput() || status.state === 'saved',
    /** Keeps the draft now if a change waits. */
    flush: useCallback(() => (timer.current !== undefined ? write() : chain.current), [write]),
    /** The draft as restored from main counts as stored (a blank form then removes it). */
    restored: useCallback((at: string) => {
      stored.current = true
      setStatus({ state: 'saved', at })
    }, []),
    pause: useCallback(async () => {
      clearTimeout(timer.current)
      timer.current = undefined
      paused.current = true
      await chain.current.catch(() => undefined)
    }, []),
    resume: useCallback(() => {
      paused.current = false
      void write()
    }, [write]),
    /** Removes the draft (the clerk gave the complaint up); saving stops. */
    discard: useCallback(async () => {
      clearTimeout(timer.current)
      timer.current = undefined
      paused.current = true
      await chain.current.catch(() => undefined)
      const cleared = await api['drafts:clear']()
      if (cleared.ok) stored.current = false
      return cleared
    }, [api]),
  }
}
