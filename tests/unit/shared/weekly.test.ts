import { describe, expect, it } from 'vitest'
import { lastWeek, weeklyFigureTexts, weeklyReport } from '@shared/rules/weekly'
import { dayRangePresets } from '@shared/rules/dayRanges'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { emptyWorkflow } from '@shared/schemas/workflow'
import type { Case } from '@shared/schemas/case'
import { makeCase } from '../../support/factories'

const at = (d: number, h = 10) => new Date(2026, 10, d, h).toISOString()
const staff = { id: 's', name: '李娜' }
const depts = [
  { id: 'd1', name: '收银' },
  { id: 'd2', name: '售后服务' },
]

function kase(o: Partial<Case>, w: Partial<Case['workflow']> = {}): Case {
  return makeCase({ ...o, workflow: { ...emptyWorkflow(), ...w } })
}

describe('the weekly department report', () => {
  it('defaults to last Monday to Sunday', () => {
    expect(lastWeek(new Date(2026, 10, 23))).toEqual({ from: '2026-11-16', to: '2026-11-22' }) // a Monday
    expect(lastWeek(new Date(2026, 10, 22))).toEqual({ from: '2026-11-09', to: '2026-11-15' }) // a Sunday
  })

  it('counts a case received today in this week’s figures (the screen never says 本周没有投诉 then)', () => {
    const now = new Date(2026, 10, 26, 9, 30)
    const today = kase({ receivedAt: new Date(2026, 10, 26, 9, 5).toISOString(), departmentId: 'd1' })
    const { thisWeek } = dayRangePresets(now)
    const r = weeklyReport([today], thisWeek, depts, (c) => c, DEFAULT_WORKFLOW_SETTINGS, now)
    expect(r.total.total).toBe(1)
    expect(weeklyReport([today], lastWeek(now), depts, (c) => c, DEFAULT_WORKFLOW_SETTINGS, now).total.total).toBe(0)
  })

  it('counts per department and category, classes, open, resolve time, cost and satisfaction', () => {
    const offer = {
      id: 'o',
      items: [],
      restoreFen: 1000,
      goodwillFen: 2000,
      source: 'custom' as const,
      status: 'executed' as const,
      offeredAt: at(17),
      offeredBy: staff,
      approvedBy: null,
      capReason: '',
      decidedAt: null,
      decidedBy: null,
      execution: null,
    }
    const cases = [
      kase(
        {
          departmentId: 'd1',
          category: 'cashier_error',
          caseClass: 1,
          receivedAt: at(16),
          status: 'closed',
          phone: '13800000001',
        },
        {
          resolvedAt: at(16, 12),
          followUp: { method: 'phone', satisfaction: 5, remarks: '', at: at(17), by: staff },
          offers: [offer],
        },
      ),
      kase({
        departmentId: 'd1',
        category: 'cashier_error',
        caseClass: 2,
        receivedAt: at(18),
        status: 'in_progress',
        phone: '13800000001',
      }),
      kase(
        { departmentId: 'd2', category: 'delivery', caseClass: 1, receivedAt: at(20), status: 'resolved', phone: '' },
        { resolvedAt: at(20, 16), followUp: { method: 'phone', satisfaction: 3, remarks: '', at: at(21), by: staff } },
      ),
      kase({ departmentId: 'd2', category: 'delivery', caseClass: 1, receivedAt: at(22, 23), status: 'voided' }),
      kase({ departmentId: 'd2', category: 'delivery', caseClass: 1, receivedAt: at(23), status: 'received' }), // next week
    ]
    const r = weeklyReport(
      cases,
      { from: '2026-11-16', to: '2026-11-22' },
      depts,
      (c) => c,
      DEFAULT_WORKFLOW_SETTINGS,
      new Date(2026, 10, 23),
    )
    expect(r.total).toMatchObject({
      total: 3,
      class1: 2,
      class2: 1,
      open: 2,
      avgResolveHours: 4,
      compensationFen: 3000,
      satisfaction: 4,
    })
    expect(r.byDepartment.map((d) => [d.label, d.total, d.class2])).toEqual([
      ['收银', 2, 1],
      ['售后服务', 1, 0],
    ])
    expect(r.byCategory.map((c) => [c.key, c.total])).toEqual([
      ['cashier_error', 2],
      ['delivery', 1],
    ])
    expect(r.repeatCustomers).toEqual([{ phoneMasked: '138****0001', name: '王秀英', count: 2 }])
    expect(r.perDay).toHaveLength(7)
    expect(r.perDay.map((d) => d.count)).toEqual([1, 0, 1, 0, 1, 0, 0])
    // The in-progress Class 2 case is past 24 h without a first response: overdue.
    expect(r.byDepartment[0].overdue).toBe(1)
    // The screen and the PDF print the same texts: ¥ with fen, one decimal of satisfaction out of 5.
    expect(weeklyFigureTexts(r.total)).toEqual(['3', '2', '1', '2', '1', '4', '¥30.00', '4.0/5'])
    expect(weeklyFigureTexts(r.byDepartment[0])).toEqual(['2', '1', '1', '1', '1', '2', '¥30.00', '5.0/5'])
  })

  it('counts cause codes per category in the material order, with those left without one (docs/domain.md §3a)', () => {
    const week = { from: '2026-11-16', to: '2026-11-22' }
    const cases = [
      kase({ category: 'cashier_error', cause: 'double_scan', receivedAt: at(16) }),
      kase({ category: 'cashier_error', cause: 'short_change', receivedAt: at(17) }),
      kase({ category: 'cashier_error', cause: 'short_change', receivedAt: at(18) }),
      kase({ category: 'cashier_error', cause: '', receivedAt: at(18) }),
      kase({ category: 'service_attitude', cause: 'impolite', receivedAt: at(19) }),
      kase({ category: 'product_quality', receivedAt: at(19) }), // logged before causes existed
      kase({ category: 'delivery', receivedAt: at(20) }), // a category without causes
      kase({ category: 'service_attitude', cause: 'impolite', receivedAt: at(20), status: 'voided' }),
      kase({ category: 'cashier_error', cause: 'slow_checkout', receivedAt: at(23) }), // next week
    ]
    const r = weeklyReport(cases, week, depts, (c) => c, DEFAULT_WORKFLOW_SETTINGS, new Date(2026, 10, 23))
    expect(r.causes).toEqual([
      { category: 'product_quality', cause: null, count: 1 },
      { category: 'service_attitude', cause: 'impolite', count: 1 },
      { category: 'cashier_error', cause: 'short_change', count: 2 },
      { category: 'cashier_error', cause: 'double_scan', count: 1 },
      { category: 'cashier_error', cause: null, count: 1 },
    ])
  })

  it('lists categories seen 3 or more times as patterns, and handles an empty week', () => {
    const three = [16, 17, 18].map((d) =>
      kase({ category: 'delivery', receivedAt: at(d), departmentId: 'd2', phone: '' }),
    )
    expect(
      weeklyReport(
        three,
        { from: '2026-11-16', to: '2026-11-22' },
        depts,
        (c) => c,
        DEFAULT_WORKFLOW_SETTINGS,
        new Date(2026, 10, 23),
      ).patterns,
    ).toEqual([{ category: 'delivery', count: 3 }])
    const empty = weeklyReport(
      [],
      { from: '2026-11-16', to: '2026-11-22' },
      depts,
      (c) => c,
      DEFAULT_WORKFLOW_SETTINGS,
      new Date(2026, 10, 23),
    )
    expect(empty).toMatchObject({
      byDepartment: [],
      byCategory: [],
      total: { total: 0, avgResolveHours: null, satisfaction: null },
    })
    expect(weeklyFigureTexts(empty.total)).toEqual(['0', '0', '0', '0', '0', '—', '¥0.00', '—'])
  })
})
