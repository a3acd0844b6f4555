import { useState } from 'react'
import { useForm, type FieldValues, type Path, type UseFormRegister } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { ApiError, Result } from '@shared/ipc/result'
import type { StaffPublic } from '@shared/schemas/staff'
import { ApprovalFields } from './ApprovalFields'
import { describedBy, Field, useErrorText } from './Field'
import { Notice } from './Notice'
import { applyServerError } from '../hooks/serverErrors'

export interface MiniField {
  name: string
  label: string
  kind?: 'text' | 'password' | 'textarea' | 'datetime' | 'select' | 'rating'
  options?: { value: string; label: string }[]
  hint?: string
  optional?: boolean
}

interface MiniFormProps<S extends z.ZodType<FieldValues>> {
  id: string
  title: string
  schema: S
  fields: MiniField[]
  defaults: z.input<S>
  submitLabel: string
  /** Present when the action is manager-only: the approver's name and PIN are asked for. */
  managers?: StaffPublic[]
  defaultApprover?: string
  onSubmit: (values: z.output<S>) => Promise<Result<unknown>>
  onDone?: () => void
  onCancel?: () => void
}

/** A small form for one case action: schema-validated, errors by the fields, main's refusal on top. */
export function MiniForm<S extends z.ZodType<FieldValues>>(props: MiniFormProps<S>) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [banner, setBanner] = useState<ApiError | null>(null)
  const withApproval = props.managers !== undefined
  const form = useForm<FieldValues>({
    resolver: zodResolver(props.schema as never) as never,
    defaultValues: (withApproval
      ? { ...(props.defaults as object), approval: { managerId: props.defaultApprover ?? '', pin: '' } }
      : props.defaults) as FieldValues,
  })
  const errors = form.formState.errors as Record<string, { message?: string } | undefined>
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    const result = await props.onSubmit(values as z.output<S>)
    if (result.ok) {
      form.reset()
      props.onDone?.()
    } else {
      applyServerError(result.error, form.setError)
      setBanner(result.error)
      if (withApproval) form.resetField('approval.pin' as Path<FieldValues>)
    }
  })
  return (
    <form className="mini-form" onSubmit={submit} noValidate aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {banner && <Notice kind="error">{banner.message}</Notice>}
      {props.fields.map((f) => {
        const id = `${props.id}-${f.name}`
        const error = errorText(errors[f.name]?.message)
        const common = {
          id,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy(id, error, f.hint),
        }
        const reg = form.register(f.name, f.kind === 'rating' ? { valueAsNumber: true } : undefined)
        if (f.kind === 'rating') {
          return (
            <fieldset key={f.name} className="field radio-group" aria-describedby={describedBy(id, error)}>
              <legend>{f.label}</legend>
              <div className="choices">
                {f.options!.map((o) => (
                  <label key={o.value} className="choice">
                    <input type="radio" value={o.value} {...reg} /> {o.label}
                  </label>
                ))}
              </div>
              {error && (
                <small id={`${id}-error`} className="error" role="alert">
                  {error}
                </small>
              )}
            </fieldset>
          )
        }
        return (
          <Field key={f.name} id={id} label={f.label} error={error} hint={f.hint} required={!f.optional}>
            {f.kind === 'textarea' ? (
              <textarea rows={2} {...common} {...reg} />
            ) : f.kind === 'select' ? (
              <select {...common} {...reg}>
                <option value="">{t('intake.selectPlaceholder')}</option>
                {f.options!.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                type={f.kind === 'datetime' ? 'datetime-local' : f.kind === 'password' ? 'password' : 'text'}
                {...(f.kind === 'password' ? { inputMode: 'numeric' as const, autoComplete: 'new-password' } : {})}
                {...common}
                {...reg}
              />
            )}
          </Field>
        )
      })}
      {withApproval && (
        <ApprovalFields
          idPrefix={props.id}
          managers={props.managers!}
          register={form.register as unknown as UseFormRegister<{ approval: { managerId: string; pin: string } }>}
          errors={errors as never}
        />
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={form.formState.isSubmitting}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t('actions.cancel')}
          </button>
        )}
      </div>
    </form>
  )
}
