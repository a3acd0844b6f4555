import { useTranslation } from 'react-i18next'
import type { Reason } from '@shared/schemas/workflow'
import { evidenceText } from '@shared/i18n/reasons'

/** Each rule that fired, in the user's language, with what triggered it. */
export function ReasonList({ reasons }: { reasons: Reason[] }) {
  const { t } = useTranslation()
  if (reasons.length === 0) return <p className="muted">{t('wf.noReasons')}</p>
  return (
    <ul className="reasons">
      {reasons.map((r) => {
        const e = r.evidence
        const evidence = evidenceText(t, e)
        return (
          <li key={r.rule} className={`reason reason-${r.kind}`}>
            {t(`rules.${r.rule}`, { count: e.count, days: e.days })}
            {evidence && <span className="muted">（{evidence}）</span>}
          </li>
        )
      })}
    </ul>
  )
}
