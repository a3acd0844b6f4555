import type { HomeSummary } from '@shared/schemas/home'
import { OPEN_STATUSES } from '@shared/rules/status'
import { requireSession, type ServiceContext } from './context'
import { toSummary } from './caseRecord'

/** The home screen: escalations, overdue promises, promises due today, open cases by class. */
export function homeSummary(ctx: ServiceContext): HomeSummary {
  requireSession(ctx)
  const now = ctx.now()
  const endOfDay = new Date(now)
  endOfDay.setHours(23, 59, 59, 999)
  const open = ctx.store.data.cases.filter((c) => OPEN_STATUSES.includes(c.status))
  const summaries = new Map(open.map((c) => [c.id, toSummary(ctx, c)]))
  const commitments = open.flatMap((c) =>
    c.workflow.commitments.filter((m) => m.status === 'open').map((m) => ({ case: summaries.get(c.id)!, commitment: m })),
  )
  const byDue = (a: { commitment: { dueAt: string } }, b: { commitment: { dueAt: string } }) => a.commitment.dueAt.localeCompare(b.commitment.dueAt)
  return {
    escalated: [...summaries.values()].filter((s) => s.flags.escalated),
    overdueCommitments: commitments.filter((x) => new Date(x.commitment.dueAt) < now).sort(byDue),
    commitmentsDueToday: commitments.filter((x) => new Date(x.commitment.dueAt) >= now && new Date(x.commitment.dueAt) <= endOfDay).sort(byDue),
    overdueCases: [...summaries.values()].filter((s) => s.flags.overdue.some((o) => o !== 'commitment')),
    openByClass: { class1: open.filter((c) => c.caseClass === 1).length, class2: open.filter((c) => c.caseClass === 2).length },
  }
}
