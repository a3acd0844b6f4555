import { useEffect, useState } from 'react'
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Alert, Button } from 'antd'
import { USE_ELEVATION } from '@shared/schemas/common'
import { activeElevation } from '@shared/rules/elevation'
import type { StaffPublic } from '@shared/schemas/staff'
import { PinField, SelectField } from '../ui/fields'
import { useSession } from '../ui/session'
import { formatTime } from '../format'

/**
 * The manager's name and PIN that a manager-only action needs (checked again in main). While
 * a manager's approval stands in this window (主管授权, docs/domain.md §10) it is used instead
 * of asking again; the clerk can still choose to type a PIN.
 */
export function ApprovalFields<T extends FieldValues>({
  idPrefix,
  managers,
  control,
}: {
  idPrefix: string
  managers: StaffPublic[]
  control: Control<T>
}) {
  const { t } = useTranslation()
  const { session } = useSession()
  const [typePin, setTypePin] = useState(false)
  const elevation = typePin ? null : activeElevation(session?.elevation, new Date())
  const managerId = useController({ control, name: 'approval.managerId' as Path<T> })
  const pin = useController({ control, name: 'approval.pin' as Path<T> })

  // Elevated: the approval is the manager's standing one (values set again after a form reset).
  useEffect(() => {
    if (!elevation) {
      if (pin.field.value === USE_ELEVATION) pin.field.onChange('')
      return
    }
    if (managerId.field.value !== elevation.by.id) managerId.field.onChange(elevation.by.id)
    if (pin.field.value !== USE_ELEVATION) pin.field.onChange(USE_ELEVATION)
  })

  if (elevation) {
    return (
      <Alert
        className="approval"
        // A standing approval is information, not an alarm.
        role="status"
        type="info"
        showIcon
        title={t('elevation.approvedBy', { name: elevation.by.name, until: formatTime(elevation.until) })}
        action={
          <Button size="small" type="link" onClick={() => setTypePin(true)}>
            {t('elevation.usePin')}
          </Button>
        }
      />
    )
  }
  return (
    <fieldset className="approval">
      <legend>{t('settings.approval')}</legend>
      <small className="hint">{t('settings.approvalHint')}</small>
      <SelectField
        control={control}
        name={'approval.managerId' as Path<T>}
        id={`${idPrefix}-approver`}
        label={t('settings.approver')}
        required
        options={managers.map((m) => ({ value: m.id, label: m.name }))}
      />
      <PinField
        control={control}
        name={'approval.pin' as Path<T>}
        id={`${idPrefix}-approver-pin`}
        label={t('settings.approverPin')}
        required
      />
    </fieldset>
  )
}
