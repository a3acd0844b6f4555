import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CASE_STATUSES, CATEGORIES } from '@shared/values/options'
import { CASE_VIEWS, SORT_FIELDS, type CaseQuery } from '@shared/schemas/case'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { DepartmentOptions, EnumOptions } from '../components/Options'
import { useLoad } from '../hooks/useLoad'
import { ExportButtons } from './ExportButtons'
import { CaseTable } from './CaseTable'

type Sort = (typeof SORT_FIELDS)[number]
type View = (typeof CASE_VIEWS)[number]
const EMPTY_FILTERS = { status: '', category: '', departmentId: '', from: '', to: '', q: '' }
type Filters = typeof EMPTY_FILTERS

function toQuery(f: Filters, sort: Sort, dir: 'asc' | 'desc'): CaseQuery {
  const query: CaseQuery = { sort, dir }
  for (const [key, value] of Object.entries(f)) if (value.trim() !== '') Object.assign(query, { [key]: value.trim() })
  return query
}

export function CaseListPage({
  onOpen,
  onNew,
  initialView,
}: {
  onOpen: (id: string) => void
  onNew: () => void
  /** The saved view to open on (a home tile's), when it is one the list has. */
  initialView?: string
}) {
  const { t } = useTranslation()
  const api = useApi()
  const [filters, setFilters] = useState<Filters>(EMPTY_FILTERS)
  const [sort, setSort] = useState<{ field: Sort; dir: 'asc' | 'desc' }>({ field: 'receivedAt', dir: 'desc' })
  // 我的 / 未分配 / 全部: whose cases (the department is the filter below).
  const [view, setView] = useState<View>(() =>
    (CASE_VIEWS as readonly string[]).includes(initialView ?? '') ? (initialView as View) : 'all',
  )
  const departments = useLoad(() => api['departments:list'](), [])
  const query = { ...toQuery(filters, sort.field, sort.dir), ...(view === 'all' ? {} : { view }) }
  const list = useLoad(() => api['cases:list'](query), [JSON.stringify(query)], true)
  const filtered = Object.values(filters).some((v) => v !== '') || view !== 'all'
  const set = (key: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [key]: e.target.value }))
  const sortBy = (field: Sort) =>
    setSort((s) => ({ field, dir: s.field === field && s.dir === 'desc' ? 'asc' : s.field === field ? 'desc' : 'asc' }))

  const header = (field: Sort | null, label: string) => {
    if (!field) return <th scope="col">{label}</th>
    const active = sort.field === field
    return (
      <th scope="col" aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="sort" onClick={() => sortBy(field)} title={t('list.sortBy', { field: label })}>
          {label} {active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
        </button>
      </th>
    )
  }

  return (
    <section className="page" aria-labelledby="list-title">
      <header className="page-header">
        <h1 id="list-title">{t('list.title')}</h1>
        <button type="button" className="primary" onClick={onNew} title={t('shortcut.newCase')}>
          {t('actions.newCase')} <kbd>F2</kbd>
        </button>
      </header>
      <div className="view-switch" role="radiogroup" aria-label={t('owner.view')}>
        {(['mine', 'unassigned', 'all'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={view === v}
            className={view === v ? 'active' : undefined}
            onClick={() => setView(v)}
          >
            {t(`owner.views.${v}`)}
          </button>
        ))}
      </div>
      <div className="card filters" role="search">
        <label className="filter-search">
          <span className="sr-only">{t('list.search')}</span>
          <input
            type="search"
            placeholder={t('list.search')}
            aria-label={t('list.search')}
            value={filters.q}
            onChange={set('q')}
            maxLength={100}
          />
        </label>
        <label>
          {t('fields.status')}
          <select value={filters.status} onChange={set('status')}>
            <option value="">{t('list.all')}</option>
            <EnumOptions values={CASE_STATUSES} labelKey="status" />
          </select>
        </label>
        <label>
          {t('fields.category')}
          <select value={filters.category} onChange={set('category')}>
            <option value="">{t('list.all')}</option>
            <EnumOptions values={CATEGORIES} labelKey="category" />
          </select>
        </label>
        <label>
          {t('fields.department')}
          <select value={filters.departmentId} onChange={set('departmentId')}>
            <option value="">{t('list.all')}</option>
            <DepartmentOptions departments={departments} />
          </select>
        </label>
        <label>
          {t('list.from')}
          <input type="date" value={filters.from} onChange={set('from')} />
        </label>
        <label>
          {t('list.to')}
          <input type="date" value={filters.to} onChange={set('to')} />
        </label>
        <button type="button" onClick={() => setFilters(EMPTY_FILTERS)} disabled={!filtered}>
          {t('actions.reset')}
        </button>
      </div>
      {list.state === 'loading' && (
        <p className="muted" role="status">
          {t('app.loading')}
        </p>
      )}
      {list.state === 'error' && (
        <Notice kind="error">
          {t('list.error', { message: list.error.message })}{' '}
          <button type="button" onClick={list.reload}>
            {t('actions.retry')}
          </button>
        </Notice>
      )}
      {list.state === 'ready' && list.data.total === 0 && (
        <p className="empty">{filtered ? t('list.noMatch') : t('list.empty')}</p>
      )}
      {list.state === 'ready' && list.data.total > 0 && (
        <>
          <p className="muted" role="status">
            {t('list.total', { total: list.data.total })}
          </p>
          <ExportButtons query={query} />
          <CaseTable query={query} first={list.data} header={header} onOpen={onOpen} />
        </>
      )}
    </section>
  )
}
