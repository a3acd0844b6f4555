import { randomUUID } from 'node:crypto'
import type { SuggestionDraft, SuggestionView } from '@shared/schemas/suggestion'
import { dayKey } from '@shared/rules/caseNumber'
import { parseLocalDateTime } from '@shared/values/localTime'
import { normalizePhone } from '@shared/values/phone'
import { v } from '@shared/values/messages'
import type { DbData } from '../store'
import { AppError } from './errors'
import { refuse } from './caseRecord'
import { appendAudit, requireSession, type ServiceContext } from './context'

type Stored = DbData['suggestions'][number]

const view = (data: Readonly<DbData>, s: Stored): SuggestionView => ({
  ...s,
  departmentName: data.departments.find((d) => d.id === s.departmentId)?.name ?? '',
})

/**
 * Records a customer's suggestion or opinion (建议/意见, docs/domain.md §3a): its own number
 * (JY-…, a per-day sequence; nothing is ever deleted, so a count never repeats), audited, and
 * never counted as a complaint.
 */
export async function createSuggestion(ctx: ServiceContext, draft: SuggestionDraft): Promise<SuggestionView> {
  const session = requireSession(ctx)
  if (draft.departmentId && !ctx.store.data.departments.some((d) => d.id === draft.departmentId && d.active))
    throw new AppError('VALIDATION', {}, 'errors.VALIDATION', [{ path: 'departmentId', message: v.choose }])
  const now = ctx.now()
  const by = { id: session.staff.id, name: session.staff.name }
  const created = await ctx.store.update((d) => {
    const day = dayKey(now)
    const sequence = d.suggestions.filter((s) => dayKey(new Date(s.createdAt)) === day).length + 1
    const record: Stored = {
      ...draft,
      phone: normalizePhone(draft.phone),
      id: randomUUID(),
      number: `JY-${day}-${String(sequence).padStart(4, '0')}`,
      receivedAt: parseLocalDateTime(draft.receivedAt)!.toISOString(),
      createdAt: now.toISOString(),
      createdBy: by,
      reply: null,
      voided: null,
    }
    d.suggestions.push(record)
    appendAudit(d, { at: now.toISOString(), by, action: 'suggestion.created', target: record.number })
    return record
  })
  return view(ctx.store.data, created)
}

export function listSuggestions(ctx: ServiceContext): SuggestionView[] {
  requireSession(ctx)
  const data = ctx.store.data
  return [...data.suggestions].reverse().map((s) => view(data, s))
}

/** Replies or voids one suggestion: a changed copy replaces it (stored records are never edited in place). */
async function changeSuggestion(
  ctx: ServiceContext,
  id: string,
  action: 'replied' | 'voided',
  change: (s: Stored, by: { id: string; name: string }, at: string) => Partial<Stored>,
): Promise<SuggestionView> {
  const session = requireSession(ctx)
  const by = { id: session.staff.id, name: session.staff.name }
  const at = ctx.now().toISOString()
  const changed = await ctx.store.update((d) => {
    const i = d.suggestions.findIndex((s) => s.id === id)
    if (i < 0) throw new AppError('NOT_FOUND')
    const before = d.suggestions[i]
    if (before.voided) refuse('suggestion_voided')
    const after = { ...before, ...change(before, by, at) }
    d.suggestions[i] = after
    appendAudit(d, { at, by, action: `suggestion.${action}`, target: after.number })
    return after
  })
  return view(ctx.store.data, changed)
}

export const replySuggestion = (ctx: ServiceContext, input: { id: string; text: string }) =>
  changeSuggestion(ctx, input.id, 'replied', (_s, by, at) => ({ reply: { text: input.text, at, by } }))

export const voidSuggestion = (ctx: ServiceContext, input: { id: string; reason: string }) =>
  changeSuggestion(ctx, input.id, 'voided', (_s, by, at) => ({ voided: { reason: input.reason, at, by } }))
