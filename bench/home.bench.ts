// npm run bench: what the shift change costs — the home page's summary and the handover
// snapshot, with 50 and 500 open cases (each with a commitment) and 200 past handovers,
// through the services as a window calls them; the answer's size too (the home page now
// carries the last handover with its open cases).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { it } from 'vitest'
import { toLocalDateTime } from '@shared/values/localTime'
import { CATEGORIES } from '@shared/values/options'
import { clerkDesk, MANAGER_PIN } from '../tests/support/services'
import { validDraft } from '../tests/support/factories'
import { timed } from './timing'

async function branchWith(open: number, handovers: number) {
  const dir = await mkdtemp(join(tmpdir(), 'complaint-desk-bench-'))
  const d = await clerkDesk(dir, new Date())
  const at = toLocalDateTime(new Date(Date.now() - 3600_000))
  const due = toLocalDateTime(new Date(Date.now() + 3 * 3600_000))
  for (let i = 0; i < open; i++) {
    const c = await d.call(
      'cases:create',
      validDraft({
        departmentId: d.departments[i % d.departments.length].id,
        receivedAt: at,
        phone: `139${String(10_000_000 + i).padStart(8, '0')}`,
        category: CATEGORIES[i % CATEGORIES.length],
        customerType: 'regular',
      }),
    )
    await d.call('commitments:add', { id: c.id, what: '明天下午回电告知结果', owner: '李娜', dueAt: due })
  }
  // Past sheets are kept: the home page reads only the last one.
  for (let i = 0; i < handovers; i++)
    await d.call('handover:submit', {
      hours: 8,
      notes: i === handovers - 1 ? '周先生可能会再打电话来，语气较急。' : '',
      incoming: { staffId: d.managerId, pin: MANAGER_PIN },
    })
  return { d, dir }
}

it('home and handover benchmark', async () => {
  const rows: string[] = ['']
  for (const open of [50, 500]) {
    const { d, dir } = await branchWith(open, open === 50 ? 200 : 10)
    const home = await timed(() => d.call('home:summary'), 30)
    const prepare = await timed(() => d.call('handover:prepare', { hours: 8 }), 30)
    const size = (x: unknown) => `${(JSON.stringify(x).length / 1024).toFixed(0)} KB`
    const row = (name: string, r: { first: number; median: number; p95: number }, bytes: string) =>
      `${name.padEnd(44)} first ${r.first.toFixed(1).padStart(6)} ms   median ${r.median.toFixed(1).padStart(6)} ms   p95 ${r.p95.toFixed(1).padStart(6)} ms   ${bytes}`
    rows.push(row(`home:summary, ${open} open cases`, home, size(await d.call('home:summary'))))
    rows.push(
      row(`handover:prepare, ${open} open cases`, prepare, size(await d.call('handover:prepare', { hours: 8 }))),
    )
    await d.services.close()
    await rm(dir, { recursive: true, force: true })
  }
  console.log([...rows, ''].join('\n'))
}, 600_000)
