import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'
import type { ApiError } from '@shared/ipc/result'
import { applyServerError } from '../../hooks/serverErrors'

/**
 * Puts main's refusal where the user looks: a field's issue under that field, a wrong or locked
 * approval PIN under the PIN, a manager who may not approve under the approver; anything else
 * (a rule refused) as the form's own message (`errors.root.server`). The PIN is cleared.
 */
export function showRefusal<T extends FieldValues>(error: ApiError, form: UseFormReturn<T>, withApproval = true): void {
  if (error.issues?.length) {
    applyServerError(error, form.setError)
  } else if (withApproval && (error.code === 'WRONG_PIN' || error.code === 'LOCKED')) {
    form.setError('approval.pin' as Path<T>, { type: 'server', message: error.message })
  } else if (withApproval && error.code === 'FORBIDDEN') {
    form.setError('approval.managerId' as Path<T>, { type: 'server', message: error.message })
  } else {
    form.setError('root.server' as Path<T>, { type: 'server', message: error.message })
  }
  if (withApproval) form.resetField('approval.pin' as Path<T>, { keepError: true })
}

/**
 * Whether the form holds changes the user typed: the approval block fills itself in while a
 * manager's approval stands, which is no reason to ask before leaving.
 */
export function typedChanges(dirtyFields: object): boolean {
  return Object.keys(dirtyFields).some((k) => k !== 'approval')
}
