import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useWatch, type Control, type UseFormRegisterReturn } from 'react-hook-form'
import { Button } from 'antd'
import type { CaseDraft } from '@shared/schemas/case'
import type { Category, Cause } from '@shared/values/options'
import { causesFor, suggestCause } from '@shared/rules/causes'
import { describedBy, Field } from '../components/Field'
import { EnumOptions } from '../components/Options'
import { SelectField } from '../ui/fields'

interface Choice {
  category: Category | ''
  description: string
  value: Cause | '' | undefined
  /** Sets the cause ('' clears one the new category does not have). */
  onPick: (cause: Cause | '') => void
}

/** The category's causes (none: no field), a cause the new category lacks cleared, and the description's suggestion. */
function useCauses({ category, description, value, onPick }: Choice) {
  const causes = category ? causesFor(category) : []
  const stale = Boolean(value) && !causes.includes(value as Cause)
  useEffect(() => {
    if (stale) onPick('')
  }, [stale, onPick])
  const suggestion = !category || value ? null : suggestCause(category, description)
  return { causes, suggestion }
}

function Suggestion({ suggestion, onPick }: { suggestion: ReturnType<typeof suggestCause>; onPick: Choice['onPick'] }) {
  const { t } = useTranslation()
  if (!suggestion) return null
  return (
    <Button type="link" size="small" className="suggestion" onClick={() => onPick(suggestion.cause)}>
      {t('intake.causeSuggestion', {
        cause: t(`options.cause.${suggestion.cause}`),
        keyword: suggestion.keyword,
      })}
    </Button>
  )
}

/**
 * 原因 (docs/domain.md §3a) on the intake form: the category's cause codes, shown only where the
 * category has some, searchable like every select (Chinese text, pinyin initials), with the
 * cause the description points to offered as a one-click suggestion.
 */
export function CauseSelect({
  id,
  control,
  onPick,
}: Pick<Choice, 'onPick'> & { id: string; control: Control<CaseDraft> }) {
  const { t } = useTranslation()
  const [category, description, value] = useWatch({ control, name: ['category', 'description', 'cause'] })
  const { causes, suggestion } = useCauses({ category, description: description ?? '', value, onPick })
  if (causes.length === 0) return null
  return (
    <div className="cause-field">
      <SelectField
        control={control}
        name="cause"
        id={id}
        label={t('fields.cause')}
        hint={t('hints.cause')}
        placeholder={t('intake.notSet')}
        allowClear
        options={causes.map((c) => ({ value: c, label: t(`options.cause.${c}`) }))}
      />
      <Suggestion suggestion={suggestion} onPick={onPick} />
    </div>
  )
}

/** The same field as a native select, for forms not yet on Ant Design (the correction form). */
export function CauseField({
  id,
  error,
  register,
  ...choice
}: Choice & { id: string; error?: string; register: UseFormRegisterReturn }) {
  const { t } = useTranslation()
  const { causes, suggestion } = useCauses(choice)
  if (causes.length === 0) return null
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
      <Suggestion suggestion={suggestion} onPick={choice.onPick} />
    </Field>
  )
}
