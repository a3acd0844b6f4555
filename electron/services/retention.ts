import type { RetentionDue } from '@shared/schemas/retention'
import { ANONYMISED_NAME, pastRetention } from '@shared/rules/retention'
import { AppError } from './errors'
import { appendAudit, approverOf, requireSession, type ServiceContext } from './context'

type Row = RetentionDue['items'][number] & { customerName: string; phone: string }

/** Every case, live or archived, once (a live copy stands for its archived row). */
async function allRows(ctx: ServiceContext): Promise<Row[]> {
  const rows = new Map<string, Row>()
  for (const r of (await ctx.store.archived()).list()) rows.set(r.id, r)
  for (const c of ctx.store.data.cases) rows.set(c.id, c)
  return [...rows.values()]
}

/** Cases past the branch's retention period that still name their customer, oldest first. */
export async function retentionDue(ctx: ServiceContext): Promise<RetentionDue> {
  requireSession(ctx)
  const months = ctx.store.data.settings.workflow.retentionMonths ?? null
  const now = ctx.now()
  const items = (await allRows(ctx))
    .filter((r) => pastRetention(r, months, now))
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt))
    .map(({ id, number, status, category, receivedAt }) => ({ id, number, status, category, receivedAt }))
  return { months, items }
}

/**
 * Anonymises cases past the retention period (a manager's action, docs/domain.md §10): the
 * customer's name becomes 已匿名, the phone is blanked, in the case and in the corrections its
 * timeline recorded; nothing else changes and nothing is deleted. Each case gets a timeline
 * entry and an audit entry with the approver. A case not past the period is refused whole.
 */
export async function anonymiseCases(ctx: ServiceContext, input: { ids: string[] }): Promise<{ anonymised: number }> {
  const session = requireSession(ctx)
  const approver = approverOf(ctx)
  const due = new Set((await retentionDue(ctx)).items.map((r) => r.id))
  const ids = [...new Set(input.ids)]
  if (ids.some((id) => !due.has(id))) throw new AppError('NOT_ALLOWED', {}, 'refusals.anonymise_not_due')
  for (const id of ids) await ctx.store.ensureLive(id)
  const by = { id: session.staff.id, name: session.staff.name }
  const at = ctx.now().toISOString()
  await ctx.store.update((d) => {
    for (const id of ids) {
      const index = d.cases.findIndex((c) => c.id === id)
      if (index === -1) throw new AppError('NOT_FOUND')
      const c = structuredClone(d.cases[index])
      c.customerName = ANONYMISED_NAME
      c.phone = ''
      c.anonymised = { at, by: approver }
      for (const entry of c.timeline)
        for (const change of entry.changes ?? [])
          if (change.field === 'customerName' || change.field === 'phone') {
            change.before = ANONYMISED_NAME
            change.after = ANONYMISED_NAME
          }
      c.timeline.push({ at, by, action: 'anonymised' })
      d.cases[index] = c
      appendAudit(d, { at, by, action: 'case.anonymised', target: c.number, approvedBy: approver })
    }
  })
  return { anonymised: ids.length }
}
