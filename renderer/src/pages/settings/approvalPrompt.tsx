import { useRef, useState, type ReactNode } from 'react'
import { useForm, type Resolver } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Form, Modal } from 'antd'
import { z } from 'zod'
import type { Result } from '@shared/ipc/result'
import type { StaffPublic } from '@shared/schemas/staff'
import { ManagerApproval as Approval, USE_ELEVATION } from '@shared/schemas/common'
import { activeElevation } from '@shared/rules/elevation'
import { ApprovalFields } from '../../components/ApprovalFields'
import { useSession } from '../../ui/session'
import { useFeedback } from '../../ui/feedback'
import { showRefusal } from './refusal'
import { modalContainer } from './modalContainer'

/** A blank approval: ApprovalFields fills it in while a manager's approval stands (主管授权). */
export const NO_APPROVAL = { managerId: '', pin: '' }

const Prompt = z.object({ approval: Approval })
type ManagerApproval = Approval
type Prompt = z.input<typeof Prompt>

interface Pending {
  title: string
  okText: string
  danger: boolean
  send: (approval: ManagerApproval) => Promise<Result<unknown>>
  resolve: (result: Result<unknown> | null) => void
}

/**
 * A manager action without fields of its own (restore, deactivate, 恢复默认…), asked after its
 * red question: `run(send)` sends it with the manager's approval — the standing one (主管授权)
 * when there is one, else asked for in a small dialog that stays open until main accepts it (a
 * wrong PIN is said under the PIN). Resolves with main's answer, or null when the manager
 * cancels (a refusal under the standing approval is also said in a toast). Put `holder` in the page.
 */
export function useApprovedAction(managers: StaffPublic[]): {
  run: <R>(
    what: { title: string; okText: string; danger?: boolean },
    send: (approval: ManagerApproval) => Promise<Result<R>>,
  ) => Promise<Result<R> | null>
  holder: ReactNode
} {
  const [pending, setPending] = useState<Pending | null>(null)
  const current = useRef<Pending | null>(null)
  const { session } = useSession()
  const { failure } = useFeedback()
  const run = async <R,>(
    what: { title: string; okText: string; danger?: boolean },
    send: (approval: ManagerApproval) => Promise<Result<R>>,
  ): Promise<Result<R> | null> => {
    const standing = activeElevation(session?.elevation, new Date())
    if (standing) {
      const result = await send({ managerId: standing.by.id, pin: USE_ELEVATION })
      if (result.ok) return result
      // An approval that ran out meanwhile (main says so): the PIN is asked for instead. Any other
      // refusal is said here, since no dialog is open to show it.
      if (result.error.code !== 'FORBIDDEN') {
        failure(result.error.message)
        return result
      }
    }
    return new Promise<Result<R> | null>((resolve) => {
      const next: Pending = {
        title: what.title,
        okText: what.okText,
        danger: what.danger ?? false,
        send: send as Pending['send'],
        resolve: resolve as Pending['resolve'],
      }
      current.current = next
      setPending(next)
    })
  }
  const finish = (result: Result<unknown> | null) => {
    current.current?.resolve(result)
    current.current = null
    setPending(null)
  }
  return {
    run,
    holder: pending && <ApprovalDialog key={pending.title} pending={pending} managers={managers} onFinish={finish} />,
  }
}

function ApprovalDialog({
  pending,
  managers,
  onFinish,
}: {
  pending: Pending
  managers: StaffPublic[]
  onFinish: (result: Result<unknown> | null) => void
}) {
  const { t } = useTranslation()
  const approval = NO_APPROVAL
  const form = useForm<Prompt>({
    resolver: zodResolver(Prompt) as unknown as Resolver<Prompt>,
    defaultValues: { approval },
  })
  const refusal = form.formState.errors.root?.server?.message
  const submit = form.handleSubmit(async (v) => {
    const result = await pending.send(v.approval as ManagerApproval)
    if (result.ok) return onFinish(result)
    showRefusal(result.error, form)
  })
  return (
    <Modal
      getContainer={modalContainer}
      open
      title={<span id="approval-dialog-title">{pending.title}</span>}
      onCancel={() => onFinish(null)}
      footer={[
        <Button key="cancel" onClick={() => onFinish(null)}>
          {t('actions.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={pending.danger}
          htmlType="submit"
          form="approval-dialog"
          loading={form.formState.isSubmitting}
        >
          {pending.okText}
        </Button>,
      ]}
    >
      <Form component={false}>
        <form id="approval-dialog" onSubmit={submit} noValidate aria-labelledby="approval-dialog-title">
          <ApprovalFields control={form.control} managers={managers} idPrefix="approval-dialog" />
          {refusal && <Alert type="error" showIcon role="alert" message={refusal} />}
        </form>
      </Form>
    </Modal>
  )
}
