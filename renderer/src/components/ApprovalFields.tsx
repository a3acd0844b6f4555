import type { FieldErrors, UseFormRegister } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import type { StaffPublic } from '@shared/schemas/staff'
import { describedBy, Field, useErrorText } from './Field'

type WithApproval = { approval: { managerId: string; pin: string } }

/** The manager's name and PIN that a manager-only action needs (checked again in main). */
export function ApprovalFields<T extends WithApproval>({
  idPrefix,
  managers,
  register,
  errors,
}: {
  idPrefix: string
  managers: StaffPublic[]
  register: UseFormRegister<T>
  errors: FieldErrors<WithApproval>
}) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const reg = register as unknown as UseFormRegister<WithApproval>
  const managerError = errorText(errors.approval?.managerId ? 'validation.choose' : undefined)
  const pinError = errorText(errors.approval?.pin?.message)
  const mid = `${idPrefix}-approver`
  const pid = `${idPrefix}-approver-pin`
  return (
    <fieldset className="approval">
      <legend>{t('settings.approval')}</legend>
      <small className="hint">{t('settings.approvalHint')}</small>
      <Field id={mid} label={t('settings.approver')} error={managerError} required>
        <select
          id={mid}
          aria-invalid={managerError ? true : undefined}
          aria-describedby={describedBy(mid, managerError)}
          {...reg('approval.managerId')}
        >
          <option value="">{t('intake.selectPlaceholder')}</option>
          {managers.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id={pid} label={t('settings.approverPin')} error={pinError} required>
        <input
          id={pid}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          aria-invalid={pinError ? true : undefined}
          aria-describedby={describedBy(pid, pinError)}
          {...reg('approval.pin')}
        />
      </Field>
    </fieldset>
  )
}
