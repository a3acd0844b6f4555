import { useState } from 'react'
import { useFieldArray, useForm } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { CATEGORIES, GOODWILL_FORMS, KEYWORD_RULES } from '@shared/values/options'
import { AMOUNT_PATTERN, formatFen, parseYuanToFen } from '@shared/values/money'
import type { WorkflowSettings } from '@shared/schemas/settings'
import type { StaffPublic } from '@shared/schemas/staff'
import { useApi } from '../apiContext'
import { ApprovalFields } from '../components/ApprovalFields'
import { Notice } from '../components/Notice'

type DeadlineKey = keyof WorkflowSettings['deadlines']
const DEADLINES: DeadlineKey[] = [
  'class1ResolveHours',
  'class2FirstResponseHours',
  'class2ResolveDays',
  'class2ReportHours',
  'followUpAfterDays',
  'followUpWithinDays',
  'commitmentDueSoonHours',
  'managerCallbackHours',
]
const COUNTS = ['repeatCustomerDays', 'categoryPatternDays', 'categoryPatternCount'] as const

interface FormShape {
  authorityLimit: string
  largeLoss: string
  counts: Record<(typeof COUNTS)[number], number>
  deadlines: Record<DeadlineKey, number>
  keywords: Record<string, { zh: string; en: string }>
  contacts: { name: string; role: string; phone: string }[]
  comp: {
    coupons: string
    capPercent: number
    capMin: string
    pointsPerYuan: number
    catalogue: { form: 'gift' | 'free_service' | 'onsite_service'; name: string; value: string }[]
    suggestions: Record<string, string[]>
  }
  retentionNote: string
  retentionMonths: string
  backupKeep: number
  serviceContact: string
  reportFullPhone: boolean
  approval: { managerId: string; pin: string }
}

const toLines = (text: string) =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)

