import { useState, type KeyboardEvent } from 'react'
import { useForm, type FieldErrors } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { useTranslation } from 'react-i18next'
import { CaseDraft, LIMITS, type CaseDetail } from '@shared/schemas/case'
import {
  CATEGORIES,
  CHANNELS,
  CUSTOMER_STYLES,
  CUSTOMER_TYPES,
  DEMANDS,
  FAULTS,
  MOODS,
  RESOLVED_AT_DESK,
  SITUATIONS,
} from '@shared/values/options'
import { useApi } from '../apiContext'
import { describedBy, Field, useErrorText } from '../components/Field'
import { Notice } from '../components/Notice'
import { DepartmentOptions, EnumOptions } from '../components/Options'
import { applyServerError } from '../hooks/serverErrors'
import { useLoad } from '../hooks/useLoad'
import { intakeDefaults } from './intakeDefaults'
import { useLiveClassification } from '../hooks/useLiveClassification'
import { ReasonList } from '../case/ReasonList'
import { CauseField } from '../case/CauseField'
import { ConfirmPrompts } from '../case/ConfirmPrompts'

type Name = keyof CaseDraft

export function IntakePage({ onSaved, onCancel }: { onSaved: (c: CaseDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const errorText = useErrorText()
  const departments = useLoad(() => api['departments:list'](), [])
  const [banner, setBanner] = useState<string | null>(null)
  const form = useForm<CaseDraft>({
    resolver: zodResolver(CaseDraft),
    defaultValues: intakeDefaults(new Date()),
  })
  const { register, handleSubmit, setError, formState, watch } = form
  const lengthOf = (name: 'description' | 'demandNote' | 'customerWords') => ({
    length: (watch(name) ?? '').length,
    max: LIMITS[name],
  })
  const preview = useLiveClassification(form)
  const errors = formState.errors

  const onInvalid = (errs: FieldErrors<CaseDraft>) =>
    setBanner(t('intake.invalid', { count: Object.keys(errs).length }))
  const submit = handleSubmit(async (values) => {
    setBanner(null)
    const result = await api['cases:create'](values)
    if (result.ok) onSaved(result.data)
    else setBanner(applyServerError(result.error, setError))
  }, onInvalid)

  // Enter in a text area adds a line; Ctrl+Enter saves from anywhere in the form.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      void submit()
    }
  }

  // A long text over its limit says so at once, next to the field, instead of being cut.
  const overLimit = (name: Name) =>
    (name === 'description' || name === 'demandNote' || name === 'customerWords') &&
    lengthOf(name).length > LIMITS[name]
      ? t('validation.tooLong', { n: LIMITS[name] })
      : undefined
  const err = (name: Name) => errorText(errors[name]?.message as string | undefined) ?? overLimit(name)
  const control = (name: Name, hint?: string) => ({
    id: name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(name, err(name), hint),
    ...register(name),
  })
  const text = (
    name: Name,
    opts: { required?: boolean; hint?: string; type?: string; inputMode?: 'decimal' | 'tel' } = {},
  ) => (
    <Field id={name} label={t(`fields.${name}`)} error={err(name)} hint={opts.hint} required={opts.required}>
      <input type={opts.type ?? 'text'} inputMode={opts.inputMode} {...control(name, opts.hint)} />
    </Field>
  )
  const select = (name: Name, values: readonly string[], labelKey: string, required = true) => (
    <Field id={name} label={t(`fields.${name}`)} error={err(name)} required={required}>
      <select {...control(name)}>
        {/* An optional select offers "not set" as its own option, labelled like the others. */}
        <option value="">{required ? t('intake.selectPlaceholder') : t('intake.notSet')}</option>
        <EnumOptions values={values} labelKey={labelKey} />
      </select>
    </Field>
  )
  const radios = (name: Name, values: readonly string[]) => (
    <fieldset
      className={`field radio-group${errors[name] ? ' field-invalid' : ''}`}
      aria-describedby={describedBy(name, err(name))}
    >
      <legend>
        {t(`fields.${name}`)}
        <span className="required" aria-hidden="true">
          {' '}
          *
        </span>
      </legend>
      <div className="choices">
        {values.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...register(name)} /> {t(`options.${name}.${value}`)}
          </label>
        ))}
      </div>
      {err(name) && (
        <small id={`${name}-error`} className="error" role="alert">
          {err(name)}
        </small>
      )}
    </fieldset>
  )

  return (
    <form className="page intake" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-labelledby="intake-title">
      <header className="page-header">
        <h1 id="intake-title">{t('intake.title')}</h1>
      </header>
      {banner && <Notice kind="error">{banner}</Notice>}
      {departments.state === 'ready' && departments.data.length === 0 && (
        <Notice kind="warning">{t('intake.noDepartments')}</Notice>
      )}
      {departments.state === 'error' && <Notice kind="error">{departments.error.message}</Notice>}
      <section className="card grid" aria-label={t('intake.customer')}>
        <h2 className="grid-title">{t('intake.customer')}</h2>
        {text('receivedAt', { required: true, type: 'datetime-local' })}
        {select('channel', CHANNELS, 'channel')}
        <Field
          id="customerName"
          label={t('fields.customerName')}
          error={err('customerName')}
          hint={t('hints.customerName')}
          required
        >
          <input autoFocus {...control('customerName', t('hints.customerName'))} />
        </Field>
        {text('phone', { hint: t('hints.phone'), type: 'tel', inputMode: 'tel' })}
        {select('customerType', CUSTOMER_TYPES, 'customerType')}
        {select('customerStyle', CUSTOMER_STYLES, 'customerStyle', false)}
        {radios('mood', MOODS)}
      </section>
      <section className="card grid" aria-label={t('intake.complaint')}>
        <h2 className="grid-title">{t('intake.complaint')}</h2>
        <Field id="departmentId" label={t('fields.department')} error={err('departmentId')} required>
          <select {...control('departmentId')}>
            <option value="">{t('intake.selectPlaceholder')}</option>
            <DepartmentOptions departments={departments} />
          </select>
        </Field>
        {select('category', CATEGORIES, 'category')}
        <CauseField
          id="cause"
          category={watch('category')}
          description={watch('description') ?? ''}
          value={watch('cause')}
          error={err('cause')}
          register={register('cause')}
          onPick={(cause) => form.setValue('cause', cause, { shouldDirty: true })}
        />
        {text('product')}
        {text('amount', { hint: t('hints.amount'), inputMode: 'decimal' })}
        {text('lossAmount', { hint: t('hints.lossAmount'), inputMode: 'decimal' })}
        {text('claimAmount', { hint: t('hints.claimAmount'), inputMode: 'decimal' })}
        {text('receiptNo')}
        <Field
          id="description"
          label={t('fields.description')}
          error={err('description')}
          hint={t('hints.description')}
          required
          wide
          count={lengthOf('description')}
        >
          <textarea rows={4} {...control('description', t('hints.description'))} />
        </Field>
        {select('demand', DEMANDS, 'demand')}
        <Field id="demandNote" label={t('fields.demandNote')} error={err('demandNote')} count={lengthOf('demandNote')}>
          <input {...control('demandNote')} />
        </Field>
        <Field
          id="customerWords"
          label={t('fields.customerWords')}
          error={err('customerWords')}
          hint={t('hints.customerWords')}
          wide
          count={lengthOf('customerWords')}
        >
          <textarea rows={2} {...control('customerWords', t('hints.customerWords'))} />
        </Field>
        {text('staffComplainedAbout', { hint: t('hints.staffComplainedAbout') })}
      </section>
      <section className="card grid" aria-label={t('intake.handling')}>
        <h2 className="grid-title">{t('intake.handling')}</h2>
        <fieldset className="field field-wide situations" aria-describedby="situations-hint">
          <legend>{t('fields.situations')}</legend>
          <div className="choices">
            {SITUATIONS.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" value={s} {...register('situations')} /> {t(`options.situations.${s}`)}
              </label>
            ))}
          </div>
          <small id="situations-hint" className="hint">
            {t('hints.situations')}
          </small>
        </fieldset>
        {radios('fault', FAULTS)}
        {radios('resolvedAtDesk', RESOLVED_AT_DESK)}
      </section>
      {preview && (
        <section
          className={`card class-preview class-preview-${preview.caseClass}`}
          aria-live="polite"
          aria-labelledby="preview-title"
        >
          <h2 id="preview-title">
            {t('wf.proposed')}{' '}
            <span className={`badge class-${preview.caseClass}`}>{t(`options.caseClass.${preview.caseClass}`)}</span>
            {preview.urgent && <span className="badge badge-urgent">{t('list.urgent')}</span>}
          </h2>
          {preview.urgent && <p className="urgent-line">{t('wf.urgentOnSave')}</p>}
          <ReasonList reasons={preview.reasons} />
          <ConfirmPrompts form={form} reasons={preview.reasons} />
        </section>
      )}
      <div className="actions sticky-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('actions.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  )
}
