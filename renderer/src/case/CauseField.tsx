import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { UseFormRegisterReturn } from 'react-hook-form'
import type { Category, Cause } from '@shared/values/options'
import { causesFor, suggestCause } from '@shared/rules/causes'
import { describedBy, Field } from '../components/Field'
import { EnumOptions } from '../components/Options'

interface Props {
  id: string
  category: Category | ''
  description: string
  value: Cause | '' | undefined
  error?: string
  register: UseFormRegisterReturn
  /** Sets the cause ('' clears one the new category does not have). */
  onPick: (cause: Cause | '') => void
}

/**
 * 原因 (docs/domain.md §3a): the category's cause codes, shown only where the category has
 * some, with the cause the description points to offered as a one-click suggestion.
 */
export function CauseField({ id, category, description, value, error, register, onPick }: Props) {
  const { t } = useTranslation()
  const causes = category ? causesFor(category) : []
  const stale = Boolean(value) && !causes.includes(value as Cause)
  useEffect(() => {
    if (stale) onPick('')
  }, [stale, onPick])
  if (!category) return null
  if (causes.length === 0) return null
  const suggestion = value ? null : suggestCause(category, description)
  const hint = t('hints.cause')
  return (
    <Field id={id} label={t('fields.cause')} error={error} hint={hint}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...register}
      >
        <option value="">{t('intake.notSet')}</option>
        <EnumOptions values={causes} labelKey="cause" />
      </select>
      {suggestion && (
        <button type="button" className="link suggestion" onClick={() => onPick(suggestion.cause)}>
          {t('intake.causeSuggestion', {
            cause: t(`options.cause.${suggestion.cause}`),
            keyword: suggestion.keyword,
          })}
        </button>
      )}
    </Field>
  )
}
