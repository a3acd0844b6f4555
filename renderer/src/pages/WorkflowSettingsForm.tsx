import { useState } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { KEYWORD_RULES } from '@shared/domain/options'
import { AMOUNT_PATTERN, formatFen, parseYuanToFen } from '@shared/rules/money'
import type { WorkflowSettings } from '@shared/schemas/settings'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { ApprovalFields } from '../components/ApprovalFields'
import { Notice } from '../components/Notice'

type DeadlineKey = keyof WorkflowSettings['deadlines']
const DEADLINES: DeadlineKey[] = ['class1ResolveHours', 'class2FirstResponseHours', 'class2ResolveDays', 'class2ReportHours', 'followUpAfterDays', 'followUpWithinDays', 'commitmentDueSoonHours']
const COUNTS = ['repeatCustomerDays', 'categoryPatternDays', 'categoryPatternCount'] as const

interface FormShape {
  authorityLimit: string
  largeLoss: string
  counts: Record<(typeof COUNTS)[number], number>
  deadlines: Record<DeadlineKey, number>
  keywords: Record<string, { zh: string; en: string }>
  contacts: { name: string; role: string; phone: string }[]
  approval: { managerId: string; pin: string }
}

const toLines = (text: string) => text.split('\n').map((s) => s.trim()).filter(Boolean)

/** Branch policy a manager edits: limits, rule thresholds, deadlines, keyword lists, contacts. */
export function WorkflowSettingsForm({ settings, managers, approver, onSaved }: { settings: WorkflowSettings; managers: StaffPublic[]; approver: string; onSaved: () => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [banner, setBanner] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  const form = useForm<FormShape>({
    defaultValues: {
      authorityLimit: formatFen(settings.authorityLimitFen),
      largeLoss: formatFen(settings.largeLossFen),
      counts: { repeatCustomerDays: settings.repeatCustomerDays, categoryPatternDays: settings.categoryPatternDays, categoryPatternCount: settings.categoryPatternCount },
      deadlines: settings.deadlines,
      keywords: Object.fromEntries(KEYWORD_RULES.map((r) => [r, { zh: settings.keywords[r].zh.join('\n'), en: settings.keywords[r].en.join('\n') }])),
      contacts: settings.managerContacts.map((c) => ({ name: c.name, role: c.role, phone: c.phone })),
      approval: { managerId: approver, pin: '' },
    },
  })
  const contacts = useFieldArray({ control: form.control, name: 'contacts' })
  const { register } = form

  const submit = form.handleSubmit(async (v) => {
    setBanner(null)
    if (!AMOUNT_PATTERN.test(v.authorityLimit.trim()) || !AMOUNT_PATTERN.test(v.largeLoss.trim())) {
      return setBanner({ kind: 'error', text: t('validation.amount') })
    }
    const workflow: WorkflowSettings = {
      ...settings,
      authorityLimitFen: parseYuanToFen(v.authorityLimit)!,
      largeLossFen: parseYuanToFen(v.largeLoss)!,
      ...v.counts,
      deadlines: v.deadlines,
      keywords: Object.fromEntries(KEYWORD_RULES.map((r) => [r, { zh: toLines(v.keywords[r].zh), en: toLines(v.keywords[r].en) }])) as WorkflowSettings['keywords'],
      managerContacts: v.contacts.filter((c) => c.name.trim() || c.phone.trim()),
    }
    const result = await api['settings:update']({ workflow, approval: v.approval })
    form.resetField('approval.pin')
    if (!result.ok) {
      const detail = result.error.issues?.map((i) => `${i.path}: ${i.message}`).join('；')
      return setBanner({ kind: 'error', text: detail ? `${result.error.message} ${detail}` : result.error.message })
    }
    setBanner({ kind: 'success', text: t('settings.saved') })
    onSaved()
  })

  const number = (name: `counts.${(typeof COUNTS)[number]}` | `deadlines.${DeadlineKey}`, label: string) => (
    <label key={name} className="field">
      {label}
      <input type="number" min={0} {...register(name, { valueAsNumber: true })} />
    </label>
  )
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="policy-title">
      <h2 id="policy-title">{t('settings.policy')}</h2>
      {banner && <Notice kind={banner.kind}>{banner.text}</Notice>}
      <fieldset className="grid">
        <legend>{t('settings.limits')}</legend>
        <label className="field">{t('settings.authorityLimit')}<input inputMode="decimal" {...register('authorityLimit')} /></label>
        <label className="field">{t('settings.largeLoss')}<input inputMode="decimal" {...register('largeLoss')} /></label>
        {COUNTS.map((k) => number(`counts.${k}`, t(`settings.counts.${k}`)))}
      </fieldset>
      <fieldset className="grid">
        <legend>{t('settings.deadlines')}</legend>
        {DEADLINES.map((k) => number(`deadlines.${k}`, t(`settings.deadlineLabels.${k}`)))}
      </fieldset>
      <fieldset>
        <legend>{t('settings.contacts')}</legend>
        {contacts.fields.map((f, i) => (
          <div key={f.id} className="contact-row">
            <input aria-label={t('settings.contactName')} placeholder={t('settings.contactName')} {...register(`contacts.${i}.name`)} />
            <input aria-label={t('settings.contactRole')} placeholder={t('settings.contactRole')} {...register(`contacts.${i}.role`)} />
            <input aria-label={t('settings.contactPhone')} placeholder={t('settings.contactPhone')} {...register(`contacts.${i}.phone`)} />
            <button type="button" onClick={() => contacts.remove(i)}>{t('settings.remove')}</button>
          </div>
        ))}
        <button type="button" onClick={() => contacts.append({ name: '', role: '', phone: '' })}>{t('settings.addContact')}</button>
      </fieldset>
      <fieldset>
        <legend>{t('settings.keywords')}</legend>
        <p className="hint">{t('settings.keywordsHint')}</p>
        <div className="keyword-grid">
          {KEYWORD_RULES.map((r) => (
            <div key={r} className="keyword-rule">
              <strong>{t(`rules.${r}`)}</strong>
              <label className="field">中文<textarea rows={3} {...register(`keywords.${r}.zh`)} /></label>
              <label className="field">English<textarea rows={2} {...register(`keywords.${r}.en`)} /></label>
            </div>
          ))}
        </div>
      </fieldset>
      <ApprovalFields idPrefix="policy" managers={managers} register={form.register} errors={form.formState.errors} />
      <div className="actions"><button type="submit" className="primary">{t('actions.save')}</button></div>
    </form>
  )
}
