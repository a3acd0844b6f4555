import type { BackupRow, SetAside } from '@shared/schemas/backups'
import { BackupIncompleteError, BackupUnusableError, StoreUnavailableError, type BackupInfo } from '../store'
import { checkAudit } from './auditCheck'
import { AppError } from './errors'
import { actorOf, appendAudit, approverOf, requireSession, type ServiceContext } from './context'

/** A backup as the list shows it: the store's description from its backup index (no backup is read). */
function describe(b: BackupInfo): BackupRow {
  const { name, label, takenAt, size, usable, cases, liveCases, archivedCases, months } = b
  return { name, label, takenAt, size, usable, cases, liveCases, archivedCases, months }
}

/** The backups on disk, newest first. */
export async function backupList(ctx: ServiceContext): Promise<BackupRow[]> {
  requireSession(ctx)
  return (await ctx.store.listBackups()).map(describe)
}

export async function createBackup(ctx: ServiceContext): Promise<BackupRow> {
  const approver = approverOf(ctx)
  const now = ctx.now()
  const entry = { at: now.toISOString(), by: actorOf(ctx), target: 'manual', approvedBy: approver }
  // The trail says what happened (issue 15 point 14): created once the backup is whole, or failed and why.
  let name: string
  try {
    name = await ctx.store.backup('manual', now)
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw err
    const reason = err instanceof Error ? err.message : String(err)
    await ctx.store.update((d) =>
      appendAudit(d, { ...entry, action: 'backup.failed', changes: [{ field: 'reason', before: '', after: reason }] }),
    )
    throw new AppError('NOT_ALLOWED', { reason }, 'refusals.backup_failed')
  }
  await ctx.store.update((d) => appendAudit(d, { ...entry, action: 'backup.created' }))
  const info = (await ctx.store.listBackups()).find((b) => b.name === name)
  if (!info) throw new AppError('INTERNAL')
  return describe(info)
}

/**
 * Manager only. The current data is backed up first ('pre-restore'); afterwards everyone signs
 * in again, since the staff list is the backup's.
 */
export async function restoreBackup(ctx: ServiceContext, input: { name: string }): Promise<null> {
  const approver = approverOf(ctx)
  if (!(await ctx.store.listBackups()).some((b) => b.name === input.name)) throw new AppError('NOT_FOUND')
  const now = ctx.now()
  const by = actorOf(ctx)
  // The store checks the backup (parse, shape, migration) before anything is written.
  try {
    await ctx.store.restore(input.name, now, (d) =>
      appendAudit(d, {
        at: now.toISOString(),
        by,
        action: 'backup.restored',
        target: input.name,
        approvedBy: approver,
      }),
    )
  } catch (err) {
    if (err instanceof BackupIncompleteError) throw new AppError('NOT_ALLOWED', {}, 'refusals.backup_incomplete')
    if (err instanceof BackupUnusableError) throw new AppError('NOT_ALLOWED', {}, 'refusals.backup_unusable')
    throw err
  }
  void checkAudit(ctx)
  ctx.sessions.endAll()
  return null
}

/**
 * Manager only. What the start recovered (a backup put back) or set aside (unreadable saves)
 * is shown to everyone until a manager says it has been read; that is audited, with what it
 * said. The files set aside stay where they are.
 */
export async function acknowledgeRecovery(ctx: ServiceContext): Promise<null> {
  const approver = approverOf(ctx)
  const { recovery, unreadSaves, setAside } = ctx.store
  const told = [
    ...(recovery ? [`backup ${recovery.backup}`] : []),
    ...(setAside ? [`set aside in ${setAside.folder}`] : []),
    ...unreadSaves.map((u) => `${u.saves} unread saves in ${u.file}`),
  ]
  await ctx.store.update((d) =>
    appendAudit(d, {
      at: ctx.now().toISOString(),
      by: actorOf(ctx),
      action: 'recovery.acknowledged',
      target: told.join('; ') || 'none',
      approvedBy: approver,
    }),
  )
  await ctx.store.acknowledgeRecovery()
  return null
}

/**
 * Data missing (issue 15, point 3): the live file is gone but earlier data is there, so nobody
 * can sign in and first-run set-up is refused. Anyone at the desk may have the newest usable
 * backup put back, through the same recovery as a damaged file (what was found is set aside,
 * never removed); it is audited, and the notice says which backup until a manager acknowledges it.
 */
export async function restoreMissing(ctx: ServiceContext): Promise<null> {
  if (ctx.store.state !== 'missing') throw new AppError('NOT_ALLOWED')
  let recovery
  try {
    recovery = await ctx.store.restoreMissing()
  } catch (err) {
    if (err instanceof BackupUnusableError) throw new AppError('NOT_ALLOWED', {}, 'refusals.backup_unusable')
    throw err
  }
  await ctx.store.update((d) =>
    appendAudit(d, {
      at: ctx.now().toISOString(),
      by: null,
      action: 'data.restoredMissing',
      target: recovery.backup,
    }),
  )
  void checkAudit(ctx)
  return null
}

/**
 * Damaged or missing data that no backup can replace (issue 14: the damaged-data screen was a
 * dead end). Anyone at the desk may have it all set aside whole (store.startAfresh) and start
 * as a new installation: first-run set-up follows. The new trail's first entry says where the
 * old data went, and the notice names the folder until a manager acknowledges it.
 */
export async function startAfresh(ctx: ServiceContext): Promise<SetAside> {
  let setAside: SetAside
  try {
    setAside = await ctx.store.startAfresh()
  } catch (err) {
    if (err instanceof StoreUnavailableError) throw new AppError('NOT_ALLOWED', {}, 'refusals.fresh_start_refused')
    throw err
  }
  await ctx.store.update((d) =>
    appendAudit(d, { at: ctx.now().toISOString(), by: null, action: 'data.startedAfresh', target: setAside.folder }),
  )
  void checkAudit(ctx)
  return setAside
}