/** Branch policy a manager edits: limits, rule thresholds, deadlines, keyword lists, contacts. */
export function WorkflowSettingsForm({
  settings,
  managers,
  approver,
  onSaved,
}: {
  settings: WorkflowSettings
  managers: StaffPublic[]
  approver: string
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [banner, setBanner] = useState<{ kind: 'success' | 'error'; text: string } | null>(null)
  const form = useForm<FormShape>({
    defaultValues: {
      authorityLimit: formatFen(settings.authorityLimitFen),
      largeLoss: formatFen(settings.largeLossFen),
      counts: {
        repeatCustomerDays: settings.repeatCustomerDays,
        categoryPatternDays: settings.categoryPatternDays,
        categoryPatternCount: settings.categoryPatternCount,
      },
      deadlines: settings.deadlines,
      keywords: Object.fromEntries(
        KEYWORD_RULES.map((r) => [
          r,
          { zh: settings.keywords[r].zh.join('\n'), en: settings.keywords[r].en.join('\n') },
        ]),
      ),
      contacts: settings.managerContacts.map((c) => ({ name: c.name, role: c.role, phone: c.phone })),
      comp: {
        coupons: settings.compensation.coupons.map(formatFen).join(', '),
        capPercent: settings.compensation.goodwillCapPercent,
        capMin: formatFen(settings.compensation.goodwillCapMinFen),
        pointsPerYuan: settings.compensation.pointsPerYuan,
        catalogue: settings.compensation.catalogue.map((i) => ({
          form: i.form,
          name: i.name,
          value: formatFen(i.valueFen),
        })),
        suggestions: Object.fromEntries(CATEGORIES.map((c) => [c, settings.compensation.suggestions[c] ?? []])),
      },
      retentionNote: settings.retentionNote,
      retentionMonths: settings.retentionMonths ? String(settings.retentionMonths) : '',
      backupKeep: settings.backupKeep,
      serviceContact: settings.serviceContact,
      reportFullPhone: settings.reportFullPhone === true,
      approval: { managerId: approver, pin: '' },
    },
  })
  const contacts = useFieldArray({ control: form.control, name: 'contacts' })
  const catalogue = useFieldArray({ control: form.control, name: 'comp.catalogue' })
  const { register } = form

  const submit = form.handleSubmit(async (v) => {
    setBanner(null)
    const coupons = v.comp.coupons.split(/[,，\s]+/).filter(Boolean)
    const amounts = [v.authorityLimit, v.largeLoss, v.comp.capMin, ...coupons, ...v.comp.catalogue.map((i) => i.value)]
    if (amounts.some((a) => !AMOUNT_PATTERN.test(a.trim()))) {
      return setBanner({ kind: 'error', text: t('validation.amount') })
    }
    const workflow: WorkflowSettings = {
      ...settings,
      authorityLimitFen: parseYuanToFen(v.authorityLimit)!,
      largeLossFen: parseYuanToFen(v.largeLoss)!,
      ...v.counts,
      deadlines: v.deadlines,
      keywords: Object.fromEntries(
        KEYWORD_RULES.map((r) => [r, { zh: toLines(v.keywords[r].zh), en: toLines(v.keywords[r].en) }]),
      ) as WorkflowSettings['keywords'],
      managerContacts: v.contacts.filter((c) => c.name.trim() || c.phone.trim()),
      retentionNote: v.retentionNote,
      retentionMonths: v.retentionMonths.trim() === '' ? null : Number(v.retentionMonths.trim()),
      backupKeep: v.backupKeep,
      serviceContact: v.serviceContact.trim(),
      reportFullPhone: v.reportFullPhone,
      compensation: {
        goodwillCapPercent: v.comp.capPercent,
        goodwillCapMinFen: parseYuanToFen(v.comp.capMin)!,
        coupons: coupons.map((c) => parseYuanToFen(c)!),
        pointsPerYuan: v.comp.pointsPerYuan,
        catalogue: v.comp.catalogue.map((i) => ({
          form: i.form,
          name: i.name.trim(),
          valueFen: parseYuanToFen(i.value)!,
        })),
        suggestions: Object.fromEntries(
          CATEGORIES.map((c) => [
            c,
            (v.comp.suggestions[c] || []) as WorkflowSettings['compensation']['suggestions'][typeof c],
          ]),
        ),
      },
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
        <label className="field">
          {t('settings.authorityLimit')}
          <input inputMode="decimal" {...register('authorityLimit')} />
        </label>
        <label className="field">
          {t('settings.largeLoss')}
          <input inputMode="decimal" {...register('largeLoss')} />
        </label>
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
            <input
              aria-label={t('settings.contactName')}
              placeholder={t('settings.contactName')}
              {...register(`contacts.${i}.name`)}
            />
            <input
              aria-label={t('settings.contactRole')}
              placeholder={t('settings.contactRole')}
              {...register(`contacts.${i}.role`)}
            />
            <input
              aria-label={t('settings.contactPhone')}
              placeholder={t('settings.contactPhone')}
              {...register(`contacts.${i}.phone`)}
            />
            <button type="button" onClick={() => contacts.remove(i)}>
              {t('settings.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => contacts.append({ name: '', role: '', phone: '' })}>
          {t('settings.addContact')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('settings.compensation')}</legend>
        <div className="grid">
          <label className="field">
            {t('settings.coupons')}
            <input {...register('comp.coupons')} />
          </label>
          <label className="field">
            {t('settings.capPercent')}
            <input type="number" min={0} {...register('comp.capPercent', { valueAsNumber: true })} />
          </label>
          <label className="field">
            {t('settings.capMin')}
            <input inputMode="decimal" {...register('comp.capMin')} />
          </label>
          <label className="field">
            {t('settings.pointsPerYuan')}
            <input type="number" min={1} {...register('comp.pointsPerYuan', { valueAsNumber: true })} />
          </label>
        </div>
        <h3>{t('settings.catalogue')}</h3>
        {catalogue.fields.map((f, i) => (
          <div key={f.id} className="contact-row">
            <select aria-label={t('comp.item')} {...register(`comp.catalogue.${i}.form`)}>
              {(['gift', 'free_service', 'onsite_service'] as const).map((x) => (
                <option key={x} value={x}>
                  {t(`comp.forms.${x}`)}
                </option>
              ))}
            </select>
            <input
              aria-label={t('settings.itemName')}
              placeholder={t('settings.itemName')}
              {...register(`comp.catalogue.${i}.name`)}
            />
            <input
              aria-label={t('comp.itemValue')}
              placeholder={t('comp.itemValue')}
              inputMode="decimal"
              {...register(`comp.catalogue.${i}.value`)}
            />
            <button type="button" onClick={() => catalogue.remove(i)}>
              {t('settings.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => catalogue.append({ form: 'gift', name: '', value: '' })}>
          {t('settings.addItem')}
        </button>
        <h3>{t('settings.suggestions')}</h3>
        <table className="suggestions">
          <thead>
            <tr>
              <th scope="col">{t('fields.category')}</th>
              {GOODWILL_FORMS.map((g) => (
                <th key={g} scope="col">
                  {t(`comp.forms.${g}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CATEGORIES.map((c) => (
              <tr key={c}>
                <th scope="row">{t(`options.category.${c}`)}</th>
                {GOODWILL_FORMS.map((g) => (
                  <td key={g}>
                    <input
                      type="checkbox"
                      value={g}
                      aria-label={`${t(`options.category.${c}`)} ${t(`comp.forms.${g}`)}`}
                      {...register(`comp.suggestions.${c}`)}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset>
        <legend>{t('settings.keywords')}</legend>
        <p className="hint">{t('settings.keywordsHint')}</p>
        <div className="keyword-grid">
          {KEYWORD_RULES.map((r) => (
            <div key={r} className="keyword-rule">
              <strong>{t(`rules.${r}`)}</strong>
              <label className="field">
                中文
                <textarea rows={3} {...register(`keywords.${r}.zh`)} />
              </label>
              <label className="field">
                English
                <textarea rows={2} {...register(`keywords.${r}.en`)} />
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.privacy')}</legend>
        <label className="field">
          {t('settings.backupKeep')}
          <input type="number" min={1} max={365} {...register('backupKeep', { valueAsNumber: true })} />
        </label>
        <label className="field">
          {t('settings.serviceContact')}
          <input maxLength={60} {...register('serviceContact')} />
        </label>
        <label className="field">
          {t('settings.retentionNote')}
          <textarea rows={2} maxLength={500} {...register('retentionNote')} />
        </label>
        <div className="field">
          <label htmlFor="retention-months">{t('settings.retentionMonths')}</label>
          <input
            id="retention-months"
            inputMode="numeric"
            maxLength={4}
            {...register('retentionMonths')}
            aria-describedby="retention-hint"
          />
          <small id="retention-hint" className="hint">
            {t('settings.retentionMonthsHint')}
          </small>
        </div>
        <label>
          <input type="checkbox" {...register('reportFullPhone')} /> {t('settings.reportFullPhone')}
        </label>
      </fieldset>
      <ApprovalFields idPrefix="policy" managers={managers} control={form.control} />
      <div className="actions">
        <button type="submit" className="primary">
          {t('actions.save')}
        </button>
      </div>
    </form>
  )
}
