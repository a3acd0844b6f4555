import { useState } from 'react'
import { useForm, type Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CaseEdit, LIMITS, type CaseDetail, type CaseDraft } from '@shared/schemas/case'
import { EDIT_FIELDS, fieldText, intakeValues, lowerProposed, type EditField } from '@shared/rules/corrections'
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
import { useLoad } from '../hooks/useLoad'
import { BlockedAction } from './ActionControl'
import { caseActions, type CasePanelProps } from './caseActions'
import { CauseField } from './CauseField'

/**
 * 更正登记信息: the intake fields of a saved case, corrected in place. Only the fields changed
 * are sent; main records each with its value before and after and runs the rules again. A
 * raise applies at once; a lower class is only proposed (a manager lowers it).
 */
export function CorrectionsPanel({ c, act, viewer }: CasePanelProps) {
  const { t } = useTranslation()
  const actions = caseActions(c, viewer)
  const [editing, setEditing] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  return (
    <section className="card" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t('corrections.title')}</h2>
      {lowerProposed(c) && <Notice kind="warning">{t('corrections.lowerProposed')}</Notice>}
      {saved && <Notice kind="success">{saved}</Notice>}
      {editing ? (
        <EditForm
          c={c}
          act={act}
          onSaved={(updated) => {
            setEditing(false)
            const last = updated.timeline.at(-1)
            setSaved(
              t('corrections.saved', {
                count: last?.changes?.length ?? 0,
                outcome: t(`timeline.${last?.action ?? 'edited'}`),
              }),
            )
          }}
          onCancel={() => setEditing(false)}
        />
      ) : actions.editCase.enabled ? (
        <div className="action">
          <button
            type="button"
            onClick={() => {
              setSaved(null)
              setEditing(true)
            }}
          >
            {t('corrections.edit')}
          </button>
          <span className="muted small">{t('corrections.hint')}</span>
        </div>
      ) : (
        <BlockedAction id="edit-case" label={t('corrections.edit')} state={actions.editCase} />
      )}
    </section>
  )
}

