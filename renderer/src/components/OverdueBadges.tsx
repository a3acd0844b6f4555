import { useTranslation } from 'react-i18next'
import { Tag } from 'antd'
import type { CaseFlags } from '@shared/schemas/case'

/** What is overdue on a case, one tag each in the list's 逾期 colour (overdue commitments are counted apart). */
export function OverdueBadges({ flags }: { flags: Pick<CaseFlags, 'overdue'> }) {
  const { t } = useTranslation()
  return flags.overdue
    .filter((o) => o !== 'commitment')
    .map((o) => (
      <Tag key={o} color="volcano" className="overdue-tag">
        {t(`wf.overdue.${o}`)}
      </Tag>
    ))
}
