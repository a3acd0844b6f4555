import type { Playbook } from '@shared/schemas/settings'
import type { ManagerApproval } from '@shared/schemas/common'
import { resetSection, type ScriptSection } from '@shared/domain/playbook'
import { actorOf, appendAudit, approverOf, type ServiceContext } from './context'
import { diffFields } from './settings'

/**
 * The branch's scripts (docs/domain.md §6): manager only, the input already checked against
 * the Playbook schema by dispatch. The audit entry keeps each changed part before and after.
 */
export async function updateScripts(
  ctx: ServiceContext,
  input: { playbook: Playbook; approval: ManagerApproval },
): Promise<Playbook> {
  return saveScripts(ctx, 'settings.scripts', 'playbook', () => input.playbook)
}

/** Puts one section of the scripts back to the shipped defaults (恢复默认). */
export async function resetScripts(
  ctx: ServiceContext,
  input: { section: ScriptSection; approval: ManagerApproval },
): Promise<Playbook> {
  return saveScripts(ctx, 'settings.scripts.reset', `playbook.${input.section}`, (book) =>
    resetSection(book, input.section),
  )
}

async function saveScripts(
  ctx: ServiceContext,
  action: string,
  target: string,
  next: (book: Playbook) => Playbook,
): Promise<Playbook> {
  const approver = approverOf(ctx)
  const at = ctx.now().toISOString()
  return ctx.store.update((d) => {
    const before = d.settings.workflow.playbook
    const after = next(before)
    d.settings.workflow = { ...d.settings.workflow, playbook: after }
    appendAudit(d, { at, by: actorOf(ctx), action, target, approvedBy: approver, changes: diffFields(before, after) })
    return after
  })
}
