import type { HqWeekRow } from '../schemas/headquarters'

/** The figures head office's 周报 gives each branch and the chain, in the order it shows them. */
export const HQ_WEEK_FIGURES = ['total', 'class1', 'class2', 'urgent', 'open', 'overdue'] as const

/**
 * The `n` branches with the most complaints, most first (the code breaks ties), for the 周报's
 * chart on screen and on paper; a branch with none is not drawn.
 */
export function busiestBranches(rows: readonly HqWeekRow[], n: number): HqWeekRow[] {
  return rows
    .filter((b) => b.total > 0)
    .sort((a, b) => b.total - a.total || a.branchCode.localeCompare(b.branchCode))
    .slice(0, n)
}
