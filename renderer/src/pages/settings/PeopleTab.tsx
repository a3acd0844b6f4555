import { useState } from 'react'
import { useForm, type Resolver } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Card, Col, Form, Row, Space, Spin, Tag, Tooltip } from 'antd'
import { z } from 'zod'
import {
  AddDepartmentInput,
  AddStaffInput,
  RenameDepartmentInput,
  RenameStaffInput,
  ResetPinInput,
  type DepartmentEntry,
  type StaffEntry,
  type StaffPublic,
} from '@shared/schemas/staff'
import { departmentActiveRefusal, staffActiveRefusal } from '@shared/rules/directory'
import { ROLES } from '@shared/values/options'
import { useApi } from '../../apiContext'
import { useLoad, type Load } from '../../hooks/useLoad'
import { useFeedback } from '../../ui/feedback'
import { PinField, SelectField, TextField } from '../../ui/fields'
import { formatDateTime } from '../../format'
import { ActionModal } from './ActionModal'
import { PlainTable, type PlainColumn } from './PlainTable'
import { ApprovalFields } from '../../components/ApprovalFields'
import { NO_APPROVAL } from './approvalPrompt'
import { showRefusal } from './refusal'
import { useApprovedAction } from './approvalPrompt'

type Dialog =
  | { kind: 'renameStaff'; staff: StaffEntry }
  | { kind: 'resetPin'; staff: StaffEntry }
  | { kind: 'renameDepartment'; department: DepartmentEntry }

/**
 * 设置 → 员工与部门: who works here and the departments, each renamed, deactivated (停用) or
 * brought back with a manager's approval — never deleted. What may not be done (the last
 * manager, oneself, the last department) is said on the button, as main would refuse it.
 */
