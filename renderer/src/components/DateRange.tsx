import { useTranslation } from 'react-i18next'

/** From/to local days; each bounds the other so the range is never inverted. */
export function DateRange({
  value,
  onChange,
}: {
  value: { from: string; to: string }
  onChange: (r: { from: string; to: string }) => void
}) {
  const { t } = useTranslation()
  return (
    <>
      <label>
        {t('reports.from')}
        <input
          type="date"
          value={value.from}
          max={value.to}
          onChange={(e) => onChange({ ...value, from: e.target.value })}
        />
      </label>
      <label>
        {t('reports.to')}
        <input
          type="date"
          value={value.to}
          min={value.from}
          onChange={(e) => onChange({ ...value, to: e.target.value })}
        />
      </label>
    </>
  )
}
