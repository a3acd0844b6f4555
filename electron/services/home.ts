import { HOME_HANDOVER_CASES, type HomeSummary, type LastHandover } from '@shared/schemas/home'
import type { Handover } from '@shared/schemas/handover'
import { requireSession, type ServiceContext } from './context'
import { openCasesView } from './caseRecord'
import { refusalFor } from '@shared/rules/lifecycle'

/**
 * The home screen: escalations, overdue promises, promises due today, open cases by class,
 * and the last handover's notes for the shift that took over.
 */
export function homeSummary(ctx: ServiceContext): HomeSummary {
  requireSession(ctx)
  const now = ctx.now()
  const endOfDay = new Date(now)
  endOfDay.setHours(23, 59, 59, 999)
  const { open, summaries, commitments } = openCasesView(ctx)
  const due = (x: (typeof commitments)[number]) => new Date(x.commitment.dueAt)
  return {
    escalated: summaries.filter((s) => s.flags.escalated),
    overdueCommitments: commitments.filter((x) => due(x) < now),
    commitmentsDueToday: commitments.filter((x) => due(x) >= now && due(x) <= endOfDay),
    overdueCases: summaries.filter((s) => s.flags.overdue.some((o) => o !== 'commitment')),
    openByClass: {
      class1: open.filter((c) => c.caseClass === 1).length,
      class2: open.filter((c) => c.caseClass === 2).length,
    },
    viewCounts: {
      urgent: summaries.filter((s) => s.urgent).length,
      overdue: summaries.filter((s) => s.flags.overdue.length > 0).length,
      follow_up: open.filter((c) => refusalFor(c, 'recordFollowUp') === null).length,
    },
    lastHandover: lastHandover(ctx.store.data.handovers.at(-1)),
  }
}

/** The handover for the home page: its notes in full, its open cases only the first few (the page stays light). */
function lastHandover(h: Handover | undefined): LastHandover | null {
  if (!h) return null
  const { id, at, outgoing, incoming, notes, snapshot } = h
  return {
    id,
    at,
    outgoing,
    incoming,
    notes,
    openCases: snapshot.openCases.slice(0, HOME_HANDOVER_CASES),
    openCount: snapshot.openCases.length,
  }
}
