import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { AddDepartmentInput, AddStaffInput, ResetPinInput, type Locale, type StaffPublic } from '@shared/schemas/staff'
import { MiniForm } from '../components/MiniForm'
import { ROLES } from '@shared/values/options'
import { useApi } from '../apiContext'
import { ApprovalFields } from '../components/ApprovalFields'
import { describedBy, Field, useErrorText } from '../components/Field'
import { Notice } from '../components/Notice'
import { applyServerError } from '../hooks/serverErrors'
import { useLoad } from '../hooks/useLoad'
import { WorkflowSettingsForm } from './WorkflowSettingsForm'
import { ScriptsSettingsForm } from './ScriptsSettingsForm'
import { BackupsCard } from './BackupsCard'
import { BundleCard } from './BundleCard'
import { RetentionCard } from './RetentionCard'
import { HeadOfficeCard } from './HeadOfficeCard'

export function SettingsPage({
  locale,
  onLocale,
  signedIn,
  onRestored,
}: {
  locale: Locale
  onLocale: (l: Locale) => void
  signedIn: StaffPublic
  onRestored: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const departments = useLoad(() => api['departments:list'](), [])
  const policy = useLoad(() => api['settings:get'](), [])
  const managers = staff.state === 'ready' ? staff.data.filter((s) => s.role === 'manager') : []
  // A signed-in manager approves their own changes by default; a clerk must pick one.
  const approver = signedIn.role === 'manager' ? signedIn.id : ''
  return (
    <section className="page" aria-labelledby="settings-title">
      <header className="page-header">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <div className="card">
        <label className="inline">
          {t('settings.language')}
          <select value={locale} onChange={(e) => onLocale(e.target.value as Locale)}>
            <option value="zh-CN">简体中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </div>
      {policy.state === 'error' && <Notice kind="error">{policy.error.message}</Notice>}
      <div className="settings-columns">
        <div className="card">
          <h2>{t('settings.staff')}</h2>
          {staff.state === 'error' && <Notice kind="error">{staff.error.message}</Notice>}
          <ul className="plain-list">
            {staff.state === 'ready' &&
              staff.data.map((s) => (
                <li key={s.id}>
                  {s.name} <span className="badge">{t(`roles.${s.role}`)}</span>
                  <details>
                    <summary>{t('settings.resetPin')}</summary>
                    <MiniForm
                      id={`reset-${s.id}`}
                      title={t('settings.resetPinFor', { name: s.name })}
                      schema={ResetPinInput}
                      defaults={{ staffId: s.id, pin: '', pinConfirm: '' } as never}
                      fields={[
                        { name: 'pin', label: t('setup.pin'), kind: 'password' },
                        { name: 'pinConfirm', label: t('setup.pinConfirm'), kind: 'password' },
                      ]}
                      submitLabel={t('settings.resetPin')}
                      managers={managers}
                      defaultApprover={approver}
                      onSubmit={(v) => api['staff:resetPin'](v)}
                    />
                  </details>
                </li>
              ))}
          </ul>
          {/* Forms wait for the staff list so the approver select has its options before its default. */}
          {staff.state === 'ready' && <AddStaffForm managers={managers} approver={approver} onAdded={staff.reload} />}
        </div>
        <div className="card">
          <h2>{t('settings.departments')}</h2>
          {departments.state === 'error' && <Notice kind="error">{departments.error.message}</Notice>}
          <ul className="plain-list">
            {departments.state === 'ready' && departments.data.map((d) => <li key={d.id}>{d.name}</li>)}
          </ul>
          {staff.state === 'ready' && (
            <AddDepartmentForm managers={managers} approver={approver} onAdded={departments.reload} />
          )}
        </div>
      </div>
      {staff.state === 'ready' && <BackupsCard managers={managers} approver={approver} onRestored={onRestored} />}
      {staff.state === 'ready' && <BundleCard managers={managers} approver={approver} />}
      {staff.state === 'ready' && <HeadOfficeCard managers={managers} approver={approver} />}
      {policy.state === 'ready' && staff.state === 'ready' && (
        <WorkflowSettingsForm settings={policy.data} managers={managers} approver={approver} onSaved={policy.reload} />
      )}
      {policy.state === 'ready' && staff.state === 'ready' && (
        <ScriptsSettingsForm settings={policy.data} managers={managers} approver={approver} onSaved={policy.reload} />
      )}
      {policy.state === 'ready' && staff.state === 'ready' && (
        <RetentionCard managers={managers} approver={approver} reload={policy.data.retentionMonths ?? 0} />
      )}
    </section>
  )
}

function useAddForm<S extends typeof AddStaffInput | typeof AddDepartmentInput>(
  schema: S,
  defaults: z.input<S>,
  send: (
    values: z.output<S>,
  ) => Promise<{ ok: true; data: { name: string } } | { ok: false; error: import('@shared/ipc/result').ApiError }>,
  onAdded: () => void,
) {
  const { t } = useTranslation()
  const [banner, setBanner] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never) as never,
    defaultValues: defaults as never,
  })
  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    const result = await send(values)
    if (result.ok) {
      setBanner({ kind: 'success', text: t('settings.added', { name: result.data.name }) })
      form.reset(defaults as never)
      onAdded()
    } else {
      setBanner({ kind: 'error', text: applyServerError(result.error, form.setError) })
      form.resetField('approval.pin' as never)
    }
  })
  return { form, submit, banner }
}

