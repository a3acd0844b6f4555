import { describe, expect, it } from 'vitest'
import type { HqWeekRow } from '@shared/schemas/headquarters'
import { busiestBranches } from '@shared/rules/hqWeek'

const row = (branchCode: string, total: number) => ({ branchCode, total }) as HqWeekRow

describe('busiestBranches (head office 周报 chart)', () => {
  it('the most complaints first, ties by branch code, at most n, none without complaints', () => {
    const rows = [row('SH02', 3), row('BJ01', 0), row('GZ01', 5), row('SH01', 3), row('HZ01', 1)]
    expect(busiestBranches(rows, 3).map((b) => b.branchCode)).toEqual(['GZ01', 'SH01', 'SH02'])
    expect(busiestBranches(rows, 10).map((b) => b.branchCode)).toEqual(['GZ01', 'SH01', 'SH02', 'HZ01'])
    expect(rows[0].branchCode).toBe('SH02') // the caller's list is left as it was
  })
})
