import { useState } from 'react'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import type { Act } from './caseActions'

/**
 * For one plain button (no form of its own): runs the action and keeps main's refusal, to
 * show next to that button. Each button has its own, so a refusal never lands elsewhere.
 */
export function useButtonAction(act: Act) {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const run = async (call: Promise<Result<CaseDetail>>, success?: string) => {
    setBusy(true)
    const result = await act(call, success)
    setBusy(false)
    setError(result.ok ? null : result.error.message)
    return result
  }
  return { error, busy, run }
}
