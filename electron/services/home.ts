import { HOME_HANDOVER_CASES, type HomeSummary, type LastHandover } from '@shared/schemas/home'
import type { Handover } from '@shared/schemas/handover'
import { requireSession, type ServiceContext } from './context'
import { openCasesView } from './caseRecord'
import { inCaseView } from '@shared/rules/caseViews'
import { setupChecklist } from '@shared/rules/setupChecklist'
import type { CaseView } from '@shared/schemas/case'

/**
 * The home screen: escalations, overdue promises, promises due today, open cases by class,
 * the last handover's notes for the shift that took over, and what is left to set up.
 */
export async function homeSummary(ctx: ServiceContext): Promise<HomeSummary> {
  const session = requireSession(ctx)
  const now = ctx.now()
  const endOfDay = new Date(now)
  endOfDay.setHours(23, 59, 59, 999)
  const { open, summaries, commitments } = openCasesView(ctx)
  const due = (x: (typeof commitments)[number]) => new Date(x.commitment.dueAt)
  // The tiles count what the list's views hold, by the list's own rule (rules/caseViews).
  const views = { me: session.staff.id, now, settings: ctx.store.data.settings.workflow }
  const count = (view: CaseView) => open.filter((c) => inCaseView(view, c, views)).length
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
      urgent: count('urgent'),
      overdue: count('overdue'),
      follow_up: count('follow_up'),
    },
    lastHandover: lastHandover(ctx.store.data.handovers.at(-1)),
    setup: await setupLeft(ctx),
  }
}

/** The setup checklist from the data as it stands (rules/setupChecklist). */
async function setupLeft(ctx: ServiceContext): Promise<HomeSummary['setup']> {
  const { staff, settings } = ctx.store.data
  const backups = await ctx.store.listBackups()
  return setupChecklist({
    staff,
    managerContacts: settings.workflow.managerContacts,
    serviceContact: settings.workflow.serviceContact,
    policyConfirmedAt: settings.policyConfirmedAt,
    backupLabels: backups.map((b) => b.label),
  })
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
