import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Tooltip } from 'antd'
import type { ActionState } from '@shared/rules/lifecycle'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import { reasonText, type Act } from './caseActions'
import { useButtonAction } from './useButtonAction'

/**
 * An action the lifecycle refuses for now: its button, disabled, with the reason in the
 * user's words as its tooltip and its description (screen readers read it with the button).
 */
export function BlockedAction({ id, label, state }: { id: string; label: string; state: ActionState }) {
  const { t } = useTranslation()
  const why = state.reason ? reasonText(t, state.reason) : ''
  return (
    <span className="action-blocked">
      <Tooltip title={why}>
        {/* A disabled button fires no hover: the wrapper carries the tooltip. */}
        <span className="action-blocked-wrap">
          <Button disabled aria-describedby={`${id}-why`}>
            {label}
          </Button>
        </span>
      </Tooltip>
      <span id={`${id}-why`} className="sr-only">
        {why}
      </span>
    </span>
  )
}

/**
 * A plain action button drawn from its lifecycle state: enabled, it runs the call (a toast
 * says it is done) and shows main's refusal, if any, right next to it; refused, it is shown
 * as a BlockedAction.
 */
export function ActionButton({
  id,
  label,
  state,
  act,
  call,
  success,
  primary,
  icon,
}: {
  id: string
  label: string
  state: ActionState
  act: Act
  call: () => Promise<Result<CaseDetail>>
  /** The toast once done. */
  success?: string
  primary?: boolean
  icon?: ReactNode
}) {
  const button = useButtonAction(act)
  if (!state.enabled) return <BlockedAction id={id} label={label} state={state} />
  return (
    <span className="action">
      <Button
        type={primary ? 'primary' : 'default'}
        icon={icon}
        loading={button.busy}
        aria-describedby={button.error ? `${id}-error` : undefined}
        onClick={() => void button.run(call(), success)}
      >
        {label}
      </Button>
      {button.error && (
        <span id={`${id}-error`} className="action-error" role="alert">
          {button.error}
        </span>
      )}
    </span>
  )
}