/** Adds a member of staff (a manager's action); head office's settings use it too. */
export function AddStaffForm({
  managers,
  approver,
  onAdded,
}: {
  managers: StaffPublic[]
  approver: string
  onAdded: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const errorText = useErrorText()
  const defaults = {
    staff: { name: '', role: 'staff' as const, pin: '', pinConfirm: '' },
    approval: { managerId: approver, pin: '' },
  }
  const { form, submit, banner } = useAddForm(AddStaffInput, defaults, (v) => api['staff:add'](v), onAdded)
  const e = form.formState.errors
  const nameError = errorText(e.staff?.name?.message)
  const pinError = errorText(e.staff?.pin?.message)
  const confirmError = errorText(e.staff?.pinConfirm?.message)
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-staff-title" className="subform">
      <h3 id="add-staff-title">{t('settings.addStaff')}</h3>
      {banner && <Notice kind={banner.kind}>{banner.text}</Notice>}
      <Field id="staff-name" label={t('settings.name')} error={nameError} required>
        <input
          id="staff-name"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy('staff-name', nameError)}
          {...form.register('staff.name')}
        />
      </Field>
      <Field id="staff-role" label={t('settings.role')}>
        <select id="staff-role" {...form.register('staff.role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`roles.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="staff-pin" label={t('setup.pin')} error={pinError} required>
        <input
          id="staff-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          aria-invalid={pinError ? true : undefined}
          aria-describedby={describedBy('staff-pin', pinError)}
          {...form.register('staff.pin')}
        />
      </Field>
      <Field id="staff-pin-confirm" label={t('setup.pinConfirm')} error={confirmError} required>
        <input
          id="staff-pin-confirm"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          aria-invalid={confirmError ? true : undefined}
          aria-describedby={describedBy('staff-pin-confirm', confirmError)}
          {...form.register('staff.pinConfirm')}
        />
      </Field>
      <ApprovalFields idPrefix="staff" managers={managers} control={form.control} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('settings.addStaff')}
      </button>
    </form>
  )
}

function AddDepartmentForm({
  managers,
  approver,
  onAdded,
}: {
  managers: StaffPublic[]
  approver: string
  onAdded: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const errorText = useErrorText()
  const defaults = { name: '', approval: { managerId: approver, pin: '' } }
  const { form, submit, banner } = useAddForm(AddDepartmentInput, defaults, (v) => api['departments:add'](v), onAdded)
  const e = form.formState.errors
  const nameError = errorText(e.name?.message)
  return (
    <form onSubmit={submit} noValidate aria-labelledby="add-dept-title" className="subform">
      <h3 id="add-dept-title">{t('settings.addDepartment')}</h3>
      {banner && <Notice kind={banner.kind}>{banner.text}</Notice>}
      <Field id="dept-name" label={t('settings.departmentName')} error={nameError} required>
        <input
          id="dept-name"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={describedBy('dept-name', nameError)}
          {...form.register('name')}
        />
      </Field>
      <ApprovalFields idPrefix="dept" managers={managers} control={form.control} />
      <button type="submit" disabled={form.formState.isSubmitting}>
        {t('settings.addDepartment')}
      </button>
    </form>
  )
}
