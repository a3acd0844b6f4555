import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Button, Empty } from 'antd'
import type { CaseQuery, CaseView } from '@shared/schemas/case'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { useLoad } from '../hooks/useLoad'
import { ExportButtons } from './ExportButtons'
import { CaseTable, type ListSort } from './CaseTable'
import { firstCases } from './listPrefetch'
import { EMPTY_FILTERS, ListFilters, ListViews, type Filters } from './ListControls'

export const NEWEST_FIRST: ListSort = { field: 'receivedAt', dir: 'desc' }

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
  const open = useCallback((id: string) => onOpen(id), [onOpen])

  return (
    <section className="page list-page" aria-labelledby="list-title">
      <header className="page-header list-header">
        <h1 id="list-title">{t('list.title')}</h1>
        <ListViews value={view} onChange={setView} />
        <Button type="primary" onClick={onNew} title={t('shortcut.newCase')}>
          {t('actions.newCase')} <kbd>F2</kbd>
        </Button>
      </header>
      <ListFilters
        filters={filters}
        onChange={(change) => setFilters((f) => ({ ...f, ...change }))}
        departments={departments.state === 'ready' ? departments.data.map((d) => ({ value: d.id, label: d.name })) : []}
        filtered={filtered}
        onReset={() => {
          setFilters(EMPTY_FILTERS)
          setView('all')
        }}
      />
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
