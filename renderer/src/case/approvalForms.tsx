import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { LowerClassInput, TakeOverInput } from '@shared/schemas/workflow'
import { ManagerApproval, requiredText } from '@shared/schemas/common'
import { TextAreaField } from '../ui/fields'
import { ApprovalFields } from '../components/ApprovalFields'
import { useApi } from '../apiContext'
import { CaseForm } from './CaseForm'
import type { FormProps } from './actionForms'

// Manager-only case actions (lifecycle MANAGER_CASE_ACTIONS): the approval is asked for in the
// form (a signed-in manager's, or one given in the last minutes, stands without a PIN).

type ApprovalFormProps = FormProps
const approval = (p: ApprovalFormProps) => ({ managerId: p.defaultApprover, pin: '' })

const Void = z.object({ reason: requiredText(200), approval: ManagerApproval })

/** 作废: a manager's approval and a reason; asked again in a red dialog before it is done. */
export function VoidForm(props: ApprovalFormProps) {
  const { c, act, managers, onDone, onCancel } = props
  const { t } = useTranslation()
  const api = useApi()
  return (
    <CaseForm
      id="void"
      title={t('detail.actions.void')}
      schema={Void}
      defaults={{ reason: '', approval: approval(props) }}
      submitLabel={t('detail.actions.void')}
      approval
      danger={{
        title: t('detail.voidConfirm', { number: c.number }),
        content: t('detail.voidConfirmText'),
        okText: t('detail.voidOk'),
      }}
      onSubmit={(v) => act(api['cases:transition']({ id: c.id, action: 'void', ...v }))}
      success={() => t('detail.done.void', { number: c.number })}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(control) => (
        <>
          <TextAreaField control={control} name="reason" id="void-reason" label={t('wf.reason')} required rows={2} />
          <ApprovalFields idPrefix="void" managers={managers} control={control} />
        </>
      )}
    </CaseForm>
  )
}

/** 降为一类: a manager's approval and a reason. */
export function LowerClassForm(props: ApprovalFormProps) {
  const { c, act, managers, onDone, onCancel } = props
  const { t } = useTranslation()
  const api = useApi()
  return (
    <CaseForm
      id="lower"
      title={t('wf.lower')}
      schema={LowerClassInput.omit({ id: true })}
      defaults={{ reason: '', approval: approval(props) }}
      submitLabel={t('wf.lower')}
      approval
      onSubmit={(v) => act(api['cases:lowerClass']({ id: c.id, ...v }))}
      success={() => t('detail.done.lowerClass')}
      onDone={onDone}
      onCancel={onCancel}
    >
      {(control) => (
        <>
          <TextAreaField control={control} name="reason" id="lower-reason" label={t('wf.reason')} required rows={2} />
          <ApprovalFields idPrefix="lower" managers={managers} control={control} />
        </>
      )}
    </CaseForm>
  )
}

/** 主管接手: the manager takes the urgent case over (their approval). */
export function TakeOverForm(props: ApprovalFormProps) {
  const { c, act, managers, onDone } = props
  const { t } = useTranslation()
  const api = useApi()
  return (
    <CaseForm
      id="takeover"
      title={t('wf.takeOver')}
      schema={TakeOverInput.omit({ id: true })}
      defaults={{ approval: approval(props) }}
      submitLabel={t('wf.takeOver')}
      approval
      onSubmit={(v) => act(api['cases:takeOver']({ id: c.id, ...v }))}
      success={() => t('detail.done.takeOver')}
      onDone={onDone}
    >
      {(control) => <ApprovalFields idPrefix="takeover" managers={managers} control={control} />}
    </CaseForm>
  )
}
