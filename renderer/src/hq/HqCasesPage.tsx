import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert, Button, Input, Space, Table } from 'antd'
import type { HqCaseQuery, HqCaseRef, HqCaseRow, HqCursor } from '@shared/schemas/headquarters'
import { CASE_STATUSES, CATEGORIES } from '@shared/values/options'
import { useApi } from '../apiContext'
import { DateRange } from '../components/DateRange'
import { FilterSelect } from '../components/FilterSelect'
import { formatDateTime } from '../format'
import { useLoad } from '../hooks/useLoad'
import { useHqCaseColumns } from './HqCaseColumns'
import { useQueryLoad } from './useQueryLoad'
import { HqFailed } from './HqStatus'

type Filters = Omit<HqCaseQuery, 'after' | 'limit'>
const PAGE = 50

/** 全部投诉: every branch's complaints, newest first, with the branch column, filters and search. */
export function HqCasesPage({ onOpen }: { onOpen: (ref: HqCaseRef) => void }) {
  const { t } = useTranslation()
  const api = useApi()
  const [filters, setFilters] = useState<Filters>({})
  const [text, setText] = useState('')
  // The cursors of the pages seen so far: page n starts after cursors[n] (the first after nothing).
  const [cursors, setCursors] = useState<(HqCursor | undefined)[]>([undefined])
  const page = cursors.length - 1
  const branches = useLoad(() => api['hq:branches'](), [])
  const query: HqCaseQuery = { ...filters, limit: PAGE, ...(cursors[page] ? { after: cursors[page] } : {}) }
  // The rows shown stay while the next page or a new filter loads, under the table's spinner.
  const list = useQueryLoad(query, () => api['hq:cases'](query))
  const data = list.data
  const next = list.loading ? null : (data?.next ?? null)
  const set = (patch: Filters) => {
    setFilters((f) => {
      const next = { ...f, ...patch }
      for (const k of Object.keys(next) as (keyof Filters)[])
        if (next[k] === undefined || next[k] === '') delete next[k]
      return next
    })
    setCursors([undefined])
  }
  const option = (value: string, label: string) => ({ value, label })
  const columns = useHqCaseColumns(onOpen)
  return (
    <section className="page" aria-labelledby="hq-cases-title">
      <header className="page-header">
        <h1 id="hq-cases-title">{t('hq.cases.title')}</h1>
      </header>
      <div className="card filters" role="search">
        <Space wrap className="hq-filters">
          <Input.Search
            aria-label={t('hq.cases.search')}
            placeholder={t('hq.cases.search')}
            allowClear
            value={text}
            maxLength={100}
            onChange={(e) => setText(e.target.value)}
            onSearch={(q) => set({ q: q.trim() || undefined })}
            enterButton={t('hq.cases.searchButton')}
            style={{ width: 360 }}
          />
          <FilterSelect
            id="hq-branch"
            label={t('hq.cases.branch')}
            style={{ minWidth: 180 }}
            showSearch
            optionFilterProp="label"
            value={filters.branchCode ?? ''}
            onChange={(v) => set({ branchCode: v || undefined })}
            options={[
              option('', t('hq.cases.allBranches')),
              ...(branches.state === 'ready' ? branches.data : []).map((b) => option(b.code, `${b.name} ${b.code}`)),
            ]}
          />
          <FilterSelect
            id="hq-caseClass"
            label={t('hq.cases.caseClass')}
            style={{ minWidth: 120 }}
            value={filters.caseClass ? String(filters.caseClass) : ''}
            onChange={(v) => set({ caseClass: v === '1' ? 1 : v === '2' ? 2 : undefined })}
            options={[
              option('', t('list.all')),
              option('1', t('options.caseClass.1')),
              option('2', t('options.caseClass.2')),
            ]}
          />
          <FilterSelect
            id="hq-status"
            label={t('fields.status')}
            style={{ minWidth: 120 }}
            value={filters.status ?? ''}
            onChange={(v) => set({ status: (v || undefined) as Filters['status'] })}
            options={[option('', t('list.all')), ...CASE_STATUSES.map((s) => option(s, t(`options.status.${s}`)))]}
          />
          <FilterSelect
            id="hq-category"
            label={t('fields.category')}
            style={{ minWidth: 140 }}
            value={filters.category ?? ''}
            onChange={(v) => set({ category: (v || undefined) as Filters['category'] })}
            options={[option('', t('list.all')), ...CATEGORIES.map((c) => option(c, t(`options.category.${c}`)))]}
          />
          <DateRange
            label={t('list.receivedRange')}
            value={{ from: filters.from ?? '', to: filters.to ?? '' }}
            onChange={(r) => set({ from: r.from || undefined, to: r.to || undefined })}
            allowClear
          />
          <Button
            onClick={() => {
              setText('')
              setFilters({})
              setCursors([undefined])
            }}
          >
            {t('hq.cases.reset')}
          </Button>
        </Space>
      </div>
      {/* Both refused (no link, the database away): one cause, said once; 重试 reads both again. */}
      {list.error ? (
        <HqFailed
          message={list.error.message}
          onRetry={() => {
            list.reload()
            if (branches.state === 'error') branches.reload()
          }}
        />
      ) : (
        branches.state === 'error' && (
          <HqFailed
            message={t('hq.cases.branchesFailed', { message: branches.error.message })}
            onRetry={branches.reload}
          />
        )
      )}
      {data?.partial && (
        <Alert
          type="info"
          showIcon
          role="status"
          title={t('hq.cases.partial', {
            q: filters.q,
            scanned: data.partial.scanned.toLocaleString(),
            since: formatDateTime(data.partial.since),
          })}
          action={
            next && (
              <Button size="small" onClick={() => setCursors((c) => [...c, next])}>
                {t('hq.cases.more')}
              </Button>
            )
          }
        />
      )}
      <Table<HqCaseRow>
        className="card"
        size="small"
        rowKey={(r) => `${r.branchCode}/${r.caseId}`}
        loading={list.loading}
        columns={columns}
        dataSource={data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: t('hq.cases.empty') }}
        onRow={(r) => ({ onDoubleClick: () => onOpen({ branchCode: r.branchCode, caseId: r.caseId }) })}
      />
      <Space className="pager">
        <Button disabled={page === 0} onClick={() => setCursors([undefined])}>
          {t('hq.cases.first')}
        </Button>
        <Button disabled={page === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('hq.cases.previous')}
        </Button>
        <span className="muted">{t('hq.cases.page', { n: page + 1 })}</span>
        <Button disabled={!next} onClick={() => next && setCursors((c) => [...c, next])}>
          {t('hq.cases.next')}
        </Button>
      </Space>
    </section>
  )
}
