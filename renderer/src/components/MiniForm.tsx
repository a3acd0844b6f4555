import { Fragment, useState } from 'react'
import { useForm, type FieldValues, type Path } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import type { ApiError, Result } from '@shared/ipc/result'
import type { StaffPublic } from '@shared/schemas/staff'
import { ApprovalFields } from './ApprovalFields'
import { Alert, Button } from 'antd'
import {
  ChoiceField,
  DateTimeField,
  PasswordField,
  PinField,
  SelectField,
  TextAreaField,
  TextField,
} from '../ui/fields'
import { applyServerError } from '../hooks/serverErrors'

export interface MiniField {
  name: string
  label: string
  /** password: a PIN (digits, at most 8); secret: a password of any characters. */
  kind?: 'text' | 'password' | 'secret' | 'textarea' | 'datetime' | 'select' | 'rating'
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
  const [banner, setBanner] = useState<ApiError | null>(null)
  const withApproval = props.managers !== undefined
  const form = useForm<FieldValues>({
    resolver: zodResolver(props.schema as never) as never,
    defaultValues: (withApproval
      ? { ...(props.defaults as object), approval: { managerId: props.defaultApprover ?? '', pin: '' } }
      : props.defaults) as FieldValues,
  })
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    const result = await props.onSubmit(values as z.output<S>)
    if (result.ok) {
      form.reset()
      props.onDone?.()
    } else {
      applyServerError(result.error, form.setError)
      // Main's refusal sits by its field; only one that names no field is shown above.
      if (!result.error.issues?.length) setBanner(result.error)
      if (withApproval) form.resetField('approval.pin' as Path<FieldValues>)
    }
  })
  const control = form.control
  return (
    <form className="mini-form" onSubmit={submit} noValidate aria-labelledby={`${props.id}-title`}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {banner && <Alert type="error" showIcon title={banner.message} role="alert" />}
      {props.fields.map((f) => {
        const common = {
          control,
          name: f.name,
          id: `${props.id}-${f.name}`,
          label: f.label,
          hint: f.hint,
          required: !f.optional,
        }
        // The key on its own element: React refuses one spread in with the props.
        const field = (() => {
          switch (f.kind) {
            case 'rating':
              return (
                <ChoiceField
                  {...common}
                  options={f.options!.map((o) => ({ value: Number(o.value), label: o.label }))}
                />
              )
            case 'textarea':
              return <TextAreaField {...common} rows={2} />
            case 'select':
              return <SelectField {...common} options={f.options!} allowClear={f.optional} />
            case 'datetime':
              return <DateTimeField {...common} />
            case 'password':
              return <PinField {...common} />
            case 'secret':
              return <PasswordField {...common} />
            default:
              return <TextField {...common} />
          }
        })()
        return <Fragment key={f.name}>{field}</Fragment>
      })}
      {withApproval && <ApprovalFields idPrefix={props.id} managers={props.managers!} control={control} />}
      <div className="actions">
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
          {props.submitLabel}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>{t('actions.cancel')}</Button>}
      </div>
    </form>
  )
}
