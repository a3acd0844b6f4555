import { useTranslation } from 'react-i18next'
import { Button, Input, Segmented } from 'antd'
import { CASE_VIEWS, type CaseView } from '@shared/schemas/case'
import { CASE_STATUSES, CATEGORIES } from '@shared/values/options'
import { DateRange } from '../components/DateRange'
import { FilterSelect } from '../components/FilterSelect'
import { optionMatches } from '../ui/pinyin'
import { popupContainer } from '../ui/fields'

export const EMPTY_FILTERS = { status: '', category: '', departmentId: '', from: '', to: '', q: '' }
export type Filters = typeof EMPTY_FILTERS

/** The list's saved views: 全部 / 我的 / 紧急 / 逾期 / 待回访. */
export function ListViews({ value, onChange }: { value: CaseView; onChange: (view: CaseView) => void }) {
  const { t } = useTranslation()
  return (
    <Segmented<CaseView>
      aria-label={t('owner.view')}
      value={value}
      onChange={onChange}
      options={CASE_VIEWS.map((v) => ({ value: v, label: t(`list.views.${v}`) }))}
    />
  )
}

/** The list's search bar: text search, status, category, department, 受理 date range, and 重置. */
export function ListFilters({
  filters,
  onChange,
  departments,
  filtered,
  onReset,
}: {
  filters: Filters
  onChange: (change: Partial<Filters>) => void
  departments: { value: string; label: string }[]
  /** Whether anything is narrowed (filters or a saved view): 重置 is offered only then. */
  filtered: boolean
  onReset: () => void
}) {
  const { t } = useTranslation()
  const options = (values: readonly string[], labelKey: string) =>
    values.map((value) => ({ value, label: t(`options.${labelKey}.${value}`) }))
  const select = (
    key: 'status' | 'category' | 'departmentId',
    label: string,
    opts: { value: string; label: string }[],
  ) => (
    <FilterSelect
      id={`list-${key}`}
      label={label}
      value={filters[key] || undefined}
      onChange={(value) => onChange({ [key]: value ?? '' })}
      options={opts}
      placeholder={t('list.all')}
      allowClear
      showSearch={{ filterOption: (input, option) => optionMatches(String(option?.label ?? ''), input) }}
      getPopupContainer={popupContainer}
      popupMatchSelectWidth={false}
      style={{ width: 112 }}
    />
  )
  return (
    <div className="card list-filters" role="search">
      <Input
        type="search"
        className="list-search"
        placeholder={t('list.search')}
        aria-label={t('list.search')}
        value={filters.q}
        onChange={(e) => onChange({ q: e.target.value })}
        maxLength={100}
        allowClear
      />
      {select('status', t('fields.status'), options(CASE_STATUSES, 'status'))}
      {select('category', t('fields.category'), options(CATEGORIES, 'category'))}
      {select('departmentId', t('fields.department'), departments)}
      <DateRange
        label={t('list.receivedRange')}
        value={{ from: filters.from, to: filters.to }}
        onChange={onChange}
        allowClear
      />
      <Button onClick={onReset} disabled={!filtered}>
        {t('actions.reset')}
      </Button>
    </div>
  )
}
