import { useEffect, useRef, useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import type { CaseDraft } from '@shared/schemas/case'
import type { OutputOf } from '@shared/ipc/contract'
import type { Situation } from '@shared/values/options'
import { useApi } from '../apiContext'

type Preview = OutputOf<'cases:classify'>
const DEBOUNCE_MS = 250

/**
 * Asks main for the proposed class while the clerk types (main has the branch history),
 * and pre-ticks urgent situations the text suggests — once each, so a box the clerk
 * unticks stays unticked.
 */
export function useLiveClassification(form: UseFormReturn<CaseDraft>): Preview | null {
  const api = useApi()
  const [preview, setPreview] = useState<Preview | null>(null)
  const suggested = useRef(new Set<Situation>())
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let generation = 0
    const run = () => {
      const v = form.getValues()
      const mine = ++generation
      void api['cases:classify']({
        category: v.category,
        customerType: v.customerType,
        mood: v.mood,
        phone: v.phone,
        amount: v.amount,
        lossAmount: v.lossAmount,
        claimAmount: v.claimAmount,
        description: v.description,
        demandNote: v.demandNote,
        situations: v.situations,
        confirmedRules: v.confirmedRules,
        resolvedAtDesk: v.resolvedAtDesk,
        receivedAt: v.receivedAt,
      }).then((result) => {
        if (!result.ok || mine !== generation) return
        const fresh = result.data.detectedSituations.filter((s) => !suggested.current.has(s))
        if (fresh.length > 0) {
          fresh.forEach((s) => suggested.current.add(s))
          form.setValue('situations', [...form.getValues('situations'), ...fresh], { shouldDirty: true })
        }
        setPreview(result.data)
      })
    }
    run()
    const subscription = form.watch(() => {
      clearTimeout(timer)
      timer = setTimeout(run, DEBOUNCE_MS)
    })
    return () => {
      clearTimeout(timer)
      subscription.unsubscribe()
    }
  }, [api, form])
  return preview
}
