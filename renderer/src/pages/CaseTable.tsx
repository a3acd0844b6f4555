import { ClassTag, StatusTag } from '../ui/tags'
import { createContext, useContext, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Table, Tag, Typography, type SpinProps } from 'antd'
import type { ColumnsType, TableProps } from 'antd/es/table'
import type { CaseList, CaseQuery, CaseSummary, SORT_FIELDS } from '@shared/schemas/case'
import { casePriority, priorityMarks, type Priority } from '@shared/rules/priority'
import { ownerText } from '@shared/i18n/owner'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { formatDateTime } from '../format'

const PAGE = 200
/** The columns' least width: the fixed ones and a summary of 176 px: the table's width at 1366 × 768, so it never scrolls sideways there. */
const MIN_WIDTH = 1244
/** How many rows beyond the view a page is fetched ahead. */
const AHEAD = 80

type Sort = (typeof SORT_FIELDS)[number]
export interface ListSort {
  field: Sort
  dir: 'asc' | 'desc'
}

/** One row of the table: the case once its page has come from main, else only its place. */
interface Slot {
  index: number
}

/**
 * The table's parts with their ARIA roles: antd's virtual body is made of divs, so the whole is
 * one role="table" (the wrapper) with the header's row and column headers and the body's rows
 * and cells named explicitly; the header's own <table> is only layout.
 */
type Part = React.HTMLAttributes<HTMLElement> & { ref?: React.Ref<never> }

/** Told the index of each body row as it is drawn: which rows are in view, to fetch their pages. */
const RowDrawn = createContext<(index: number) => void>(() => undefined)

function BodyRow(p: Part & { 'data-index'?: number }) {
  const drawn = useContext(RowDrawn)
  const index = p['data-index']
  useEffect(() => {
    if (index !== undefined) drawn(index)
  }, [drawn, index])
  return <div {...p} role="row" />
}
const TABLE_PARTS = {
  header: {
    table: (p: Part) => <table {...p} role="presentation" />,
    wrapper: (p: Part) => <thead {...p} role="rowgroup" />,
    row: (p: Part) => <tr {...p} role="row" />,
    cell: (p: Part) => <th {...p} role="columnheader" />,
  },
  body: {
    wrapper: (p: Part) => <div {...p} role="rowgroup" />,
    row: BodyRow,
    cell: (p: Part) => <div {...p} role="cell" />,
  },
}

/**
 * The table's own Spin would sit between role="table" and its rows marked aria-busy/aria-live,
 * which a table may not hold (axe: aria-required-children); the rows' placeholders show loading.
 */
const NOT_BUSY = { spinning: false, 'aria-busy': undefined, 'aria-live': undefined } as SpinProps

const PRIORITY_COLOURS: Record<Priority, string> = { urgent: 'red', overdue: 'volcano', due_soon: 'gold' }

/** The row's colour: its most pressing mark (rules/priority). */
const rowClass = (c: CaseSummary | undefined) => {
  if (!c) return 'case-row loading-row'
  const p = casePriority(c)
  return p ? `case-row row-${p}` : 'case-row'
}

/**
 * The list as one scrolling table over every matching case, however many: antd's virtual
 * table keeps only the rows in view in the page, and rows are fetched from main a page at a
 * time as they scroll into view. A new answer (another query, or a reload) starts again at the
 * top. A row opens its case on a click anywhere in it, or on Enter when focused (↑/↓ move).
 */