export function PeopleTab({
  signedIn,
  onChanged,
  departmentsShown = true,
}: {
  signedIn: StaffPublic
  onChanged: () => void
  /** Head office has staff but no desk departments. */
  departmentsShown?: boolean
}) {
  const { t } = useTranslation()
  const api = useApi()
  const staff = useLoad(() => api['staff:directory'](), [])
  const departments = useLoad(() => api['departments:directory'](), [])
  const [dialog, setDialog] = useState<Dialog | null>(null)
  const { success, confirmDanger } = useFeedback()
  const managers: StaffPublic[] =
    staff.state === 'ready' ? staff.data.filter((s) => s.active && s.role === 'manager') : []
  const { run, holder } = useApprovedAction(managers)
  const close = () => setDialog(null)
  const done = (message: string, what: 'staff' | 'departments') => {
    success(message)
    close()
    if (what === 'staff') {
      staff.reload()
      onChanged()
    } else departments.reload()
  }
  const refusalText = (id: string | null) => (id && id !== 'unchanged' ? t(`settings.refusals.${id}`) : null)

  /** 停用 asks first, in red; 启用 does not. Then the manager approves, and it is done. */
  const setStaffActive = async (s: StaffEntry) => {
    const active = !s.active
    if (
      !active &&
      !(await confirmDanger({
        title: t('settings.deactivateStaffTitle', { name: s.name }),
        content: (
          <>
            <p>{t('settings.deactivateStaffBody')}</p>
            {s.openCases > 0 && <p>{t('settings.deactivateStaffOpen', { name: s.name, count: s.openCases })}</p>}
          </>
        ),
        okText: t('settings.deactivate'),
      }))
    )
      return
    const title = active
      ? t('settings.reactivateTitle', { name: s.name })
      : t('settings.deactivateStaffTitle', { name: s.name })
    const okText = active ? t('settings.reactivate') : t('settings.deactivate')
    const result = await run({ title, okText, danger: !active }, (approval) =>
      api['staff:setActive']({ staffId: s.id, active, approval }),
    )
    if (result?.ok) done(t(active ? 'settings.reactivated' : 'settings.deactivated', { name: s.name }), 'staff')
  }
  const setDepartmentActive = async (d: DepartmentEntry) => {
    const active = !d.active
    if (
      !active &&
      !(await confirmDanger({
        title: t('settings.deactivateDepartmentTitle', { name: d.name }),
        content: t('settings.deactivateDepartmentBody'),
        okText: t('settings.deactivate'),
      }))
    )
      return
    const title = active
      ? t('settings.reactivateTitle', { name: d.name })
      : t('settings.deactivateDepartmentTitle', { name: d.name })
    const okText = active ? t('settings.reactivate') : t('settings.deactivate')
    const result = await run({ title, okText, danger: !active }, (approval) =>
      api['departments:setActive']({ departmentId: d.id, active, approval }),
    )
    if (result?.ok) done(t(active ? 'settings.reactivated' : 'settings.deactivated', { name: d.name }), 'departments')
  }

  const status = (s: StaffEntry) => {
    if (!s.active) return <Tag>{t('settings.status.inactive')}</Tag>
    if (s.lockedUntil && Date.parse(s.lockedUntil) > Date.now())
      return <Tag color="warning">{t('settings.status.locked', { time: formatDateTime(s.lockedUntil) })}</Tag>
    return <Tag color="success">{t('settings.status.active')}</Tag>
  }

  const staffColumns: PlainColumn<StaffEntry>[] = [
    { title: t('settings.name'), key: 'name', render: (s) => s.name },
    {
      title: t('settings.role'),
      key: 'role',
      render: (s) => <Tag color={s.role === 'manager' ? 'blue' : undefined}>{t(`roles.${s.role}`)}</Tag>,
    },
    { title: t('settings.statusTitle'), key: 'status', render: (s) => status(s) },
    { title: t('settings.openCases'), key: 'openCases', align: 'right', render: (s) => s.openCases },
    {
      title: t('settings.actions'),
      key: 'actions',
      render: (s) => {
        const refusal =
          staff.state === 'ready' ? refusalText(staffActiveRefusal(staff.data, s.id, !s.active, signedIn.id)) : null
        return (
          // Plain buttons in every row (a column of red ones shouts); 停用 and 重置 PIN ask in red.
          <Space size="small" wrap>
            <Button size="small" onClick={() => setDialog({ kind: 'renameStaff', staff: s })}>
              {t('settings.rename')}
            </Button>
            {s.active && (
              <Button size="small" onClick={() => setDialog({ kind: 'resetPin', staff: s })}>
                {t('settings.resetPin')}
              </Button>
            )}
            <Tooltip title={refusal}>
              <Button
                size="small"
                disabled={refusal !== null}
                aria-label={`${s.active ? t('settings.deactivate') : t('settings.reactivate')}：${s.name}`}
                aria-description={refusal ?? undefined}
                onClick={() => void setStaffActive(s)}
              >
                {s.active ? t('settings.deactivate') : t('settings.reactivate')}
              </Button>
            </Tooltip>
          </Space>
        )
      },
    },
  ]

  const departmentColumns: PlainColumn<DepartmentEntry>[] = [
    { title: t('settings.departmentName'), key: 'name', render: (d) => d.name },
    {
      title: t('settings.statusTitle'),
      key: 'status',
      render: (d) =>
        d.active ? (
          <Tag color="success">{t('settings.status.active')}</Tag>
        ) : (
          <Tag>{t('settings.status.inactive')}</Tag>
        ),
    },
    { title: t('settings.openCases'), key: 'openCases', align: 'right', render: (d) => d.openCases },
    {
      title: t('settings.actions'),
      key: 'actions',
      render: (d) => {
        const refusal =
          departments.state === 'ready' ? refusalText(departmentActiveRefusal(departments.data, d.id, !d.active)) : null
        return (
          <Space size="small" wrap>
            <Button size="small" onClick={() => setDialog({ kind: 'renameDepartment', department: d })}>
              {t('settings.rename')}
            </Button>
            <Tooltip title={refusal}>
              <Button
                size="small"
                disabled={refusal !== null}
                aria-label={`${d.active ? t('settings.deactivate') : t('settings.reactivate')}：${d.name}`}
                aria-description={refusal ?? undefined}
                onClick={() => void setDepartmentActive(d)}
              >
                {d.active ? t('settings.deactivate') : t('settings.reactivate')}
              </Button>
            </Tooltip>
          </Space>
        )
      },
    },
  ]

  const table = <T extends { id: string; active: boolean }>(
    load: Load<T[]>,
    columns: PlainColumn<T>[],
    title: string,
  ) =>
    load.state === 'error' ? (
      <Alert
        type="error"
        showIcon
        message={load.error.message}
        action={
          <Button size="small" onClick={load.reload}>
            {t('actions.retry')}
          </Button>
        }
      />
    ) : (
      <Spin spinning={load.state === 'loading'}>
        <PlainTable<T>
          label={title}
          columns={columns}
          rows={load.state === 'ready' ? load.data : []}
          rowKey={(r) => r.id}
          rowClassName={(r) => (r.active ? '' : 'row-inactive')}
          empty={load.state === 'ready' ? t('settings.noEntries') : ''}
        />
      </Spin>
    )

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={departmentsShown ? 14 : 24}>
        <Card title={<h2 className="card-title">{t('settings.staff')}</h2>} size="small">
          {table<StaffEntry>(staff, staffColumns, t('settings.staff'))}
          <AddStaffForm managers={managers} onAdded={(name) => done(t('settings.added', { name }), 'staff')} />
        </Card>
      </Col>
      {departmentsShown && (
        <Col xs={24} xl={10}>
          <Card title={<h2 className="card-title">{t('settings.departments')}</h2>} size="small">
            {table<DepartmentEntry>(departments, departmentColumns, t('settings.departments'))}
            <AddDepartmentForm
              managers={managers}
              onAdded={(name) => done(t('settings.added', { name }), 'departments')}
            />
          </Card>
        </Col>
      )}
      {dialog?.kind === 'renameStaff' && (
        <ActionModal
          open
          id="rename-staff"
          title={t('settings.renameTitle', { name: dialog.staff.name })}
          schema={RenameStaffInput}
          defaults={{ staffId: dialog.staff.id, name: dialog.staff.name }}
          fields={(control) => (
            <TextField control={control} name="name" id="rename-staff-name" label={t('settings.newName')} required />
          )}
          okText={t('settings.rename')}
          managers={managers}
          onSubmit={(v) => api['staff:rename'](v)}
          onDone={(s) => done(t('settings.renamed', { before: dialog.staff.name, after: s.name }), 'staff')}
          onClose={close}
        />
      )}
      {dialog?.kind === 'resetPin' && (
        <ActionModal
          open
          id="reset-pin"
          title={t('settings.resetPinFor', { name: dialog.staff.name })}
          schema={ResetPinInput}
          defaults={{ staffId: dialog.staff.id, pin: '', pinConfirm: '' }}
          fields={(control) => (
            <>
              <PinField control={control} name="pin" id="reset-pin-pin" label={t('setup.pin')} required />
              <PinField
                control={control}
                name="pinConfirm"
                id="reset-pin-confirm"
                label={t('setup.pinConfirm')}
                required
              />
            </>
          )}
          okText={t('settings.resetPin')}
          danger
          confirm={{
            title: t('settings.resetPinConfirmTitle', { name: dialog.staff.name }),
            content: t('settings.resetPinConfirmBody'),
            okText: t('settings.resetPin'),
          }}
          managers={managers}
          onSubmit={(v) => api['staff:resetPin'](v)}
          onDone={() => done(t('settings.pinReset', { name: dialog.staff.name }), 'staff')}
          onClose={close}
        />
      )}
      {dialog?.kind === 'renameDepartment' && (
        <ActionModal
          open
          id="rename-department"
          title={t('settings.renameTitle', { name: dialog.department.name })}
          schema={RenameDepartmentInput}
          defaults={{ departmentId: dialog.department.id, name: dialog.department.name }}
          fields={(control) => (
            <TextField
              control={control}
              name="name"
              id="rename-department-name"
              label={t('settings.newName')}
              hint={t('settings.renameDepartmentHint')}
              required
            />
          )}
          okText={t('settings.rename')}
          managers={managers}
          onSubmit={(v) => api['departments:rename'](v)}
          onDone={(d) => done(t('settings.renamed', { before: dialog.department.name, after: d.name }), 'departments')}
          onClose={close}
        />
      )}
      {holder}
    </Row>
  )
}

