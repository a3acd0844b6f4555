import { CLASS_COLOR, STATUS_COLOR, tagClassName } from '../ui/tags'
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react'
import { useTranslation } from 'react-i18next'
import { Table, type SpinProps } from 'antd'
import type { TFunction } from 'i18next'
import type { ColumnsType, TableProps } from 'antd/es/table'
import type { CaseList, CaseQuery, CaseSummary, SORT_FIELDS } from '@shared/schemas/case'
import { CASE_STATUSES, CATEGORIES } from '@shared/values/options'
import { casePriority, priorityMarks, type Priority } from '@shared/rules/priority'
import { ownerText } from '@shared/i18n/owner'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { formatDateTime } from '../format'

const PAGE = 200
/** The columns' least width: the fixed ones and a summary of 156 px: the table's width at 1366 × 768, so it never scrolls sideways there. */
const MIN_WIDTH = 1244
/** A row is never lower than this (px): more rows than fit fill the scrolling box (styles.css, .full). */
const MIN_ROW_HEIGHT = 39
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

/**
 * The pages of one answer of main, as rows and cells read them: a page arriving re-draws the
 * rows it holds, never the table (antd's Table goes over every one of 100,000 slots each time
 * it is drawn again — a fifth of a second).
 */
class CasePages {
  private readonly pages = new Map<number, CaseSummary[]>()
  private readonly asked = new Set<number>([0])
  private readonly listeners = new Set<() => void>()
  constructor(readonly first: CaseList) {
    this.pages.set(0, first.items)
  }
  at = (index: number): CaseSummary | undefined => this.pages.get(Math.floor(index / PAGE))?.[index % PAGE]
  /** Marks `page` as asked for: false when it already was. */
  ask(page: number): boolean {
    if (this.asked.has(page)) return false
    this.asked.add(page)
    return true
  }
  put(page: number, items: CaseSummary[]) {
    this.pages.set(page, items)
    for (const l of this.listeners) l()
  }
  failed(page: number) {
    this.asked.delete(page)
  }
  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => void this.listeners.delete(listener)
  }
}

const Pages = createContext<CasePages | null>(null)

/** The case at `index` once its page has come (re-drawn when it comes). */
function useCaseAt(index: number): CaseSummary | undefined {
  const pages = useContext(Pages)!
  return useSyncExternalStore(pages.subscribe, () => pages.at(index))
}

/** What a body row does: tell which rows are drawn, and open its case. */
interface RowBehaviour {
  drawn: (index: number) => void
  onOpen: (id: string) => void
}
const Rows = createContext<RowBehaviour>({ drawn: () => undefined, onOpen: () => undefined })

/** The row's colour: its most pressing mark (rules/priority). */
const rowClass = (c: CaseSummary | undefined) => {
  if (!c) return 'case-row loading-row'
  const p = casePriority(c)
  return p ? `case-row row-${p}` : 'case-row'
}

