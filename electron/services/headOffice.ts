import type { HeadOfficeAck } from '@shared/schemas/workflow'
import type { AppContext } from './context'
import { appendAudit } from './context'

/** A 签收 as the sync pulls it from head office: the case and head office's ack. */
export interface PulledAck extends HeadOfficeAck {
  caseId: string
}

/**
 * Records head office's 签收 of Class 2 written reports on the cases (issue 16): the ack goes on
 * the case's written report, a timeline entry and an audit entry say who at head office signed
 * and what they wrote. Acks already recorded, and cases this branch does not have (or without a
 * written report), are left alone, so pulling the same acks again changes nothing.
 * Returns how many cases changed.
 */
export async function recordHeadOfficeAcks(ctx: AppContext, acks: readonly PulledAck[]): Promise<number> {
  const wanted = acks.filter((a) => {
    const c = ctx.store.data.cases.find((x) => x.id === a.caseId)
    return !c || c.workflow.writtenReport?.headOfficeAck?.at !== a.at
  })
  if (wanted.length === 0) return 0
  for (const a of wanted) await ctx.store.ensureLive(a.caseId)
  return ctx.store.update((d) => {
    let changed = 0
    const at = ctx.now().toISOString()
    for (const a of wanted) {
      const index = d.cases.findIndex((x) => x.id === a.caseId)
      const report = index === -1 ? null : d.cases[index].workflow.writtenReport
      if (!report || report.headOfficeAck?.at === a.at) continue
      const c = structuredClone(d.cases[index])
      d.cases[index] = c
      const ack = { at: a.at, by: a.by, comment: a.comment }
      c.workflow.writtenReport = { ...report, headOfficeAck: ack }
      const by = { id: 'head-office', name: a.by }
      c.timeline.push({ at, by, action: 'report.head_office_signed', ...(a.comment ? { detail: a.comment } : {}) })
      appendAudit(d, { at, by, action: 'case.report.head_office_signed', target: c.number })
      changed++
    }
    return changed
  })
}
