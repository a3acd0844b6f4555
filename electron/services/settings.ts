import type { WorkflowSettings } from '@shared/schemas/settings'
import type { ManagerApproval } from '@shared/schemas/common'
import { approveAsManager } from './auth'
import { actorOf, appendAudit, requireSession, type ServiceContext } from './context'

export function getWorkflowSettings(ctx: ServiceContext): WorkflowSettings {
  requireSession(ctx)
  return ctx.store.data.settings.workflow
}

/** Branch policy (limits, keywords, contacts, deadlines, scripts): manager only. */
export async function updateWorkflowSettings(ctx: ServiceContext, input: { workflow: WorkflowSettings; approval: ManagerApproval }): Promise<WorkflowSettings> {
  const approver = await approveAsManager(ctx, input.approval)
  const at = ctx.now().toISOString()
  await ctx.store.update((d) => {
    d.settings.workflow = input.workflow
    appendAudit(d, { at, by: actorOf(ctx), action: 'settings.workflow', target: 'workflow', approvedBy: approver })
  })
  return input.workflow
}
