import { useTranslation } from 'react-i18next'
import type { FieldChange } from '@shared/schemas/case'
import { describeChange } from '@shared/i18n/changes'

/** What a correction or a handoff changed, each field with its value before and after, in the reader's language. */
export function TimelineChanges({ changes }: { changes: FieldChange[] }) {
  const { t } = useTranslation()
  return (
    <ul className="changes">
      {changes.map((change, i) => {
        const { label, before, after } = describeChange(t, change)
        return (
          <li key={i}>
            <span className="change-field">{label}</span>
            {t('corrections.colon')}
            <del>{before}</del> → <ins>{after}</ins>
          </li>
        )
      })}
    </ul>
  )
}
