import { describe, expect, it } from 'vitest'
import { screen, waitFor } from '@testing-library/react'
import { dayRangePresets } from '@shared/rules/dayRanges'
import type { WeeklyReport } from '@shared/schemas/weekly'
import { WeeklySection } from '../../renderer/src/pages/WeeklySection'
import { fakeApi, renderWithApi } from './renderWithApi'

const row = (key: string, label: string, total: number) => ({
  key,
  label,
  total,
  class1: total,
  class2: 0,
  open: total,
  overdue: 0,
  avgResolveHours: null,
  compensationFen: 0,
  satisfaction: null,
})

function report(range: { from: string; to: string }, total: number): WeeklyReport {
  return {
    ...range,
    byDepartment: total ? [row('d1', '收银', total)] : [],
    byCategory: total ? [{ ...row('cashier_error', '收银差错', total), key: 'cashier_error' }] : [],
    total: row('total', 'total', total),
    repeatCustomers: [],
    patterns: [],
    causes: [],
    suggestions: 0,
    perDay: [],
  }
}

describe('the weekly screen', { timeout: 30_000 }, () => {
  it('opens on this week, so today’s complaints are in it', async () => {
    const week = dayRangePresets(new Date()).thisWeek
    const api = fakeApi({ 'reports:weekly': { ok: true, data: report(week, 2) } })
    renderWithApi(<WeeklySection />, api)
    await waitFor(() => expect(api['reports:weekly']).toHaveBeenCalled())
    expect(api['reports:weekly'].mock.calls[0][0]).toEqual(week)
    expect(await screen.findByText(/本周（.*）共 2 件/)).toBeInTheDocument()
    expect(screen.queryByText(/本周没有投诉/)).not.toBeInTheDocument()
  })

  it('shows a totals row under the department table', async () => {
    const week = dayRangePresets(new Date()).thisWeek
    const data = report(week, 2)
    data.byDepartment = [row('d1', '收银', 1), row('d2', '售后服务', 1)]
    renderWithApi(<WeeklySection />, fakeApi({ 'reports:weekly': { ok: true, data } }))
    const totals = await screen.findAllByRole('row', { name: /^合计/ })
    expect(totals[0]).toHaveTextContent('2')
  })
})
