import type { HeadOfficeAck } from '@shared/schemas/workflow'
import type { Case } from '@shared/schemas/case'
import { afterReport, invariantViolations, refusalFor } from '@shared/rules/lifecycle'
import type { AppContext } from './context'
import { appendAudit } from './context'

/** Who head office is in a case's timeline and audit (no staff member of this branch). */
const HEAD_OFFICE = { id: 'head-office', name: '总部' }

/**
 * A Class 2 written report counts as submitted once head office has it (issue 16): after a push,
 * each case whose pushed document carries its written report (the one generated now, not yet
 * marked submitted) is marked submitted to 总部 at that moment, through the lifecycle's own rule
 * (a resolved case becomes reported). A report generated after the worker read the case for its
 * batch waits for the next batch. The change is pushed in turn; doing it twice changes nothing.
 * Returns how many cases changed.
 */
export async function markReportsAtHeadOffice(ctx: AppContext, pushed: readonly Case[]): Promise<number> {
  const ready = (c: Case) =>
    c.workflow.writtenReport !== null &&
    c.workflow.writtenReport.submittedAt === null &&
    refusalFor(c, 'submitWrittenReport') === null
  // Which report each pushed document carries (most batches: none).
  const held = new Map<string, string>()
  for (const c of pushed) if (c.workflow.writtenReport) held.set(c.id, c.workflow.writtenReport.generatedAt)
  if (held.size === 0) return 0
  const atHeadOffice = (c: Case) => held.has(c.id) && held.get(c.id) === c.workflow.writtenReport?.generatedAt
  const wanted = new Set(ctx.store.data.cases.filter((c) => atHeadOffice(c) && ready(c)).map((c) => c.id))
  if (wanted.size === 0) return 0
  return ctx.store.update((d) => {
    const at = ctx.now().toISOString()
    let changed = 0
    for (const [index, before] of d.cases.entries()) {
      if (!wanted.has(before.id) || !ready(before)) continue
      const c = structuredClone(before)
      c.workflow.writtenReport = { ...c.workflow.writtenReport!, submittedTo: HEAD_OFFICE.name, submittedAt: at }
      afterReport(c, { at, by: HEAD_OFFICE })
      if (invariantViolations(c).length > 0) continue
      d.cases[index] = c
      c.timeline.push({ at, by: HEAD_OFFICE, action: 'report.written_submitted', detail: HEAD_OFFICE.name })
      appendAudit(d, { at, by: HEAD_OFFICE, action: 'case.report.written_submitted', target: c.number })
      changed++
    }
    return changed
  })
}

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
  const wanted: PulledAck[] = []
  for (const a of acks) {
    // An archived case is read from its month file: brought back live only if the ack is new to it.
    const c = ctx.store.data.cases.find((x) => x.id === a.caseId) ?? (await ctx.store.readCase(a.caseId))
    if (c?.workflow.writtenReport && c.workflow.writtenReport.headOfficeAck?.at !== a.at) wanted.push(a)
  }
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

/**
 * Cases head office's database refused by its rules (issue 16): one audit entry each, with the
 * database's reason, so the refusal outlives the status line. The cases themselves are not
 * touched (a change would queue them again, to be refused again); their next change retries.
 */
export async function recordRefusedByHeadOffice(
  ctx: AppContext,
  refused: readonly { number: string; reason: string }[],
): Promise<void> {
  await ctx.store.update((d) => {
    const at = ctx.now().toISOString()
    for (const r of refused)
      appendAudit(d, { at, by: HEAD_OFFICE, action: 'headoffice.refused', target: `${r.number}: ${r.reason}` })
  })
}
