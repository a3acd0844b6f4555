import type { FieldValues, Path, UseFormSetError } from 'react-hook-form'
import type { ApiError } from '@shared/ipc/result'

/** Puts main's field issues next to their fields; returns the message for the form's banner. */
export function applyServerError<T extends FieldValues>(error: ApiError, setError: UseFormSetError<T>): string {
  for (const issue of error.issues ?? []) {
    if (issue.path) setError(issue.path as Path<T>, { type: 'server', message: issue.message })
  }
  return error.message
}
