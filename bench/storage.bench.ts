// npm run bench: the store at 1,000, 10,000 and 100,000 generated cases. Every figure is
// printed with a ratio to a baseline measured in the same run (the append+fsync floor, or
// ours at 1,000); nothing here asserts a time.
import { it } from 'vitest'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import type { Session } from '@shared/schemas/staff'
import type { Case } from '@shared/schemas/case'
import { AUDIT_FILE_NAME, Store } from '../electron/store/store'
import { AppendLog } from '../electron/store/appendLog'
import { appendAudit, type ServiceContext } from '../electron/services/context'
import { listCases } from '../electron/services/cases'
import { Sessions } from '../electron/services/sessions'
import { PinGuard } from '../electron/services/pinGuard'
import { auditFor, generateCases } from './data'
import { summarize, timed, type Timing } from './timing'

const SIZES = [1_000, 10_000, 100_000]
const NOW = new Date('2026-11-22T02:00:00Z')
const by = { id: 's1', name: '李娜' }
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined)

/** A data directory holding `n` generated cases; only one case is kept in memory afterwards (as a template). */
async function seed(n: number): Promise<{ dir: string; template: Case }> {
  const dir = await mkdtemp(join(tmpdir(), `cd-bench-${n}-`))
  const cases = generateCases(n, NOW)
  // The live file first: an audit log with no live file beside it is data missing (issue 15, point 3).
  await (await Store.open(dir, { now: () => NOW })).close()
  await writeFile(
    join(dir, AUDIT_FILE_NAME),
    auditFor(cases)
      .map((e) => `${JSON.stringify(e)}\n`)
      .join(''),
  )
  const store = await Store.open(dir, { now: () => NOW })
  await store.update((d) => {
    d.branch = { name: '静安寺店', code: 'SH01' }
    d.departments = ['前台/服务台', '收银', '售后服务', '商品部'].map((name, i) => ({
      id: `d${i}`,
      name,
      active: true,
    }))
    d.cases.push(...cases)
  })
  await store.close() // folds in: finished cases older than 30 days go to the archive
  return { dir, template: structuredClone(cases[0]) }
}

function newCase(template: Case, i: number): Case {
  return {
    ...structuredClone(template),
    id: `bench-${i}`,
    number: `KS-20261122-${String(9000 + i)}`,
    status: 'received',
  }
}

it('storage benchmark', async () => {
  const rows: string[] = []
  const line = (name: string, t: Timing, ratio: string) =>
    rows.push(
      `${name.padEnd(46)} median ${t.median.toFixed(2).padStart(9)} ms   p95 ${t.p95.toFixed(2).padStart(9)} ms   ${ratio}`,
    )
  let ours1k = 0
  for (const n of SIZES) {
    const { dir, template } = await seed(n)
    gc() // the generated history is garbage now: measure the store, not the generator
    rows.push('', `── ${n.toLocaleString('en')} cases ──`)

    // Cold start: open the data directory (live file, journal, archive index, audit head).
    // The live part is usable at once; the archive index is read in the background.
    const opens: number[] = []
    const ready: number[] = []
    for (let k = 0; k < 5; k++) {
      const s = performance.now()
      const opened = await Store.open(dir, { now: () => NOW })
      opens.push(performance.now() - s)
      await opened.archived()
      ready.push(performance.now() - s)
      await opened.close()
    }
    const cold = summarize(opens)
    const coldAll = summarize(ready)
    gc()
    const heapBefore = process.memoryUsage().heapUsed
    const store = await Store.open(dir, { now: () => NOW })
    await store.archived()
    gc()
    const heapAfter = process.memoryUsage().heapUsed
    line('cold start: open, live data usable', cold, `live ${store.data.cases.length} cases`)
    line('cold start: archive index read too', coldAll, `archived ${(await store.archived()).size} cases`)

    // Save one case: ours, the floor (append + fsync of the same JSON line), naive lowdb.
    let i = 0
    const ours = await timed(
      () =>
        store.update((d) => {
          d.cases.push(newCase(template, i++))
          appendAudit(d, { at: NOW.toISOString(), by, action: 'case.created', target: 'bench' })
        }),
      100,
    )
    if (n === SIZES[0]) ours1k = ours.median
    const floorLog = await AppendLog.open(join(dir, 'floor.jsonl'))
    const record = JSON.stringify({
      n: 1,
      cases: [newCase(template, 0)],
      audit: [{ at: NOW.toISOString(), by, action: 'case.created', target: 'bench' }],
    })
    const floor = await timed(() => floorLog.append([record]), 100)
    await floorLog.close()
    line('save one case: append + fsync (floor)', floor, '×1.0 floor')
    line(
      'save one case: ours',
      ours,
      `×${(ours.median / floor.median).toFixed(1)} floor · ×${(ours.median / ours1k).toFixed(2)} ours at 1k`,
    )
    const naive = new Low<{ cases: Case[] }>(new JSONFile(join(dir, 'naive.json')), { cases: generateCases(n, NOW) })
    await naive.write()
    let j = 0
    const naiveSave = await timed(
      async () => {
        naive.data.cases.push(newCase(template, j++))
        await naive.write()
      },
      n >= 100_000 ? 4 : n >= 10_000 ? 10 : 40,
    )
    line('save one case: naive single-file lowdb', naiveSave, `×${(naiveSave.median / floor.median).toFixed(1)} floor`)
    naive.data = { cases: [] }
    gc()

    // The list: a page of the default view, filters, and Chinese / phone search over everything.
    const ctx = {
      store,
      now: () => NOW,
      sessions: new Sessions(),
      pinGuard: new PinGuard(),
      caller: 'bench',
      session: { staff: by } as unknown as Session,
      audit: { current: { ok: true, entries: 0 } },
    } as ServiceContext
    const base = { sort: 'receivedAt', dir: 'desc', limit: 200, offset: 0 } as const
    const queries: [string, Parameters<typeof listCases>[1]][] = [
      ['list: first page, newest first', base],
      ['list: status filter (closed)', { ...base, status: 'closed' }],
      ['list: category + a year', { ...base, category: 'product_quality', from: '2025-01-01', to: '2025-12-31' }],
      ['search: Chinese text 噪音', { ...base, q: '噪音' }],
      ['search: Chinese name 王秀英', { ...base, q: '王秀英' }],
      ['search: phone digits 1390000', { ...base, q: '1390000' }],
      ['list: by customer name (pinyin order)', { ...base, sort: 'customerName', dir: 'asc' }],
      ['list: page 200 (scrolled far down)', { ...base, offset: 40_000 }],
    ]
    for (const [name, query] of queries) {
      const t = await timed(() => listCases(ctx, query), 61)
      line(name, t, `×${(t.median / floor.median).toFixed(1)} floor`)
    }

    const walk = await timed(() => store.verifyAudit(), 2)
    line('audit chain walk (background, after start)', walk, `${store.auditEntries.toLocaleString('en')} entries`)
    rows.push(
      `memory: heap held by the open store ${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB · process RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
    )
    await store.close()
    await rm(dir, { recursive: true, force: true })
  }
  console.log(rows.join('\n'))
}, 900_000)
