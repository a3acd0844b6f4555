import type { ManagerApproval } from '@shared/schemas/common'
import type { BackupRow } from '@shared/schemas/backups'
import { listBackups, readBackup } from '../store/backups'
import { interpret } from '../store/store'
import { verifyChain } from '../store/auditChain'
import { AppError } from './errors'
import { approveAsManager } from './auth'
import { actorOf, appendAudit, requireSession, type ServiceContext } from './context'

/** The backups on disk, newest first, each checked the way a restore would check it. */
export async function backupList(ctx: ServiceContext): Promise<BackupRow[]> {
  requireSession(ctx)
  const dir = ctx.store.dir
  return Promise.all(
    (await listBackups(dir)).map(async (b) => {
      const found = interpret(await readBackup(dir, b.name), ctx.now())
      return { ...b, usable: found.kind === 'ok', cases: found.kind === 'ok' ? found.data.cases.length : 0 }
    }),
  )
}

export async function createBackup(ctx: ServiceContext, input: { approval: ManagerApproval }): Promise<BackupRow> {
  const approver = await approveAsManager(ctx, input.approval)
  const now = ctx.now()
  // The audit entry goes in first, so the backup itself records who made it.
  await ctx.store.update((d) => appendAudit(d, { at: now.toISOString(), by: actorOf(ctx), action: 'backup.created', target: 'manual', approvedBy: approver }))
  const name = await ctx.store.backup('manual', now)
  const row = (await backupList(ctx)).find((b) => b.name === name)
  if (!row) throw new AppError('INTERNAL')
  return row
}

/**
 * Manager only. The current data is backed up first ('pre-restore'); afterwards everyone signs
 * in again, since the staff list is the backup's.
 */
export async function restoreBackup(ctx: ServiceContext, input: { name: string; approval: ManagerApproval }): Promise<null> {
  const approver = await approveAsManager(ctx, input.approval)
  const rows = await backupList(ctx)
  const row = rows.find((b) => b.name === input.name)
  if (!row) throw new AppError('NOT_FOUND')
  if (!row.usable) throw new AppError('NOT_ALLOWED', {}, 'refusals.backup_unusable')
  const now = ctx.now()
  const by = actorOf(ctx)
  await ctx.store.restore(input.name, now, (d) =>
    appendAudit(d, { at: now.toISOString(), by, action: 'backup.restored', target: input.name, approvedBy: approver }),
  )
  ctx.audit = verifyChain(ctx.store.data.audit)
  ctx.session = null
  return null
}
