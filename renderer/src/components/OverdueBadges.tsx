import { useTranslation } from 'react-i18next'
import type { CaseFlags } from '@shared/schemas/case'

/** What is overdue on a case, one red badge each (overdue commitments are counted apart). */
export function OverdueBadges({ flags }: { flags: Pick<CaseFlags, 'overdue'> }) {
  const { t } = useTranslation()
  return flags.overdue
    .filter((o) => o !== 'commitment')
    .map((o) => (
      <span key={o} className="badge badge-overdue">
        {t(`wf.overdue.${o}`)}
      </span>
    ))
}
