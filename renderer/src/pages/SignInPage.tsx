import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { SignInInput, type Session } from '@shared/schemas/staff'
import type { z } from 'zod'
import { useApi } from '../apiContext'
import { describedBy, Field, useErrorText } from '../components/Field'
import { Notice } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'

export function SignInPage({ branchName, onDone }: { branchName: string; onDone: (session: Session) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const errorText = useErrorText()
  const staff = useLoad(() => api['auth:listStaff'](), [])
  const [banner, setBanner] = useState<string | null>(null)
  const { register, handleSubmit, formState, resetField } = useForm<z.input<typeof SignInInput>>({
    resolver: zodResolver(SignInInput),
    defaultValues: { staffId: '', pin: '' },
  })
  const submit = handleSubmit(async (values) => {
    setBanner(null)
    const result = await api['auth:signIn'](values)
    if (result.ok) onDone(result.data)
    else {
      setBanner(result.error.message)
      resetField('pin')
    }
  })
  const staffError = errorText(formState.errors.staffId?.message && 'validation.choose')
  const pinError = errorText(formState.errors.pin?.message)
  return (
    <main className="centered-page">
      <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="signin-title">
        <p className="muted">{branchName}</p>
        <h1 id="signin-title">{t('signIn.title')}</h1>
        {banner && <Notice kind="error">{banner}</Notice>}
        {staff.state === 'error' && <Notice kind="error">{staff.error.message}</Notice>}
        <Field id="staffId" label={t('signIn.staff')} error={staffError} required>
          <select
            id="staffId"
            autoFocus
            aria-invalid={staffError ? true : undefined}
            aria-describedby={describedBy('staffId', staffError)}
            {...register('staffId')}
          >
            <option value="">{t('signIn.choose')}</option>
            {staff.state === 'ready' &&
              staff.data.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}（{t(`roles.${s.role}`)}）
                </option>
              ))}
          </select>
        </Field>
        <Field id="pin" label={t('signIn.pin')} error={pinError} required>
          <input
            id="pin"
            type="password"
            inputMode="numeric"
            autoComplete="current-password"
            aria-invalid={pinError ? true : undefined}
            aria-describedby={describedBy('pin', pinError)}
            {...register('pin')}
          />
        </Field>
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('actions.signIn')}
        </button>
      </form>
    </main>
  )
}
