// npm run bench: time to make the Class 2 report (first and warm) and the weekly report over
// 1,000 cases, each printed with its ratio to a baseline measured in the same run.
import { it } from 'vitest'
import { createI18n } from '@shared/i18n'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { CATEGORIES } from '@shared/values/options'
import { weeklyReport } from '@shared/rules/weekly'
import { emptyWorkflow } from '@shared/schemas/workflow'
import type { Case, CaseDetail } from '@shared/schemas/case'
import { renderPdf } from '../electron/pdf/render'
import { buildClass2Report } from '../electron/pdf/docs/class2Report'
import { buildWeeklyReport } from '../electron/pdf/docs/weeklyReport'
import { makeCase, NO_FLAGS } from '../tests/support/factories'
import { timed as time } from './timing'

const t = createI18n('zh-CN').t as never
const branch = { name: '静安寺店', code: 'SH01', serviceContact: '021-62345678' }
const staff = { id: 's1', name: '李娜' }
const DESCRIPTIONS = [
  '结账时收银员少找了十元零钱，顾客当场指出后态度冷淡。',
  '约好上午送货，下午三点还没到，电话也打不通。',
  '买的电饭煲用了三天就不加热了，要求换货。',
  '试衣间门口没有人引导，排队二十分钟。',
]

function cases(n: number, start: Date): Case[] {
  return Array.from({ length: n }, (_, i) => {
    const at = new Date(start.getTime() + (i % 7) * 86_400_000 + (i % 600) * 60_000).toISOString()
    const w = {
      ...emptyWorkflow(),
      resolvedAt: i % 3 === 0 ? new Date(Date.parse(at) + 5 * 3600_000).toISOString() : null,
    }
    if (i % 5 === 0) w.followUp = { method: 'phone', satisfaction: 1 + (i % 5), remarks: '', at, by: staff }
    return makeCase({
      receivedAt: at,
      category: CATEGORIES[i % CATEGORIES.length],
      departmentId: `d${i % 4}`,
      phone: `139${String(10_000_000 + (i % 700)).padStart(8, '0')}`,
      description: DESCRIPTIONS[i % DESCRIPTIONS.length],
      caseClass: i % 4 === 0 ? 2 : 1,
      status: i % 3 === 0 ? 'resolved' : 'in_progress',
      workflow: w,
    })
  })
}

it('reports benchmark', async () => {
  const start = new Date(2026, 10, 16)
  const data = cases(1000, start)
  const detail: CaseDetail = {
    ...data[0],
    caseClass: 2,
    departmentName: '收银',
    flags: NO_FLAGS,
  }
  detail.timeline = Array.from({ length: 20 }, (_, i) => ({
    at: detail.receivedAt,
    by: staff,
    action: i % 2 ? 'step.listen' : 'commitment.added',
    detail: '明天下午回电告知结果',
  }))
  const departments = [0, 1, 2, 3].map((i) => ({ id: `d${i}`, name: ['前台/服务台', '收银', '售后服务', '商品部'][i] }))

  // Baseline: the smallest PDF the same pipeline makes (one line, same font).
  const baseline = await time(() => renderPdf({ content: ['基准'] }), 12)
  const class2 = await time(() => renderPdf(buildClass2Report(detail, branch, '2026-11-22T03:00:00.000Z', t)), 12)
  const figuresOnly = await time(
    () =>
      weeklyReport(
        data,
        { from: '2026-11-16', to: '2026-11-22' },
        departments,
        (c) => c,
        DEFAULT_WORKFLOW_SETTINGS,
        new Date(2026, 10, 23),
      ),
    12,
  )
  const weekly = await time(
    () =>
      renderPdf(
        buildWeeklyReport(
          weeklyReport(
            data,
            { from: '2026-11-16', to: '2026-11-22' },
            departments,
            (c) => c,
            DEFAULT_WORKFLOW_SETTINGS,
            new Date(2026, 10, 23),
          ),
          branch,
          t,
        ),
      ),
    12,
  )
  const row = (name: string, r: { first: number; median: number; p95: number }) =>
    `${name.padEnd(42)} first ${r.first.toFixed(0).padStart(5)} ms   median ${r.median.toFixed(0).padStart(5)} ms   p95 ${r.p95.toFixed(0).padStart(5)} ms   ×${(r.median / baseline.median).toFixed(1)} baseline`
  console.log(
    [
      '',
      row('baseline: one-line PDF (same font)', baseline),
      row('Class 2 written report (20-entry timeline)', class2),
      row('weekly figures over 1,000 cases (no PDF)', figuresOnly),
      row('weekly report PDF over 1,000 cases', weekly),
      `RSS after: ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`,
      '',
    ].join('\n'),
  )
}, 120_000)
