import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button } from 'antd'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import type { CaseDraft } from '@shared/schemas/case'
import type { Reason } from '@shared/schemas/workflow'
import { confirmPrompt, promptsFor } from '@shared/rules/prompts'

/**
 * 请向客户确认 (docs/domain.md §4a): the questions the category and the mood make worth asking,
 * each answered with one click — "是" confirms the rule or ticks the situation, "否" hides it.
 */
export function ConfirmPrompts({ form, reasons }: { form: UseFormReturn<CaseDraft>; reasons: readonly Reason[] }) {
  const { t } = useTranslation()
  const [declined, setDeclined] = useState<string[]>([])
  const [category, mood, situations, confirmedRules] = useWatch({
    control: form.control,
    name: ['category', 'mood', 'situations', 'confirmedRules'],
  })
  const prompts = promptsFor(
    { category, mood, situations: situations ?? [], confirmedRules },
    reasons.map((r) => r.rule),
    declined,
  )
  if (prompts.length === 0) return null
  return (
    <div className="prompts" role="group" aria-labelledby="prompts-title">
      <h3 id="prompts-title">{t('prompts.title')}</h3>
      <ul>
        {prompts.map((p) => (
          <li key={p.id}>
            <span id={`prompt-${p.id}`}>{t(`prompts.${p.id}`)}</span>
            <span className="prompt-answers">
              <Button
                size="small"
                aria-describedby={`prompt-${p.id}`}
                onClick={() => {
                  const next = confirmPrompt(p, form.getValues())
                  form.setValue('situations', next.situations, { shouldDirty: true })
                  form.setValue('confirmedRules', next.confirmedRules, { shouldDirty: true })
                }}
              >
                {t('prompts.yes')}
              </Button>
              <Button size="small" aria-describedby={`prompt-${p.id}`} onClick={() => setDeclined([...declined, p.id])}>
                {t('prompts.no')}
              </Button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  )
}
