import type { BranchContacts, WorkflowPolicy, WorkflowSettings } from '@shared/schemas/settings'
import type { ManagerApproval } from '@shared/schemas/common'
import { canonical } from '../store'
import { actorOf, appendAudit, approverOf, requireSession, type ServiceContext } from './context'

export function getWorkflowSettings(ctx: ServiceContext): WorkflowSettings {
  requireSession(ctx)
  return ctx.store.data.settings.workflow
}

/**
 * Branch policy (limits, keywords, deadlines, scripts, retention): manager only. The contacts
 * are not part of it (setContacts), so a policy form never clears them.
 */
export async function updateWorkflowSettings(
  ctx: ServiceContext,
  input: { workflow: WorkflowPolicy; approval: ManagerApproval },
): Promise<WorkflowSettings> {
  const approver = approverOf(ctx)
  const at = ctx.now().toISOString()
  return ctx.store.update((d) => {
    const { managerContacts, serviceContact } = d.settings.workflow
    const workflow: WorkflowSettings = { ...input.workflow, managerContacts, serviceContact }
    const changes = diffFields(d.settings.workflow, workflow)
    d.settings.workflow = workflow
    d.settings.policyConfirmedAt = at
    appendAudit(d, {
      at,
      by: actorOf(ctx),
      action: 'settings.workflow',
      target: 'workflow',
      approvedBy: approver,
      changes,
    })
    return workflow
  })
}

/** The emergency contacts and the service phone (first asked at set-up): manager only, audited. */
export async function setContacts(
  ctx: ServiceContext,
  input: BranchContacts & { approval: ManagerApproval },
): Promise<WorkflowSettings> {
  const approver = approverOf(ctx)
  const at = ctx.now().toISOString()
  return ctx.store.update((d) => {
    const workflow: WorkflowSettings = {
      ...d.settings.workflow,
      managerContacts: input.managerContacts,
      serviceContact: input.serviceContact,
    }
    const changes = diffFields(d.settings.workflow, workflow)
    d.settings.workflow = workflow
    appendAudit(d, {
      at,
      by: actorOf(ctx),
      action: 'settings.contacts',
      target: 'workflow',
      approvedBy: approver,
      changes,
    })
    return workflow
  })
}

/** The top-level settings that changed, with their values before and after (for the audit trail). */
export function diffFields(before: object, after: object): { field: string; before: string; after: string }[] {
  const b = before as Record<string, unknown>
  const a = after as Record<string, unknown>
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => canonical(b[k]) !== canonical(a[k]))
    .map((field) => ({ field, before: canonical(b[field]) ?? '', after: canonical(a[field]) ?? '' }))
}
