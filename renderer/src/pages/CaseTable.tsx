import { memo, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { CaseList, CaseQuery, CaseSummary, SORT_FIELDS } from '@shared/schemas/case'
import { useApi } from '../apiContext'
import { Notice } from '../components/Notice'
import { formatDateTime } from '../format'
import { ownerText } from '@shared/i18n/owner'
import { OverdueBadges } from '../components/OverdueBadges'

const PAGE = 200
/** Every row is this tall (styles.css keeps it so): fixed sizes keep scrolling cheap at any length. */
const ROW_HEIGHT = 42
const COLUMN_WIDTHS = ['13rem', '6.5rem', '6.5rem', '8rem', '7rem', '8.5rem', '7.5rem', '9rem', '9.5rem', 'auto']
/** How many rows beyond the view a page is fetched ahead. */
const AHEAD = 80

type Sort = (typeof SORT_FIELDS)[number]

/**
 * The list as one scrolling table over every matching case, however many: only the rows in
 * view are in the page (virtualised), and rows are fetched from main a page at a time as
 * they scroll into view. A new answer (another query, or a reload) starts again at the top.
 */
export function CaseTable({
  query,
  first,
  header,
  onOpen,
}: {
  query: CaseQuery
  first: CaseList
  header: (field: Sort | null, label: string) => ReactNode
  onOpen: (id: string) => void
}) {
  const { t } = useTranslation()
  const api = useApi()
  const scroller = useRef<HTMLDivElement>(null)
  // Pages belong to one answer of main: when a new first page arrives (the query changed, or the
  // list was reloaded) everything fetched for the previous one is dropped at once.
  const [cache, setCache] = useState(() => ({ first, pages: new Map<number, CaseSummary[]>([[0, first.items]]) }))
  const [failed, setFailed] = useState<string | null>(null)
  const asked = useRef(new Set<number>([0]))
  let pages = cache.pages
  if (cache.first !== first) {
    pages = new Map([[0, first.items]])
    asked.current = new Set([0])
    setCache({ first, pages })
  }
  const virtualizer = useVirtualizer({
    count: first.total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    // Where there is no layout (tests, first paint) assume a screenful.
    initialRect: { width: 1200, height: 640 },
  })
  const rows = virtualizer.getVirtualItems()
  const firstIndex = rows[0]?.index ?? 0
  const lastIndex = rows.at(-1)?.index ?? 0

  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 0
  }, [first])

  useEffect(() => {
    // The pages in view, and the next one when it is near, so scrolling on rarely meets a gap.
    const from = Math.floor(Math.max(0, firstIndex - AHEAD) / PAGE)
    const to = Math.floor(Math.min(first.total - 1, lastIndex + AHEAD) / PAGE)
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
  }, [api, query, firstIndex, lastIndex, first])

  const top = rows[0]?.start ?? 0
  const bottom = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0)
  return (
    <>
      {failed && <Notice kind="error">{t('list.error', { message: failed })}</Notice>}
      <div className="case-scroll" ref={scroller}>
        <table className="cases" aria-rowcount={first.total + 1}>
          {/* Fixed column widths: the columns stay put while rows come and go, and layout stays cheap. */}
          <colgroup>
            {COLUMN_WIDTHS.map((w, i) => (
              <col key={i} style={{ width: w }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {header('number', t('fields.number'))}
              {header('status', t('fields.status'))}
              {header(null, t('fields.caseClass'))}
              {header('category', t('fields.category'))}
              {header('customerName', t('fields.customerName'))}
              {header(null, t('fields.phone'))}
              {header(null, t('fields.department'))}
              {header(null, t('owner.owner'))}
              {header('receivedAt', t('fields.receivedAt'))}
              {header(null, t('list.alerts'))}
            </tr>
          </thead>
          <tbody>
            {top > 0 && <tr aria-hidden="true" className="spacer" style={{ height: top }} />}
            {rows.map((v) => {
              const c = pages.get(Math.floor(v.index / PAGE))?.[v.index % PAGE]
              return c ? (
                <CaseRow key={c.id} c={c} onOpen={onOpen} index={v.index} />
              ) : (
                <tr key={`loading-${v.index}`} data-index={v.index} aria-rowindex={v.index + 2} className="loading-row">
                  <td colSpan={COLUMN_WIDTHS.length} className="muted">
                    {t('app.loading')}
                  </td>
                </tr>
              )
            })}
            {bottom > 0 && <tr aria-hidden="true" className="spacer" style={{ height: bottom }} />}
          </tbody>
        </table>
      </div>
    </>
  )
}

const CaseRow = memo(function CaseRow({
  c,
  onOpen,
  index,
}: {
  c: CaseSummary
  onOpen: (id: string) => void
  index: number
}) {
  const { t } = useTranslation()
  return (
    <tr data-index={index} aria-rowindex={index + 2}>
      <td>
        {c.fromBranch && (
          <span className="badge branch" title={t('list.fromBranch', { code: c.fromBranch })}>
            {c.fromBranch}
          </span>
        )}
        <button type="button" className="link" onClick={() => onOpen(c.id)}>
          {c.number}
        </button>
        {c.urgent && (
          <span className="badge badge-urgent">{c.flags.escalated ? t('list.escalated') : t('list.urgent')}</span>
        )}
      </td>
      <td>
        <span className={`badge status-${c.status}`}>{t(`options.status.${c.status}`)}</span>
      </td>
      <td>
        <span className={`badge class-${c.caseClass}`}>{t(`options.caseClass.${c.caseClass}`)}</span>
      </td>
      <td>{t(`options.category.${c.category}`)}</td>
      <td>{c.customerName}</td>
      <td className="mono">{c.phoneMasked}</td>
      <td>{c.departmentName}</td>
      <td className={c.ownerName ? undefined : 'muted'} title={ownerText(t, c)}>
        {ownerText(t, c)}
      </td>
      <td className="mono">{formatDateTime(c.receivedAt)}</td>
      <td>
        <OverdueBadges flags={c.flags} />
        {c.flags.commitmentsOverdue > 0 && (
          <span className="badge badge-overdue">
            {t('list.promisesOverdue', { count: c.flags.commitmentsOverdue })}
          </span>
        )}
        {c.flags.commitmentsDueSoon > 0 && (
          <span className="badge state-soon">{t('list.promisesDueSoon', { count: c.flags.commitmentsDueSoon })}</span>
        )}
      </td>
    </tr>
  )
})
