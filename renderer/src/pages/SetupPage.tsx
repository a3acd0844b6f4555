import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { SetupInput } from '@shared/schemas/staff'
import type { Session } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { describedBy, Field, useErrorText } from '../components/Field'
import { Notice } from '../components/Notice'
import { applyServerError } from '../hooks/serverErrors'

export function SetupPage({ onDone }: { onDone: (session: Session) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const errorText = useErrorText()
  const [banner, setBanner] = useState<string | null>(null)
  const { register, handleSubmit, setError, formState } = useForm<SetupInput>({
    resolver: zodResolver(SetupInput),
    defaultValues: { kind: 'branch', branch: { name: '', code: '' }, manager: { name: '', pin: '', pinConfirm: '' } },
  })
  const e = formState.errors
  const submit = handleSubmit(async (values) => {
    setBanner(null)
    const result = await api['setup:init'](values)
    if (result.ok) onDone(result.data)
    else setBanner(applyServerError(result.error, setError))
  })
  const field = (id: string, error?: string) => ({
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error),
  })
  const msgs = {
    branchName: errorText(e.branch?.name?.message),
    branchCode: errorText(e.branch?.code?.message),
    managerName: errorText(e.manager?.name?.message),
    pin: errorText(e.manager?.pin?.message),
    pinConfirm: errorText(e.manager?.pinConfirm?.message),
  }
  return (
    <main className="centered-page">
      <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        {banner && <Notice kind="error">{banner}</Notice>}
        <fieldset>
          <legend>{t('hq.setupKind')}</legend>
          <p className="hint" id="setupKind-hint">
            {t('hq.setupKindHint')}
          </p>
          {(['branch', 'headoffice'] as const).map((k) => (
            <label key={k} className="inline">
              <input type="radio" value={k} aria-describedby="setupKind-hint" {...register('kind')} />{' '}
              {t(`hq.kind.${k}`)}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>{t('setup.branch')}</legend>
          <Field id="branchName" label={t('setup.branchName')} error={msgs.branchName} required>
            <input {...field('branchName', msgs.branchName)} autoFocus {...register('branch.name')} />
          </Field>
          <Field
            id="branchCode"
            label={t('setup.branchCode')}
            error={msgs.branchCode}
            hint={t('hints.branchCode')}
            required
          >
            <input
              {...field('branchCode', msgs.branchCode)}
              aria-describedby={describedBy('branchCode', msgs.branchCode, t('hints.branchCode'))}
              maxLength={16}
              {...register('branch.code')}
            />
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('setup.manager')}</legend>
          <Field id="managerName" label={t('setup.managerName')} error={msgs.managerName} required>
            <input {...field('managerName', msgs.managerName)} {...register('manager.name')} />
          </Field>
          <Field id="managerPin" label={t('setup.pin')} error={msgs.pin} required>
            <input
              {...field('managerPin', msgs.pin)}
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              {...register('manager.pin')}
            />
          </Field>
          <Field id="managerPinConfirm" label={t('setup.pinConfirm')} error={msgs.pinConfirm} required>
            <input
              {...field('managerPinConfirm', msgs.pinConfirm)}
              type="password"
              inputMode="numeric"
              autoComplete="new-password"
              {...register('manager.pinConfirm')}
            />
          </Field>
        </fieldset>
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('actions.startSetup')}
        </button>
      </form>
    </main>
  )
}
