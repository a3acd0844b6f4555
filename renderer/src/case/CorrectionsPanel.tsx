import { useState } from 'react'
import { Controller, useForm, type Path } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Checkbox, Space } from 'antd'
import { CaseEdit, LIMITS, type CaseDraft } from '@shared/schemas/case'
import { EDIT_FIELDS, fieldText, intakeValues, type EditField } from '@shared/rules/corrections'
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
import { useErrorText } from '../components/Field'
import { useLoad } from '../hooks/useLoad'
import { useFeedback } from '../ui/feedback'
import { AmountField, ChoiceField, DateTimeField, FormItem, SelectField, TextAreaField, TextField } from '../ui/fields'
import { CauseField } from './CauseField'
import type { FormProps } from './actionForms'

/**
 * 更正登记信息 (in the drawer): the intake fields of a saved case, corrected in place. Only the
 * fields changed are sent; main records each with its value before and after and runs the
 * rules again. A raise applies at once; a lower class is only proposed (a manager lowers it).
 * Done, a toast says how many fields changed and what the rules made of it.
 */
export function EditForm({ c, act, onDone, onCancel }: FormProps) {
  const { t } = useTranslation()
  const api = useApi()
  const feedback = useFeedback()
  const errorText = useErrorText()
  const departments = useLoad(() => api['departments:list'](), [])
  // The values the form opened with: only what differs from them is sent.
  const [initial] = useState(() => intakeValues(c))
  const form = useForm<CaseDraft>({ defaultValues: initial })
  const { control, register, formState, setError, clearErrors } = form
  const [refusal, setRefusal] = useState<string | null>(null)

  const submit = form.handleSubmit(async (values) => {
    setRefusal(null)
    clearErrors()
    const changed: Partial<CaseDraft> = {}
    for (const f of EDIT_FIELDS)
      if (fieldText(values, f) !== fieldText(initial, f)) Object.assign(changed, { [f]: values[f] })
    if (Object.keys(changed).length === 0) return setRefusal(t('refusals.edit_nothing_changed'))
    // The intake form's rules, on the changed fields only (an old value kept as it is stays).
    const parsed = CaseEdit.safeParse(changed)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        setError(String(issue.path[0]) as Path<CaseDraft>, { type: 'validate', message: issue.message })
      return
    }
    const result = await act(api['cases:edit']({ id: c.id, changes: parsed.data }))
    if (result.ok) {
      const last = result.data.timeline.at(-1)
      feedback.success(
        t('corrections.saved', {
          count: last?.changes?.length ?? 0,
          outcome: t(`timeline.${last?.action ?? 'edited'}`),
        }),
      )
      return onDone?.()
    }
    // main's refusal: next to its field (changes.<field>), else by the button.
    const fields = (result.error.issues ?? []).filter((i) => i.path?.startsWith('changes.'))
    for (const issue of fields)
      setError(issue.path!.slice('changes.'.length) as Path<CaseDraft>, { type: 'server', message: issue.message })
    if (fields.length === 0) setRefusal(result.error.message)
  })

  const id = (name: EditField) => `edit-${name}`
  const field = (name: EditField) => ({ control, name, id: id(name), label: t(`fields.${name}`) })
  const options = (name: EditField, values: readonly string[]) =>
    values.map((value) => ({ value, label: t(`options.${name}.${value}`) }))
  const departmentOptions =
    departments.state === 'ready'
      ? [
          // A department since closed stays offered while it is the case's.
          ...(departments.data.some((d) => d.id === initial.departmentId)
            ? []
            : [{ value: initial.departmentId, label: c.departmentName }]),
          ...departments.data.map((d) => ({ value: d.id, label: d.name })),
        ]
      : []
  const situationsError = errorText(formState.errors.situations?.message as string | undefined)

  return (
    <form className="case-form edit-form" onSubmit={submit} noValidate aria-label={t('corrections.formTitle')}>
      <p className="muted small">{t('corrections.hint')}</p>
      <div className="edit-grid">
        <DateTimeField {...field('receivedAt')} />
        <SelectField {...field('channel')} options={options('channel', CHANNELS)} />
        <TextField {...field('customerName')} />
        <TextField {...field('phone')} hint={t('hints.phone')} inputMode="tel" />
        <SelectField {...field('customerType')} options={options('customerType', CUSTOMER_TYPES)} />
        <SelectField {...field('customerStyle')} options={options('customerStyle', CUSTOMER_STYLES)} allowClear />
        <SelectField {...field('departmentId')} label={t('fields.department')} options={departmentOptions} />
        <SelectField {...field('category')} options={options('category', CATEGORIES)} />
        <CauseField
          id={id('cause')}
          category={form.watch('category')}
          description={form.watch('description') ?? ''}
          value={form.watch('cause')}
          error={errorText(formState.errors.cause?.message)}
          register={register('cause')}
          onPick={(cause) => form.setValue('cause', cause, { shouldDirty: true })}
        />
        <TextField {...field('product')} />
        <AmountField {...field('amount')} hint={t('hints.amount')} />
        <AmountField {...field('lossAmount')} hint={t('hints.lossAmount')} />
        <AmountField {...field('claimAmount')} hint={t('hints.claimAmount')} />
        <TextField {...field('receiptNo')} />
        <SelectField {...field('demand')} options={options('demand', DEMANDS)} />
        <TextField {...field('demandNote')} />
      </div>
      <TextAreaField {...field('description')} rows={4} max={LIMITS.description} />
      <TextAreaField {...field('customerWords')} rows={2} max={LIMITS.customerWords} />
      <div className="edit-grid">
        <ChoiceField {...field('mood')} options={options('mood', MOODS)} />
        <ChoiceField {...field('fault')} options={options('fault', FAULTS)} />
        <ChoiceField {...field('resolvedAtDesk')} options={options('resolvedAtDesk', RESOLVED_AT_DESK)} />
      </div>
      <Controller
        control={control}
        name="situations"
        render={({ field: f }) => (
          <FormItem id={id('situations')} label={t('fields.situations')} error={situationsError}>
            <Checkbox.Group
              value={f.value}
              onChange={(v) => f.onChange(v)}
              options={SITUATIONS.map((s) => ({ value: s, label: t(`options.situations.${s}`) }))}
            />
          </FormItem>
        )}
      />
      {refusal && <Alert type="error" showIcon role="alert" title={refusal} className="case-form-refusal" />}
      <Space>
        <Button type="primary" htmlType="submit" loading={formState.isSubmitting}>
          {t('corrections.save')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('actions.cancel')}</Button>}
      </Space>
    </form>
  )
}
