import type { WorkflowSettings } from '@shared/schemas/settings'
import type { ManagerApproval } from '@shared/schemas/common'
import { canonical } from '../store'
import { actorOf, appendAudit, approverOf, requireSession, type ServiceContext } from './context'

export function getWorkflowSettings(ctx: ServiceContext): WorkflowSettings {
  requireSession(ctx)
  return ctx.store.data.settings.workflow
}

/** Branch policy (limits, keywords, contacts, deadlines, scripts): manager only. */
export async function updateWorkflowSettings(
  ctx: ServiceContext,
  input: { workflow: WorkflowSettings; approval: ManagerApproval },
): Promise<WorkflowSettings> {
  const approver = approverOf(ctx)
  const at = ctx.now().toISOString()
  await ctx.store.update((d) => {
    const changes = diffFields(d.settings.workflow, input.workflow)
    d.settings.workflow = input.workflow
    appendAudit(d, {
      at,
      by: actorOf(ctx),
      action: 'settings.workflow',
      target: 'workflow',
      approvedBy: approver,
      changes,
    })
  })
  return input.workflow
}

/** The top-level settings that changed, with their values before and after (for the audit trail). */
export function diffFields(before: object, after: object): { field: string; before: string; after: string }[] {
  const b = before as Record<string, unknown>
  const a = after as Record<string, unknown>
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => canonical(b[k]) !== canonical(a[k]))
    .map((field) => ({ field, before: canonical(b[field]) ?? '', after: canonical(a[field]) ?? '' }))
}
