import { useTranslation } from 'react-i18next'
import { Button } from 'antd'
import { useApi } from '../apiContext'
import { useLoad } from '../hooks/useLoad'
import { caseActions, type CasePanelProps } from './caseActions'

/** The case's 负责人 (or the department it waits in, or 未分配), with 转交 (its form opens in the drawer). */
export function OwnerLine({ c, viewer, onAssign }: CasePanelProps & { onAssign: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const actions = caseActions(c, viewer)
  const departments = useLoad(() => api['departments:list'](), [])
  const { owner, ownerDepartmentId } = c.workflow
  const departmentName =
    departments.state === 'ready' ? (departments.data.find((d) => d.id === ownerDepartmentId)?.name ?? '') : ''
  const ownerText = owner
    ? owner.name
    : ownerDepartmentId
      ? t('owner.inDepartment', { department: departmentName })
      : t('owner.none')
  return (
    <span className="owner-line">
      <strong className={owner ? 'owner-name' : 'owner-name owner-none'} data-testid="owner-name">
        {ownerText}
      </strong>
      {owner && ownerDepartmentId && departmentName && <span className="muted"> · {departmentName}</span>}
      {actions.assign.enabled && (
        <Button type="link" size="small" onClick={onAssign}>
          {t('owner.assign')}
        </Button>
      )}
    </span>
  )
}
