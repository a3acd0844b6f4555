import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { translateValidation } from '@shared/i18n'

/** Schema messages are i18n keys; messages from main arrive already translated. */
export function useErrorText(): (message: string | undefined) => string | undefined {
  const { t } = useTranslation()
  return (message) => {
    if (!message) return undefined
    return message.startsWith('validation.') ? translateValidation(t, message) : message
  }
}

export function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean)
  return ids.length ? ids.join(' ') : undefined
}

interface FieldProps {
  id: string
  label: string
  error?: string
  hint?: string
  required?: boolean
  wide?: boolean
  /** A long text's length and limit, shown as a counter (the text is never cut). */
  count?: { length: number; max: number }
  children: ReactNode
}

/** Label, control, hint and the error message next to the field (announced to screen readers). */
export function Field({ id, label, error, hint, required, wide, count, children }: FieldProps) {
  const over = count !== undefined && count.length > count.max
  return (
    <div className={`field${wide ? ' field-wide' : ''}${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && (
          <span className="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {children}
      {hint && !error && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} className="error" role="alert">
          {error}
        </small>
      )}
      {count && (
        <small className={`counter${over ? ' counter-over' : ''}`} aria-live="polite">
          {count.length} / {count.max}
        </small>
      )}
    </div>
  )
}