const AddStaffForm = ({ managers, onAdded }: { managers: StaffPublic[]; onAdded: (name: string) => void }) => {
  const { t } = useTranslation()
  const api = useApi()
  const approval = NO_APPROVAL
  const defaults = { staff: { name: '', role: 'staff' as const, pin: '', pinConfirm: '' }, approval }
  const form = useForm<z.input<typeof AddStaffInput>>({
    resolver: zodResolver(AddStaffInput) as unknown as Resolver<z.input<typeof AddStaffInput>>,
    defaultValues: defaults,
  })
  const refusal = form.formState.errors.root?.server?.message
  const submit = form.handleSubmit(async (v) => {
    const result = await api['staff:add'](v as z.output<typeof AddStaffInput>)
    if (!result.ok) return showRefusal(result.error, form)
    form.reset({ ...defaults, approval: { ...form.getValues('approval'), pin: approval.pin } })
    onAdded(result.data.name)
  })
  const c = form.control
  return (
    <Form component={false}>
      <form onSubmit={submit} noValidate aria-labelledby="add-staff-title" className="settings-subform">
        <h3 id="add-staff-title">{t('settings.addStaff')}</h3>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <TextField control={c} name="staff.name" id="staff-name" label={t('settings.name')} required />
          </Col>
          <Col xs={24} md={12}>
            <SelectField
              control={c}
              name="staff.role"
              id="staff-role"
              label={t('settings.role')}
              options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            />
          </Col>
          <Col xs={24} md={12}>
            <PinField control={c} name="staff.pin" id="staff-pin" label={t('setup.pin')} required />
          </Col>
          <Col xs={24} md={12}>
            <PinField
              control={c}
              name="staff.pinConfirm"
              id="staff-pin-confirm"
              label={t('setup.pinConfirm')}
              required
            />
          </Col>
        </Row>
        <ApprovalFields control={c} managers={managers} idPrefix="staff" />
        {refusal && <Alert type="error" showIcon message={refusal} role="alert" />}
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
          {t('settings.addStaff')}
        </Button>
      </form>
    </Form>
  )
}

