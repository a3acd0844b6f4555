import { useEffect, type ReactNode } from 'react'
import { useForm, type Control, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Form, Modal } from 'antd'
import type { z } from 'zod'
import type { Result } from '@shared/ipc/result'
import type { StaffPublic } from '@shared/schemas/staff'
import { useFeedback, type DangerQuestion } from '../../ui/feedback'
import { showRefusal } from './refusal'
import { modalContainer } from './modalContainer'
import { ApprovalFields } from '../../components/ApprovalFields'
import { NO_APPROVAL } from './approvalPrompt'

/**
 * One manager action in a dialog (rename, reset a PIN, deactivate…): its fields, the manager's
 * approval, main's refusal next to the field it is about. A destructive one asks `confirm` in a
 * red dialog before anything is sent. Closes and says `done` once main has done it.
 */
export function ActionModal<S extends z.ZodType<FieldValues, FieldValues>, R>({
  open,
  id,
  title,
  intro,
  schema,
  defaults,
  fields,
  okText,
  danger,
  confirm,
  managers,
  onSubmit,
  onDone,
  onClose,
}: {
  open: boolean
  id: string
  title: string
  intro?: ReactNode
  schema: S
  defaults: Omit<z.input<S>, 'approval'>
  fields?: (control: Control<z.input<S>>) => ReactNode
  okText: string
  danger?: boolean
  confirm?: DangerQuestion
  managers: StaffPublic[]
  onSubmit: (values: z.output<S>) => Promise<Result<R>>
  onDone: (data: R) => void
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { confirmDanger } = useFeedback()
  const approval = NO_APPROVAL
  // The resolver hands handleSubmit what the schema made of the form (its output).
  const form = useForm<z.input<S>>({
    resolver: zodResolver(schema as never) as unknown as Resolver<z.input<S>>,
    defaultValues: { ...defaults, approval } as DefaultValues<z.input<S>>,
  })
  const { reset } = form
  // Each opening starts from the row's values (and a blank PIN).
  useEffect(() => {
    if (open) reset({ ...defaults, approval } as DefaultValues<z.input<S>>)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open])
  const refusal = form.formState.errors.root?.server?.message
  const submit = form.handleSubmit(async (values) => {
    if (confirm && !(await confirmDanger(confirm))) return
    const result = await onSubmit(values as z.output<S>)
    if (result.ok) return onDone(result.data)
    showRefusal(result.error, form)
  })
  return (
    <Modal
      getContainer={modalContainer}
      open={open}
      title={<span id={`${id}-title`}>{title}</span>}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('actions.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={danger}
          htmlType="submit"
          form={id}
          loading={form.formState.isSubmitting}
        >
          {okText}
        </Button>,
      ]}
    >
      <Form component={false}>
        <form id={id} onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
          {intro}
          {fields?.(form.control)}
          <ApprovalFields control={form.control} managers={managers} idPrefix={id} />
          {refusal && <Alert type="error" showIcon message={refusal} role="alert" />}
        </form>
      </Form>
    </Modal>
  )
}
