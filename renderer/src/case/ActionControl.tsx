import { useTranslation } from 'react-i18next'
import type { ActionState } from '@shared/rules/lifecycle'
import type { Result } from '@shared/ipc/result'
import type { CaseDetail } from '@shared/schemas/case'
import { reasonText } from './caseActions'
import { useButtonAction } from './useButtonAction'

/**
 * An action the lifecycle refuses for now: its button, disabled, with the reason in the
 * user's words beside it (and as its description), so the clerk knows what to do first.
 */
export function BlockedAction({ id, label, state }: { id: string; label: string; state: ActionState }) {
  const { t } = useTranslation()
  const why = state.reason ? reasonText(t, state.reason) : ''
  return (
    <div className="action-blocked">
      <button type="button" disabled aria-describedby={`${id}-why`} title={why}>
        {label}
      </button>
      <span id={`${id}-why`} className="why">
        {why}
      </span>
    </div>
  )
}

/**
 * A plain action button drawn from its lifecycle state: enabled, it runs the call and shows
 * main's refusal, if any, right under it; refused, it is shown as a BlockedAction.
 */
export function ActionButton({
  id,
  label,
  state,
  act,
  call,
  primary,
}: {
  id: string
  label: string
  state: ActionState
  act: (call: Promise<Result<CaseDetail>>) => Promise<Result<CaseDetail>>
  call: () => Promise<Result<CaseDetail>>
  primary?: boolean
}) {
  const button = useButtonAction(act)
  if (!state.enabled) return <BlockedAction id={id} label={label} state={state} />
  return (
    <div className="action">
      <button
        type="button"
        className={primary ? 'primary' : undefined}
        disabled={button.busy}
        aria-describedby={button.error ? `${id}-error` : undefined}
        onClick={() => button.run(call())}
      >
        {label}
      </button>
      {button.error && (
        <span id={`${id}-error`} className="error" role="alert">
          {button.error}
        </span>
      )}
    </div>
  )
}
