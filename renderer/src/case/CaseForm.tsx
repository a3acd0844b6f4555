import { useState, type ReactNode } from 'react'
import {
  useForm,
  type Control,
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormReturn,
} from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Space } from 'antd'
import type { z } from 'zod'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import { applyServerError } from '../hooks/serverErrors'
import { useFeedback } from '../ui/feedback'
import { useSession } from '../ui/session'

export interface DangerAsk {
  title: string
  content?: string
  okText: string
}

interface CaseFormProps<T extends FieldValues, O> {
  id: string
  /** The form's accessible name (the action it takes). */
  title: string
  schema: z.ZodType<O, T>
  defaults: DefaultValues<T>
  submitLabel: string
  /** A destructive action asks first, in a red dialog. */
  danger?: DangerAsk
  /** A red submit button (the dialog it sits in is the confirmation). */
  dangerButton?: boolean
  /** Not the area's main action: a plain submit button (one primary button per area). */
  secondary?: boolean
  /** The form carries a manager's approval (ApprovalFields): a refused PIN is cleared, a given one stands a while. */
  approval?: boolean
  /** The call to main; the answer is the case as it now is. */
  onSubmit: (values: O) => Promise<Result<CaseDetail>>
  /** Said in a toast once main has done it. */
  success: (values: O) => string
  onDone?: () => void
  onCancel?: () => void
  children: (control: Control<T>, form: UseFormReturn<T, unknown, O & FieldValues>) => ReactNode
}

/**
 * One case action's form: checked with the schema main uses, every error under its field
 * (main's field errors too), a refusal that names no field just above the button; done, a
 * toast says what happened.
 */
export function CaseForm<T extends FieldValues, O>(props: CaseFormProps<T, O>) {
  const { t } = useTranslation()
  const feedback = useFeedback()
  const { refresh } = useSession()
  const [refusal, setRefusal] = useState<string | null>(null)
  const form = useForm<T, unknown, O & FieldValues>({
    resolver: zodResolver(props.schema as never) as never,
    defaultValues: props.defaults,
  })
  const submit = form.handleSubmit(async (parsed) => {
    setRefusal(null)
    if (props.danger && !(await feedback.confirmDanger(props.danger))) return
    const result = await props.onSubmit(parsed)
    if (result.ok) {
      feedback.success(props.success(parsed))
      form.reset(props.defaults)
      props.onDone?.()
      // A manager's PIN just given stands for a few minutes (the top bar shows it).
      if (props.approval) void refresh()
      return
    }
    applyServerError(result.error, form.setError)
    if (props.approval) {
      form.resetField('approval.pin' as Path<T>)
      // A wrong manager PIN is said under the PIN, where it is typed again.
      if (result.error.code === 'WRONG_PIN')
        return form.setError('approval.pin' as Path<T>, { type: 'server', message: result.error.message })
    }
    // A refusal that names a field is shown there; anything else here, next to the button.
    if (!result.error.issues?.some((i) => i.path)) setRefusal(result.error.message)
  })
  return (
    <form className="case-form" onSubmit={submit} noValidate aria-label={props.title} id={props.id}>
      {props.children(form.control as unknown as Control<T>, form)}
      {refusal && (
        <Alert
          type="error"
          showIcon
          role="alert"
          title={refusal}
          className="case-form-refusal"
          id={`${props.id}-refusal`}
        />
      )}
      <Space>
        <Button
          type={props.secondary ? 'default' : 'primary'}
          danger={Boolean(props.danger) || props.dangerButton}
          htmlType="submit"
          loading={form.formState.isSubmitting}
          aria-describedby={refusal ? `${props.id}-refusal` : undefined}
        >
          {props.submitLabel}
        </Button>
        {props.onCancel && <Button onClick={props.onCancel}>{t('actions.cancel')}</Button>}
      </Space>
    </form>
  )
}
