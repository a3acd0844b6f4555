import { useState } from 'react'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'

/** For plain buttons (no form of their own): runs the action and keeps main's refusal to show. */
export function useButtonAction(act: (call: Promise<Result<CaseDetail>>) => Promise<Result<CaseDetail>>) {
  const [error, setError] = useState<string | null>(null)
  const run = async (call: Promise<Result<CaseDetail>>) => {
    const result = await act(call)
    setError(result.ok ? null : result.error.message)
  }
  return { error, run }
}
