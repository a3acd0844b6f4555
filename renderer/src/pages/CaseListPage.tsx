import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Empty, Input, Segmented } from 'antd'
import { CASE_STATUSES, CATEGORIES } from '@shared/values/options'
import { CASE_VIEWS, type CaseQuery, type CaseView } from '@shared/schemas/case'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { DateRange } from '../components/DateRange'
import { FilterSelect } from '../components/FilterSelect'
import { useLoad } from '../hooks/useLoad'
import { optionMatches } from '../ui/pinyin'
import { popupContainer } from '../ui/fields'
import { ExportButtons } from './ExportButtons'
import { CaseTable, type ListSort } from './CaseTable'
import { firstCases } from './listPrefetch'

const EMPTY_FILTERS = { status: '', category: '', departmentId: '', from: '', to: '', q: '' }
type Filters = typeof EMPTY_FILTERS

const NEWEST_FIRST: ListSort = { field: 'receivedAt', dir: 'desc' }

function toQuery(f: Filters, sort: ListSort, view: CaseView): CaseQuery {
  const query: CaseQuery = { sort: sort.field, dir: sort.dir }
  for (const [key, value] of Object.entries(f)) if (value.trim() !== '') Object.assign(query, { [key]: value.trim() })
  return view === 'all' ? query : { ...query, view }
}

/** The query the list opens with on `view`: nothing filtered, newest first. */
export const openingQuery = (view: CaseView = 'all') => toQuery(EMPTY_FILTERS, NEWEST_FIRST, view)

export function CaseListPage({
  onOpen,
  onNew,
  initialView = 'all',
}: {
  onOpen: (id: string) => void
  onNew: () => void
  /** The saved view to open on (home's tiles open 紧急, 逾期, …). */
  initialView?: CaseView
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS)
  const [sort, setSort] = useState<ListSort>(NEWEST_FIRST)
  const [view, setView] = useState<CaseView>(initialView)
  const departments = useLoad(() => api['departments:list'](), [])
  const query = toQuery(filters, sort, view)
  const list = useLoad(() => firstCases(api, query), [JSON.stringify(query)], true)
  const filtered = Object.values(filters).some((v) => v !== '') || view !== 'all'
  const set = (key: keyof Filters) => (value: string | undefined) => setFilters((f) => ({ ...f, [key]: value ?? '' }))
  const open = useCallback((id: string) => onOpen(id), [onOpen])

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
      onChange={set(key)}
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
    <section className="page list-page" aria-labelledby="list-title">
      <header className="page-header list-header">
        <h1 id="list-title">{t('list.title')}</h1>
        <Segmented<CaseView>
          aria-label={t('owner.view')}
          value={view}
          onChange={setView}
          options={CASE_VIEWS.map((v) => ({ value: v, label: t(`list.views.${v}`) }))}
        />
        <Button type="primary" onClick={onNew} title={t('shortcut.newCase')}>
          {t('actions.newCase')} <kbd>F2</kbd>
        </Button>
      </header>
      <div className="card list-filters" role="search">
        <Input
          type="search"
          className="list-search"
          placeholder={t('list.search')}
          aria-label={t('list.search')}
          value={filters.q}
          onChange={(e) => set('q')(e.target.value)}
          maxLength={100}
          allowClear
        />
        {select('status', t('fields.status'), options(CASE_STATUSES, 'status'))}
        {select('category', t('fields.category'), options(CATEGORIES, 'category'))}
        {select(
          'departmentId',
          t('fields.department'),
          departments.state === 'ready' ? departments.data.map((d) => ({ value: d.id, label: d.name })) : [],
        )}
        <DateRange
          label={t('list.receivedRange')}
          value={{ from: filters.from, to: filters.to }}
          onChange={(r) => setFilters((f) => ({ ...f, ...r }))}
          allowClear
        />
        <Button
          onClick={() => {
            setFilters(EMPTY_FILTERS)
            setView('all')
          }}
          disabled={!filtered}
        >
          {t('actions.reset')}
        </Button>
      </div>
      {list.state === 'loading' && (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {list.state === 'error' && (
        <Notice kind="error">
          {t('list.error', { message: list.error.message })}{' '}
          <Button size="small" onClick={list.reload}>
            {t('actions.retry')}
          </Button>
        </Notice>
      )}
      {list.state === 'ready' && list.data.total === 0 && (
        <Empty className="empty" description={filtered ? t('list.noMatch') : t('list.empty')} />
      )}
      {list.state === 'ready' && list.data.total > 0 && (
        <>
          <div className="list-status">
            <span className="muted" role="status">
              {t('list.total', { total: list.data.total })}
            </span>
            <span className="muted">{t('list.openHint')}</span>
            <ExportButtons query={query} />
          </div>
          <CaseTable query={query} first={list.data} sort={sort} onSort={setSort} onOpen={open} />
        </>
      )}
    </section>
  )
}