function EditForm({
  c,
  act,
  onSaved,
  onCancel,
}: Pick<CasePanelProps, 'c' | 'act'> & { onSaved: (c: CaseDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const errorText = useErrorText()
  const departments = useLoad(() => api['departments:list'](), [])
  // The values the form opened with: only what differs from them is sent.
  const [initial] = useState(() => intakeValues(c))
  const form = useForm<CaseDraft>({ defaultValues: initial })
  const { register, formState, setError, clearErrors } = form
  const errors = formState.errors
  const [banner, setBanner] = useState<string | null>(null)

  const submit = form.handleSubmit(async (values) => {
    setBanner(null)
    clearErrors()
    const changed: Partial<CaseDraft> = {}
    for (const f of EDIT_FIELDS)
      if (fieldText(values, f) !== fieldText(initial, f)) Object.assign(changed, { [f]: values[f] })
    if (Object.keys(changed).length === 0) return setBanner(t('refusals.edit_nothing_changed'))
    // The intake form's rules, on the changed fields only (an old value kept as it is stays).
    const parsed = CaseEdit.safeParse(changed)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        setError(String(issue.path[0]) as Path<CaseDraft>, { type: 'validate', message: issue.message })
      return setBanner(t('intake.invalid', { count: parsed.error.issues.length }))
    }
    const result = await act(api['cases:edit']({ id: c.id, changes: parsed.data }))
    if (result.ok) return onSaved(result.data)
    // main's refusal: next to its field (changes.<field>), else above the form.
    for (const issue of result.error.issues ?? [])
      if (issue.path?.startsWith('changes.'))
        setError(issue.path.slice('changes.'.length) as Path<CaseDraft>, { type: 'server', message: issue.message })
    setBanner(result.error.message)
  })

  const id = (name: EditField) => `edit-${name}`
  const err = (name: EditField) => errorText(errors[name]?.message as string | undefined)
  const control = (name: EditField, hint?: string) => ({
    id: id(name),
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': describedBy(id(name), err(name), hint),
    ...register(name),
  })
  const text = (name: EditField, opts: { hint?: string; type?: string; wide?: boolean } = {}) => (
    <Field id={id(name)} label={t(`fields.${name}`)} error={err(name)} hint={opts.hint} wide={opts.wide}>
      <input type={opts.type ?? 'text'} {...control(name, opts.hint)} />
    </Field>
  )
  const select = (name: EditField, values: readonly string[], optional = false) => (
    <Field id={id(name)} label={t(`fields.${name}`)} error={err(name)}>
      <select {...control(name)}>
        {optional && <option value="">{t('intake.notSet')}</option>}
        <EnumOptions values={values} labelKey={name} />
      </select>
    </Field>
  )
  const radios = (name: EditField, values: readonly string[]) => (
    <fieldset className="field radio-group" aria-describedby={describedBy(id(name), err(name))}>
      <legend>{t(`fields.${name}`)}</legend>
      <div className="choices">
        {values.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...register(name)} /> {t(`options.${name}.${value}`)}
          </label>
        ))}
      </div>
      {err(name) && (
        <small id={`${id(name)}-error`} className="error" role="alert">
          {err(name)}
        </small>
      )}
    </fieldset>
  )
  const length = (name: 'description' | 'demandNote' | 'customerWords') => ({
    length: (form.watch(name) ?? '').length,
    max: LIMITS[name],
  })

  return (
    <form className="edit-form" onSubmit={submit} noValidate aria-labelledby="edit-form-title">
      <h3 id="edit-form-title">{t('corrections.formTitle')}</h3>
      {banner && <Notice kind="error">{banner}</Notice>}
      <div className="grid">
        {text('receivedAt', { type: 'datetime-local' })}
        {select('channel', CHANNELS)}
        {text('customerName')}
        {text('phone', { hint: t('hints.phone'), type: 'tel' })}
        {select('customerType', CUSTOMER_TYPES)}
        {select('customerStyle', CUSTOMER_STYLES, true)}
        <Field id={id('departmentId')} label={t('fields.department')} error={err('departmentId')}>
          <select {...control('departmentId')}>
            {/* A department since closed stays shown while it is the case's. */}
            {departments.state === 'ready' && !departments.data.some((d) => d.id === initial.departmentId) && (
              <option value={initial.departmentId}>{c.departmentName}</option>
            )}
            <DepartmentOptions departments={departments} />
          </select>
        </Field>
        {select('category', CATEGORIES)}
        <CauseField
          id={id('cause')}
          category={form.watch('category')}
          description={form.watch('description') ?? ''}
          value={form.watch('cause')}
          error={err('cause')}
          register={register('cause')}
          onPick={(cause) => form.setValue('cause', cause, { shouldDirty: true })}
        />
        {text('product')}
        {text('amount', { hint: t('hints.amount') })}
        {text('lossAmount', { hint: t('hints.lossAmount') })}
        {text('claimAmount', { hint: t('hints.claimAmount') })}
        {text('receiptNo')}
        <Field
          id={id('description')}
          label={t('fields.description')}
          error={err('description')}
          wide
          count={length('description')}
        >
          <textarea rows={4} {...control('description')} />
        </Field>
        {select('demand', DEMANDS)}
        <Field
          id={id('demandNote')}
          label={t('fields.demandNote')}
          error={err('demandNote')}
          count={length('demandNote')}
        >
          <input {...control('demandNote')} />
        </Field>
        <Field
          id={id('customerWords')}
          label={t('fields.customerWords')}
          error={err('customerWords')}
          wide
          count={length('customerWords')}
        >
          <textarea rows={2} {...control('customerWords')} />
        </Field>
        {radios('mood', MOODS)}
        <fieldset className="field field-wide situations">
          <legend>{t('fields.situations')}</legend>
          <div className="choices">
            {SITUATIONS.map((s) => (
              <label key={s} className="choice">
                <input type="checkbox" value={s} {...register('situations')} /> {t(`options.situations.${s}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {radios('fault', FAULTS)}
        {radios('resolvedAtDesk', RESOLVED_AT_DESK)}
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>
          {t('corrections.save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  )
}
