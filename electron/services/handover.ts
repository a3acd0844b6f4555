import { randomUUID } from 'node:crypto'
import type { Handover, HandoverSnapshot } from '@shared/schemas/handover'
import { AppError } from './errors'
import { checkPin } from './auth'
import { appendAudit, requireSession, type ServiceContext } from './context'
import { openCasesView } from './caseRecord'

/** Open cases, commitments due within the next `hours` (and overdue ones), escalations. */
export function prepareHandover(ctx: ServiceContext, hours: number): HandoverSnapshot {
  requireSession(ctx)
  const until = ctx.now().getTime() + hours * 3600_000
  const { summaries, commitments } = openCasesView(ctx)
  const commitmentsDue = commitments.filter((x) => new Date(x.commitment.dueAt).getTime() <= until)
  return {
    openCases: summaries,
    commitmentsDue,
    escalations: summaries.filter((s) => s.flags.escalated),
    windowHours: hours,
  }
}

/** The incoming clerk signs off with their own PIN; the sheet keeps what was handed over. */
export async function submitHandover(
  ctx: ServiceContext,
  input: { hours: number; notes: string; incoming: { staffId: string; pin: string } },
): Promise<Handover> {
  const session = requireSession(ctx)
  if (input.incoming.staffId === session.staff.id)
    throw new AppError('NOT_ALLOWED', {}, 'refusals.handover_same_person')
  const incoming = await checkPin(ctx, input.incoming.staffId, input.incoming.pin)
  const handover: Handover = {
    id: randomUUID(),
    at: ctx.now().toISOString(),
    outgoing: { id: session.staff.id, name: session.staff.name },
    incoming: { id: incoming.id, name: incoming.name },
    notes: input.notes,
    snapshot: prepareHandover(ctx, input.hours),
  }
  await ctx.store.update((d) => {
    d.handovers.push(handover)
    appendAudit(d, {
      at: handover.at,
      by: handover.outgoing,
      action: 'handover.signed',
      target: handover.id,
      approvedBy: handover.incoming,
    })
  })
  return handover
}

export function listHandovers(ctx: ServiceContext): Handover[] {
  requireSession(ctx)
  return [...ctx.store.data.handovers].reverse()
}

export function getHandover(ctx: ServiceContext, id: string): Handover {
  requireSession(ctx)
  const found = ctx.store.data.handovers.find((h) => h.id === id)
  if (!found) throw new AppError('NOT_FOUND')
  return found
}
