import { useId, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { DatePicker } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { popupContainer } from '../ui/fields'
import { DAY_RANGE_PRESETS, dayRangePresets, type DayRange } from '@shared/rules/dayRanges'

const DAY = 'YYYY-MM-DD'

/**
 * From/to local days (YYYY-MM-DD, '' for open) in one antd RangePicker with the presets
 * 今天 / 本周 / 上周 / 本月 (rules/dayRanges). Each input is labelled (开始日期 / 结束日期) so it
 * can be typed into; the picker never lets the range run backwards.
 */
export function DateRange({
  value,
  onChange,
  label,
  allowClear = false,
}: {
  value: DayRange
  onChange: (r: DayRange) => void
  /** What the range is of (e.g. 受理日期), shown before it; the inputs keep their own names. */
  label?: string
  allowClear?: boolean
}) {
  const { t } = useTranslation()
  const id = useId()
  const ids = { start: `${id}-from`, end: `${id}-to` }
  const presets = useMemo(() => {
    const ranges = dayRangePresets(new Date())
    return DAY_RANGE_PRESETS.map((p) => ({
      label: t(`list.presets.${p}`),
      value: [dayjs(ranges[p].from), dayjs(ranges[p].to)] as [Dayjs, Dayjs],
    }))
  }, [t])
  const picked: [Dayjs | null, Dayjs | null] = [
    value.from ? dayjs(value.from) : null,
    value.to ? dayjs(value.to) : null,
  ]
  return (
    <span className="date-range">
      {label && <span className="date-range-label">{label}</span>}
      <label htmlFor={ids.start} className="sr-only">
        {t('reports.from')}
      </label>
      <label htmlFor={ids.end} className="sr-only">
        {t('reports.to')}
      </label>
      <DatePicker.RangePicker
        id={ids}
        format={DAY}
        value={picked}
        presets={presets}
        getPopupContainer={popupContainer}
        style={{ width: 240 }}
        allowEmpty={allowClear ? [true, true] : undefined}
        allowClear={allowClear}
        onChange={(days) => onChange({ from: days?.[0]?.format(DAY) ?? '', to: days?.[1]?.format(DAY) ?? '' })}
      />
    </span>
  )
}
