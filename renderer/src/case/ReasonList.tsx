import { useTranslation } from 'react-i18next'
import type { Reason } from '@shared/schemas/workflow'

/** Each rule that fired, in the user's language, with what triggered it. */
export function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation()
  if (reasons.length === 0) return <p className="muted">{t('wf.noReasons')}</p>
  return (
    <ul className="reasons">
      {reasons.map((r) => {
        const e = r.evidence
        const evidence = [
          e.keyword && t('evidence.keyword', { keyword: e.keyword }),
          e.ticked && t('evidence.ticked'),
          e.amount && t('evidence.amount', { amount: e.amount }),
        ].filter(Boolean)
        return (
          <li key={r.rule} className={`reason reason-${r.kind}`}>
            {t(`rules.${r.rule}`, { count: e.count, days: e.days })}
            {evidence.length > 0 && <span className="muted">（{evidence.join('，')}）</span>}
          </li>
        )
      })}
    </ul>
  )
}
