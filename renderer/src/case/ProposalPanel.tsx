import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useWatch, type UseFormReturn } from 'react-hook-form'
import { Card, Tag, Typography } from 'antd'
import type { CaseDraft } from '@shared/schemas/case'
import { proposalMissing, type ProposalNeed } from '@shared/rules/proposal'
import { ReasonList } from './ReasonList'
import { ConfirmPrompts } from './ConfirmPrompts'
import { useLiveClassification } from '../hooks/useLiveClassification'

const NEED_LABEL: Record<ProposalNeed, string> = {
  category: 'fields.category',
  mood: 'fields.mood',
  description: 'fields.description',
}

/**
 * 系统建议 beside the intake form (issue 14): 待判定 and what is still needed until the fields
 * the rules read are filled (rules/proposal), then the class with every reason; urgent at once
 * whenever a situation is ticked or found, with the 请向客户确认 questions under it.
 */
export function ProposalPanel({ form, footer }: { form: UseFormReturn<CaseDraft>; footer: ReactNode }) {
  const { t } = useTranslation()
  // Asked of main as the clerk types; only this panel draws again with each answer.
  const preview = useLiveClassification(form)
  const [category, mood, description] = useWatch({ control: form.control, name: ['category', 'mood', 'description'] })
  const missing = proposalMissing({ category, mood, description })
  const pending = missing.length > 0 || preview === null
  const caseClass = preview?.caseClass
  return (
    <Card
      size="small"
      className={`proposal${!pending && caseClass === 2 ? ' proposal-2' : ''}`}
      role="region"
      aria-labelledby="preview-title"
      aria-live="polite"
      title={
        <h2 id="preview-title" className="proposal-title">
          {t('wf.proposed')}{' '}
          {pending ? (
            <Tag>{t('intake.pending')}</Tag>
          ) : (
            <Tag color={caseClass === 2 ? 'orange' : 'blue'}>{t(`options.caseClass.${caseClass}`)}</Tag>
          )}
          {preview?.urgent && <Tag color="red">{t('list.urgent')}</Tag>}
        </h2>
      }
    >
      {preview?.urgent && (
        <Typography.Paragraph type="danger" strong className="proposal-urgent">
          {t('wf.urgentOnSave')}
        </Typography.Paragraph>
      )}
      {missing.length > 0 ? (
        <Typography.Paragraph type="secondary">
          {t('intake.pendingNeeds', {
            fields: missing.map((m) => t(NEED_LABEL[m])).join(t('intake.fieldSeparator')),
          })}
        </Typography.Paragraph>
      ) : preview === null ? (
        <Typography.Paragraph type="secondary">{t('app.loading')}</Typography.Paragraph>
      ) : (
        <ReasonList reasons={preview.reasons} />
      )}
      <ConfirmPrompts form={form} reasons={preview?.reasons ?? []} />
      {footer}
    </Card>
  )
}