export function CaseTable({
  query,
  first,
  sort,
  onSort,
  onOpen,
}: {
  query: CaseQuery
  first: CaseList
  sort: ListSort
  onSort: (sort: ListSort) => void
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  // Pages belong to one answer of main: when a new first page arrives (the query changed, or the
  // list was reloaded) everything fetched for the previous one is dropped at once.
  const [cache, setCache] = useState(() => ({ first, pages: new Map<number, CaseSummary[]>([[0, first.items]]) }))
  const [failed, setFailed] = useState<string | null>(null)
  const [range, setRange] = useState({ from: 0, to: 0 })
  const asked = useRef(new Set<number>([0]))
  const box = useRef<HTMLDivElement>(null)
  const size = useTableSize(box)
  let pages = cache.pages
  if (cache.first !== first) {
    pages = new Map([[0, first.items]])
    asked.current = new Set([0])
    setCache({ first, pages })
  }
  const caseAt = (index: number) => pages.get(Math.floor(index / PAGE))?.[index % PAGE]
  // One slot per matching case, made once per answer: the table needs the whole length to scroll.
  const slots = useMemo<Slot[]>(() => Array.from({ length: first.total }, (_, index) => ({ index })), [first])

  useEffect(() => {
    // The pages in view, and the next one when it is near, so scrolling on rarely meets a gap.
    const from = Math.floor(Math.max(0, range.from - AHEAD) / PAGE)
    const to = Math.floor(Math.min(first.total - 1, range.to + AHEAD) / PAGE)
    for (let page = from; page <= to; page++) {
      if (asked.current.has(page)) continue
      asked.current.add(page)
      void api['cases:list']({ ...query, offset: page * PAGE, limit: PAGE }).then((result) => {
        if (result.ok)
          setCache((c) => (c.first === first ? { first, pages: new Map(c.pages).set(page, result.data.items) } : c))
        else {
          asked.current.delete(page)
          setFailed(result.error.message)
        }
      })
    }
  }, [api, query, range, first])

  const columns = useMemo<ColumnsType<Slot>>(() => {
    const sorted = (field: Sort) => ({
      sorter: true,
      sortOrder: sort.field === field ? (sort.dir === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
      // Asc and desc in turn, never "unsorted".
      sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
      key: field,
    })
    // The first cell of each rendered row reports the rows in view (what to fetch next).
    const cell = (render: (c: CaseSummary) => React.ReactNode) => (_: unknown, slot: Slot) => {
      const c = caseAt(slot.index)
      return c ? render(c) : null
    }
    return [
      {
        title: t('list.priority'),
        key: 'priority',
        width: 108,
        render: (_: unknown, slot: Slot) => {
          const c = caseAt(slot.index)
          if (!c) return <span className="muted">{t('app.loading')}</span>
          return <PriorityTag c={c} />
        },
      },
      {
        title: t('fields.number'),
        ...sorted('number'),
        width: 156,
        render: cell((c) => (
          <span className="case-number">
            {c.fromBranch && (
              <Tag className="branch-tag" title={t('list.fromBranch', { code: c.fromBranch })}>
                {c.fromBranch}
              </Tag>
            )}
            {/* The number stays a button: the keyboard reaches it, and it names the row's case. */}
            <Typography.Link
              className="case-link"
              onClick={(e) => {
                e.stopPropagation()
                onOpen(c.id)
              }}
              role="button"
            >
              {c.number}
            </Typography.Link>
          </span>
        )),
      },
      {
        title: t('fields.status'),
        ...sorted('status'),
        width: 84,
        render: cell((c) => <StatusTag status={c.status} className={`status-tag status-tag-${c.status}`} />),
      },
      {
        title: t('fields.caseClass'),
        key: 'class',
        width: 84,
        render: cell((c) => <ClassTag caseClass={c.caseClass} />),
      },
      {
        title: t('fields.category'),
        ...sorted('category'),
        width: 124,
        ellipsis: true,
        render: cell((c) => t(`options.category.${c.category}`)),
      },
      {
        title: t('list.summary'),
        key: 'summary',
        ellipsis: { showTitle: true },
        render: cell((c) => c.summary ?? ''),
      },
      {
        title: t('list.customer'),
        ...sorted('customerName'),
        width: 156,
        ellipsis: true,
        render: cell((c) => (
          <>
            <span>{c.customerName}</span> <span className="mono muted">{c.phoneMasked}</span>
          </>
        )),
      },
      {
        title: t('fields.department'),
        key: 'department',
        width: 112,
        ellipsis: true,
        render: cell((c) => c.departmentName),
      },
      {
        title: t('owner.owner'),
        key: 'owner',
        width: 100,
        ellipsis: true,
        render: cell((c) => <span className={c.ownerName ? undefined : 'muted'}>{ownerText(t, c)}</span>),
      },
      {
        title: t('fields.receivedAt'),
        ...sorted('receivedAt'),
        width: 144,
        render: cell((c) => <span className="mono">{formatDateTime(c.receivedAt)}</span>),
      },
    ]
    // caseAt reads `pages`: the columns are made again when a page arrives, so rows in view refresh.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, sort, pages, onOpen])

  const onChange: TableProps<Slot>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter
    const field = s?.columnKey as Sort | undefined
    if (!field) return
    onSort({ field, dir: s.order === 'descend' ? 'desc' : 'asc' })
  }

  // The rows in view: the body rows drawn since the last frame (antd's virtual body draws the
  // rows for where it is scrolled to), gathered and set once a frame: what to fetch next.
  const drawnRows = useRef<{ from: number; to: number; frame: number }>({ from: 0, to: 0, frame: 0 })
  const drawn = useMemo(
    () => (index: number) => {
      const d = drawnRows.current
      if (!d.frame) {
        d.from = index
        d.to = index
        d.frame = requestAnimationFrame(() => {
          d.frame = 0
          setRange((r) => (r.from === d.from && r.to === d.to ? r : { from: d.from, to: d.to }))
        })
      } else {
        d.from = Math.min(d.from, index)
        d.to = Math.max(d.to, index)
      }
    },
    [],
  )
  useEffect(() => () => cancelAnimationFrame(drawnRows.current.frame), [])

  const onRowKey = (e: KeyboardEvent<HTMLElement>, c: CaseSummary | undefined) => {
    const row = e.currentTarget
    if (e.key === 'Enter' && c && e.target === row) {
      e.preventDefault()
      onOpen(c.id)
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const next = e.key === 'ArrowDown' ? row.nextElementSibling : row.previousElementSibling
      if (next instanceof HTMLElement && next.classList.contains('ant-table-row')) {
        e.preventDefault()
        next.focus()
      }
    }
  }

  return (
    <>
      {failed && <Notice kind="error">{t('list.error', { message: failed })}</Notice>}
      <div className="case-table" ref={box} role="table" aria-label={t('list.title')} aria-rowcount={first.total + 1}>
        <RowDrawn.Provider value={drawn}>
          <Table<Slot>
            virtual
            size="small"
            columns={columns}
            dataSource={slots}
            rowKey="index"
            pagination={false}
            loading={NOT_BUSY}
            scroll={{ x: size.width, y: size.height }}
            showSorterTooltip={false}
            onChange={onChange}
            components={TABLE_PARTS}
            rowClassName={(slot) => rowClass(caseAt(slot.index))}
            onRow={(slot) => {
              const c = caseAt(slot.index)
              return {
                tabIndex: c ? 0 : -1,
                'aria-rowindex': slot.index + 2,
                'data-index': slot.index,
                onClick: () => c && onOpen(c.id),
                onKeyDown: (e: KeyboardEvent<HTMLElement>) => onRowKey(e, c),
              } as React.HTMLAttributes<HTMLElement>
            }}
          />
        </RowDrawn.Provider>
      </div>
    </>
  )
}

/**
 * The most pressing mark as one tag (紧急·待接手 until a manager takes over), the row's colour;
 * its title lists every mark with what it is about (解决已逾期, 1 个承诺即将到期, …).
 */
function PriorityTag({ c }: { c: CaseSummary }) {
  const { t } = useTranslation()
  const marks = priorityMarks(c)
  if (marks.length === 0) return null
  const label = (p: Priority) => (p === 'urgent' && c.flags.escalated ? t('list.escalated') : t(`list.priorities.${p}`))
  const about = (p: Priority): string[] =>
    p === 'overdue'
      ? c.flags.overdue.map((o) =>
          o === 'commitment' ? t('list.promisesOverdue', { count: c.flags.commitmentsOverdue }) : t(`wf.overdue.${o}`),
        )
      : p === 'due_soon'
        ? (c.flags.dueSoon ?? ['commitment']).map((o) =>
            o === 'commitment'
              ? t('list.promisesDueSoon', { count: c.flags.commitmentsDueSoon })
              : t(`list.dueSoon.${o}`),
          )
        : []
  const title = marks
    .map((p) =>
      about(p).length ? t('list.markDetail', { mark: label(p), about: about(p).join(t('list.and')) }) : label(p),
    )
    .join(t('list.markSeparator'))
  const top = marks[0]
  return (
    <Tag color={PRIORITY_COLOURS[top]} className={`priority-tag priority-${top}`} title={title}>
      {label(top)}
    </Tag>
  )
}

/**
 * The table's size: as wide as its box (the summary column takes what the others leave, down to
 * MIN_WIDTH, below which the table scrolls sideways) and as tall as the window below its top.
 */
function useTableSize(box: React.RefObject<HTMLDivElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: MIN_WIDTH, height: 560 })
  useEffect(() => {
    const measure = () => {
      const rect = box.current?.getBoundingClientRect()
      // Leave room for the header row and a margin below.
      const height = Math.max(320, Math.floor(window.innerHeight - (rect?.top ?? 0) - 56))
      const width = Math.max(MIN_WIDTH, Math.floor(rect?.width ?? 0))
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }))
    }
    measure()
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [box])
  return size
}