/** Enter on a focused row opens its case; ↑/↓ move between rows. */
function onRowKey(e: KeyboardEvent<HTMLElement>, c: CaseSummary | undefined, onOpen: (id: string) => void) {
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

/** A body row: its case's colour, focus, click and keys once the case has come. */
function BodyRow(p: Part & { 'data-index'?: number }) {
  const { drawn, onOpen } = useContext(Rows)
  const index = p['data-index']
  const c = useCaseAt(index ?? -1)
  useEffect(() => {
    if (index !== undefined) drawn(index)
  }, [drawn, index])
  if (index === undefined) return <div {...p} role="row" />
  return (
    <div
      {...p}
      role="row"
      className={`${p.className ?? ''} ${rowClass(c)}`}
      tabIndex={c ? 0 : -1}
      onClick={() => c && onOpen(c.id)}
      onKeyDown={(e) => onRowKey(e, c, onOpen)}
    />
  )
}

/** A cell's content: drawn from its row's case once that has come. */
function CaseCell({ index, draw }: { index: number; draw: (c: CaseSummary | undefined) => React.ReactNode }) {
  return <>{draw(useCaseAt(index))}</>
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

/** Labels by value, looked up once per language instead of once per cell drawn. */
function useLabels(t: TFunction) {
  return useMemo(() => {
    const of = <K extends string>(values: readonly K[], key: string) =>
      Object.fromEntries(values.map((v) => [v, t(`${key}.${v}`)])) as Record<K, string>
    return {
      status: of(CASE_STATUSES, 'options.status'),
      category: of(CATEGORIES, 'options.category'),
      caseClass: { 1: t('options.caseClass.1'), 2: t('options.caseClass.2') },
    }
  }, [t])
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
  const labels = useLabels(t)
  // Pages belong to one answer of main: a new first page (the query changed, or the list was
  // reloaded) starts a new set, and what comes for the previous one is dropped.
  const pages = useMemo(() => new CasePages(first), [first])
  const [failed, setFailed] = useState<string | null>(null)
  const box = useRef<HTMLDivElement>(null)
  const size = useTableSize(box)
  // One slot per matching case, made once per answer: the table needs the whole length to scroll.
  const slots = useMemo<Slot[]>(() => Array.from({ length: first.total }, (_, index) => ({ index })), [first])

  // The pages in view, and the next one when it is near, so scrolling on rarely meets a gap.
  const fetchAround = useRef((_from: number, _to: number) => undefined as void)
  fetchAround.current = (from: number, to: number) => {
    const firstPage = Math.floor(Math.max(0, from - AHEAD) / PAGE)
    const lastPage = Math.floor(Math.min(first.total - 1, to + AHEAD) / PAGE)
    for (let page = firstPage; page <= lastPage; page++) {
      if (!pages.ask(page)) continue
      void api['cases:list']({ ...query, offset: page * PAGE, limit: PAGE }).then((result) => {
        if (result.ok) pages.put(page, result.data.items)
        else {
          pages.failed(page)
          setFailed(result.error.message)
        }
      })
    }
  }

  // The rows in view: the body rows drawn since the last frame (antd's virtual body draws the
  // rows for where it is scrolled to), gathered and fetched around once a frame.
  const drawnRows = useRef<{ from: number; to: number; frame: number }>({ from: 0, to: 0, frame: 0 })
  const drawn = useMemo(
    () => (index: number) => {
      const d = drawnRows.current
      if (!d.frame) {
        d.from = index
        d.to = index
        d.frame = requestAnimationFrame(() => {
          d.frame = 0
          fetchAround.current(d.from, d.to)
        })
      } else {
        d.from = Math.min(d.from, index)
        d.to = Math.max(d.to, index)
      }
    },
    [],
  )
  useEffect(() => () => cancelAnimationFrame(drawnRows.current.frame), [])
  const rows = useMemo(() => ({ drawn, onOpen }), [drawn, onOpen])

  const columns = useMemo<ColumnsType<Slot>>(() => {
    const sorted = (field: Sort) => ({
      sorter: true,
      sortOrder: sort.field === field ? (sort.dir === 'asc' ? ('ascend' as const) : ('descend' as const)) : null,
      // Asc and desc in turn, never "unsorted".
      sortDirections: ['ascend' as const, 'descend' as const, 'ascend' as const],
      key: field,
    })
    const cell = (draw: (c: CaseSummary) => React.ReactNode) => (_: unknown, slot: Slot) => (
      <CaseCell index={slot.index} draw={(c) => (c ? draw(c) : null)} />
    )
    return [
      {
        title: t('list.priority'),
        key: 'priority',
        width: 108,
        render: (_: unknown, slot: Slot) => (
          <CaseCell
            index={slot.index}
            draw={(c) => (c ? priorityTag(t, c) : <span className="muted">{t('app.loading')}</span>)}
          />
        ),
      },
      {
        title: t('fields.number'),
        ...sorted('number'),
        width: 156,
        render: cell((c) => (
          <span className="case-number">
            {c.fromBranch && (
              <span className={tagClassName(null, 'branch-tag')} title={t('list.fromBranch', { code: c.fromBranch })}>
                {c.fromBranch}
              </span>
            )}
            {/* antd's Typography.Link as markup (see tagClassName): the number names the row's case. */}
            <a
              className="ant-typography ant-typography-link case-link cd-theme"
              onClick={(e) => {
                e.stopPropagation()
                onOpen(c.id)
              }}
              role="button"
            >
              {c.number}
            </a>
          </span>
        )),
      },
      {
        title: t('fields.status'),
        ...sorted('status'),
        width: 76,
        render: cell((c) => (
          <span className={tagClassName(STATUS_COLOR[c.status], `status-tag status-tag-${c.status}`)}>
            {labels.status[c.status]}
          </span>
        )),
      },
      {
        title: t('fields.caseClass'),
        key: 'class',
        width: 84,
        render: cell((c) => (
          <span className={tagClassName(CLASS_COLOR[c.caseClass])}>{labels.caseClass[c.caseClass]}</span>
        )),
      },
      {
        title: t('fields.category'),
        ...sorted('category'),
        width: 104,
        ellipsis: true,
        render: cell((c) => labels.category[c.category]),
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
        width: 168,
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
        width: 104,
        ellipsis: true,
        render: cell((c) => c.departmentName),
      },
      {
        title: t('owner.owner'),
        key: 'owner',
        width: 144,
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
  }, [t, labels, sort, onOpen])

  const onChange: TableProps<Slot>['onChange'] = (_p, _f, sorter) => {
    const s = Array.isArray(sorter) ? sorter[0] : sorter
    const field = s?.columnKey as Sort | undefined
    if (!field) return
    onSort({ field, dir: s.order === 'descend' ? 'desc' : 'asc' })
  }

  return (
    <>
      {failed && <Notice kind="error">{t('list.error', { message: failed })}</Notice>}
      <div
        className={first.total * MIN_ROW_HEIGHT > size.height ? 'case-table full' : 'case-table'}
        style={{ '--list-height': `${size.height}px` } as React.CSSProperties}
        ref={box}
        role="table"
        aria-label={t('list.title')}
        aria-rowcount={first.total + 1}
      >
        <Pages.Provider value={pages}>
          <Rows.Provider value={rows}>
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
              onRow={(slot) =>
                ({ 'aria-rowindex': slot.index + 2, 'data-index': slot.index }) as React.HTMLAttributes<HTMLElement>
              }
            />
          </Rows.Provider>
        </Pages.Provider>
      </div>
    </>
  )
}

/**
 * The most pressing mark as one tag (紧急·待接手 until a manager takes over), the row's colour;
 * its title lists every mark with what it is about (解决已逾期, 1 个承诺即将到期, …).
 */
function priorityTag(t: TFunction, c: CaseSummary) {
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
    <span className={tagClassName(PRIORITY_COLOURS[top], `priority-tag priority-${top}`)} title={title}>
      {label(top)}
    </span>
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