const AddDepartmentForm = ({ managers, onAdded }: { managers: StaffPublic[]; onAdded: (name: string) => void }) => {
  const { t } = useTranslation()
  const api = useApi()
  const approval = NO_APPROVAL
  const defaults = { name: '', approval }
  const form = useForm<z.input<typeof AddDepartmentInput>>({
    resolver: zodResolver(AddDepartmentInput) as unknown as Resolver<z.input<typeof AddDepartmentInput>>,
    defaultValues: defaults,
  })
  const refusal = form.formState.errors.root?.server?.message
  const submit = form.handleSubmit(async (v) => {
    const result = await api['departments:add'](v as z.output<typeof AddDepartmentInput>)
    if (!result.ok) return showRefusal(result.error, form)
    form.reset({ ...defaults, approval: { ...form.getValues('approval'), pin: approval.pin } })
    onAdded(result.data.name)
  })
  return (
    <Form component={false}>
      <form onSubmit={submit} noValidate aria-labelledby="add-dept-title" className="settings-subform">
        <h3 id="add-dept-title">{t('settings.addDepartment')}</h3>
        <TextField control={form.control} name="name" id="dept-name" label={t('settings.departmentName')} required />
        <ApprovalFields control={form.control} managers={managers} idPrefix="dept" />
        {refusal && <Alert type="error" showIcon message={refusal} role="alert" />}
        <Button type="primary" htmlType="submit" loading={form.formState.isSubmitting}>
          {t('settings.addDepartment')}
        </Button>
      </form>
    </Form>
  )
}
