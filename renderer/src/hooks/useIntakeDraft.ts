import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import type { Api } from '@shared/ipc/contract'
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
 *
 * Where the draft stands is a small store of its own (`useDraftStatus`): only what shows it
 * draws again as the clerk types, never the whole form.
 */
export class IntakeDraftKeeper {
  private status: DraftStatus = { state: 'none' }
  private readonly listeners = new Set<() => void>()
  private timer: ReturnType<typeof setTimeout> | undefined
  private chain: Promise<unknown> = Promise.resolve()
  private paused = false
  /** Whether main holds a draft of this form now. */
  private stored = false

  constructor(
    private readonly api: Api,
    private readonly form: UseFormReturn<CaseDraft>,
    private readonly hasInput: () => boolean,
  ) {}

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
  readonly current = () => this.status
  private set(status: DraftStatus) {
    this.status = status
    this.listeners.forEach((l) => l())
  }

  /** Nothing would be lost by leaving now: no input, or all of it in the draft. */
  safe(): boolean {
    return !this.hasInput() || this.status.state === 'saved'
  }

  /** A change in the form: kept after a pause. */
  changed() {
    if (this.paused) return
    clearTimeout(this.timer)
    this.timer = setTimeout(() => void this.write(), DRAFT_DEBOUNCE_MS)
    if (this.status.state !== 'pending') this.set({ state: 'pending' })
  }

  private write(): Promise<unknown> {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.paused) return this.chain
    const values = this.form.getValues() as IntakeDraftValues
    const keep = this.hasInput()
    this.chain = this.chain.then(async () => {
      if (this.paused) return
      if (!keep) {
        if (!this.stored) return this.set({ state: 'none' })
        const cleared = await this.api['drafts:clear']()
        if (cleared.ok) this.stored = false
        return this.set(cleared.ok ? { state: 'none' } : { state: 'failed', message: cleared.error.message })
      }
      const saved = await this.api['drafts:save']({ values })
      if (saved.ok) this.stored = true
      // A later change already waits: the status says so until that one is kept too.
      if (this.timer !== undefined) return
      this.set(
        saved.ok ? { state: 'saved', at: saved.data.savedAt } : { state: 'failed', message: saved.error.message },
      )
    })
    return this.chain
  }

  /** Keeps the draft now if a change waits. */
  flush(): Promise<unknown> {
    return this.timer !== undefined ? this.write() : this.chain
  }

  /** The draft as restored from main counts as stored (a blank form then removes it). */
  restored(at: string) {
    this.stored = true
    this.set({ state: 'saved', at })
  }

  async pause(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    this.paused = true
    await this.chain.catch(() => undefined)
  }

  resume() {
    this.paused = false
    void this.write()
  }

  /** Removes the draft (the clerk gave the complaint up); saving stops until `resume`. */
  async discard() {
    await this.pause()
    const cleared = await this.api['drafts:clear']()
    if (cleared.ok) this.stored = false
    return cleared
  }

  /** The page goes: what the last pause has not kept yet is kept now. */
  leave() {
    if (this.timer !== undefined) void this.write()
  }
}

/** The draft keeper of an intake form, watching it for changes while the page is open. */
export function useIntakeDraft(form: UseFormReturn<CaseDraft>, hasInput: () => boolean): IntakeDraftKeeper {
  const api = useApi()
  const keeper = useMemo(() => new IntakeDraftKeeper(api, form, hasInput), [api, form, hasInput])
  useEffect(() => {
    const subscription = form.watch(() => keeper.changed())
    return () => {
      subscription.unsubscribe()
      keeper.leave()
    }
  }, [form, keeper])
  return keeper
}

/** Where the draft stands, for what shows it (a component of its own draws again on change). */
export function useDraftStatus(keeper: IntakeDraftKeeper): DraftStatus {
  return useSyncExternalStore(keeper.subscribe, keeper.current)
}
