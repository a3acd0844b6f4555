import type { ReactNode } from 'react'
import { useForm, type Control, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { Alert, Button, Form } from 'antd'
import { z } from 'zod'
import { ManagerApproval } from '@shared/schemas/common'
import type { Result } from '@shared/ipc/result'
import type { StaffPublic } from '@shared/schemas/staff'
import { useFeedback, type DangerQuestion } from '../../ui/feedback'
import { ApprovalFields } from '../../components/ApprovalFields'
import { NO_APPROVAL } from './approvalPrompt'
import { showRefusal } from './refusal'

export const ApprovalOnly = z.object({ approval: ManagerApproval })

/**
 * A manager action done in place (take a backup, export the bundle…): optional fields, the
 * manager's approval and one button. A destructive one asks `confirm` in a red dialog first.
 * Main's refusal shows under the field it is about, else under the button.
 */
export function ApprovalForm<S extends z.ZodType<FieldValues, FieldValues>, R>({
  id,
  title,
  heading = true,
  schema,
  defaults,
  fields,
  submitLabel,
  danger,
  confirm,
  managers,
  onSubmit,
  onDone,
}: {
  id: string
  title: string
  /** Shows the title as a heading (else it only names the form). */
  heading?: boolean
  schema: S
  defaults: Omit<z.input<S>, 'approval'>
  fields?: (control: Control<z.input<S>>) => ReactNode
  submitLabel: string
  danger?: boolean
  confirm?: DangerQuestion | (() => DangerQuestion)
  managers: StaffPublic[]
  onSubmit: (values: z.output<S>) => Promise<Result<R>>
  onDone?: (data: R) => void
}) {
  const { confirmDanger } = useFeedback()
  const approval = NO_APPROVAL
  // The resolver hands handleSubmit what the schema made of the form (its output).
  const form = useForm<z.input<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>>,
    defaultValues: { ...defaults, approval } as DefaultValues<z.input<S>>,
  })
  const refusal = form.formState.errors.root?.server?.message
  const submit = form.handleSubmit(async (values) => {
    if (confirm && !(await confirmDanger(typeof confirm === 'function' ? confirm() : confirm))) return
    const result = await onSubmit(values as z.output<S>)
    if (!result.ok) return showRefusal(result.error, form)
    form.reset({ ...values, ...defaults, approval: { ...values.approval, pin: approval.pin } } as never)
    onDone?.(result.data)
  })
  return (
    <Form component={false}>
      <form
        id={id}
        className="approval-form"
        onSubmit={submit}
        noValidate
        aria-labelledby={heading ? `${id}-title` : undefined}
        aria-label={heading ? undefined : title}
      >
        {heading && <h3 id={`${id}-title`}>{title}</h3>}
        {fields?.(form.control)}
        <ApprovalFields control={form.control} managers={managers} idPrefix={id} />
        {refusal && <Alert type="error" showIcon role="alert" message={refusal} style={{ marginBottom: 12 }} />}
        <Button type="primary" danger={danger} htmlType="submit" loading={form.formState.isSubmitting}>
          {submitLabel}
        </Button>
      </form>
    </Form>
  )
}
