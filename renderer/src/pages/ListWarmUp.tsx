import { useEffect, useState } from 'react'
import type { CaseList } from '@shared/schemas/case'
import { CaseTable } from './CaseTable'
import { NEWEST_FIRST, openingQuery } from './CaseListPage'
import { EMPTY_FILTERS, ListFilters, ListViews } from './ListControls'

/** Rows enough to fill a window (placeholders: nothing is fetched for them). */
const IDLE_LIST: CaseList = { items: [], total: 40 }
const QUERY = openingQuery()
const ignore = () => undefined

/** Once per start: the code stays compiled once it has run. */
let warmed = false

/**
 * The case list's controls and table drawn once out of sight while the desk waits (the sign-in
 * and home pages), then gone: the browser compiles antd's code for them the first time it runs,
 * and runs it slowly until then: the first 投诉列表 of a start waited for that (bench/ui.bench.ts
 * at 100,000 cases, click to first row painted: about 0.32 s without, 0.21 s with). Placeholder
 * rows only, nothing asked of main, hidden from everyone (invisible, inert).
 */
export function ListWarmUp() {
  const [phase, setPhase] = useState<'waiting' | 'drawing' | 'done'>(warmed ? 'done' : 'waiting')
  useEffect(() => {
    if (phase === 'waiting') {
      const idle = requestIdleCallback(() => setPhase('drawing'), { timeout: 2000 })
      return () => cancelIdleCallback(idle)
    }
    if (phase === 'drawing') {
      warmed = true
      // Drawn and laid out (the virtual body measures its rows in a frame): then gone.
      let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(() => setPhase('done'))))
      return () => cancelAnimationFrame(frame)
    }
  }, [phase])
  if (phase !== 'drawing') return null
  return (
    <div className="warm-up" inert>
      <ListViews value="all" onChange={ignore} />
      <ListFilters filters={EMPTY_FILTERS} onChange={ignore} departments={[]} filtered={false} onReset={ignore} />
      <CaseTable query={QUERY} first={IDLE_LIST} sort={NEWEST_FIRST} onSort={ignore} onOpen={ignore} />
    </div>
  )
}
