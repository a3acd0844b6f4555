import { randomUUID } from 'node:crypto'
import type { Case, CaseDetail } from '@shared/schemas/case'
import type { Commitment } from '@shared/schemas/workflow'
import { parseLocalDateTime } from '@shared/values/localTime'
import { changeCase, refuse } from './caseRecord'
import type { ServiceContext } from './context'

/** A promise to the customer, with an owner and a due time (docs/domain.md §8). */
export function addCommitment(
  ctx: ServiceContext,
  input: { id: string; what: string; owner: string; dueAt: string },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'addCommitment', (c, by, at) => {
    c.workflow.commitments.push({
      id: randomUUID(),
      what: input.what,
      owner: input.owner,
      dueAt: parseLocalDateTime(input.dueAt)!.toISOString(),
      status: 'open',
      createdAt: at,
      createdBy: by,
      keptAt: null,
      reagreed: [],
    })
    return { action: 'commitment.added', detail: input.what }
  })
}

/** The commitment still open on the case, or a refusal saying why not. */
function openCommitment(c: Case, commitmentId: string): Commitment {
  const m = c.workflow.commitments.find((x) => x.id === commitmentId)
  if (!m) refuse('no_commitment')
  if (m.status === 'kept') refuse('commitment_kept')
  return m
}

export function keepCommitment(ctx: ServiceContext, input: { id: string; commitmentId: string }): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'keepCommitment', (c, _by, at) => {
    const m = openCommitment(c, input.commitmentId)
    m.status = 'kept'
    m.keptAt = at
    return { action: 'commitment.kept', detail: m.what }
  })
}

/** A new time agreed with the customer, with the reason; the old time stays on record. */
export function reagreeCommitment(
  ctx: ServiceContext,
  input: { id: string; commitmentId: string; dueAt: string; reason: string },
): Promise<CaseDetail> {
  return changeCase(ctx, input.id, 'reagreeCommitment', (c, by, at) => {
    const m = openCommitment(c, input.commitmentId)
    const toDueAt = parseLocalDateTime(input.dueAt)!.toISOString()
    m.reagreed.push({ at, by, fromDueAt: m.dueAt, toDueAt, reason: input.reason })
    m.dueAt = toDueAt
    return { action: 'commitment.reagreed', detail: `${m.what}：${input.reason}` }
  })
}
