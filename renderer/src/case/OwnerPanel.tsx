import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { AssignForm } from '@shared/schemas/workflow'
import { useApi } from '../apiContext'
import { MiniForm } from '../components/MiniForm'
import { useLoad } from '../hooks/useLoad'
import { caseActions, type CasePanelProps } from './caseActions'

/** The case's 负责人 (or the department it waits in, or 未分配), and the 转交 form. */
export function OwnerPanel({ c, act, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const api = useApi()
  const actions = caseActions(c, viewer)
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const departments = useLoad(() => api['departments:list'](), [])
  const [open, setOpen] = useState(false)
  const { owner, ownerDepartmentId } = c.workflow
  const departmentName =
    departments.state === 'ready' ? (departments.data.find((d) => d.id === ownerDepartmentId)?.name ?? '') : ''
  const ownerText = owner
    ? owner.name
    : ownerDepartmentId
      ? t('owner.inDepartment', { department: departmentName })
      : t('owner.none')
  return (
    <section className="card owner-bar" aria-labelledby="owner-title">
      <div className="owner-line">
        <h2 id="owner-title">{t('owner.owner')}</h2>
        <strong className={owner ? 'owner-name' : 'owner-name owner-none'} data-testid="owner-name">
          {ownerText}
        </strong>
        {owner && ownerDepartmentId && departmentName && <span className="muted">· {departmentName}</span>}
      </div>
      {actions.assign.enabled && staff.state === 'ready' && departments.state === 'ready' && (
        <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('owner.assign')}</summary>
          <MiniForm
            id="assign"
            title={t('owner.assignTitle')}
            schema={AssignForm}
            defaults={{ staffId: '', departmentId: '', note: '' }}
            fields={[
              {
                name: 'staffId',
                label: t('owner.staff'),
                kind: 'select',
                optional: true,
                hint: t('owner.staffHint'),
                options: staff.data.map((s) => ({ value: s.id, label: s.name })),
              },
              {
                name: 'departmentId',
                label: t('owner.toDepartment'),
                kind: 'select',
                optional: true,
                options: departments.data.map((d) => ({ value: d.id, label: d.name })),
              },
              { name: 'note', label: t('owner.note'), kind: 'textarea', hint: t('owner.noteHint') },
            ]}
            submitLabel={t('owner.assign')}
            onSubmit={(v) => act(api['cases:assign']({ id: c.id, ...v }))}
            onDone={() => setOpen(false)}
          />
        </details>
      )}
    </section>
  )
}
