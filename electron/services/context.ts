import type { Session } from '@shared/schemas/staff'
import { chainAfter, type AuditEntry, type AuditVerdict, type Draft, type Store } from '../store'
import { AppError } from './errors'

/** Things only the desktop app can do with a file (none in the browser host, which downloads). */
export interface DesktopActions {
  savePdf(fileName: string, bytes: Buffer): Promise<{ saved: boolean; path: string | null }>
  openPdf(path: string): Promise<boolean>
  printPdf(fileName: string, bytes: Buffer): Promise<boolean>
}

/** What every service shares: the store, the clock and this host's signed-in user. */
export interface ServiceContext {
  desktop?: DesktopActions
  store: Store
  now: () => Date
  session: Session | null
  /**
   * The audit chain as found when the data was opened (an edited file is reported, not
   * fixed). A long trail is walked in the background: `checking` until that is done.
   */
  audit: AuditVerdict & { checking?: boolean }
}

export function requireSession(ctx: ServiceContext): Session {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED')
  return ctx.session
}

export function actorOf(ctx: ServiceContext): { id: string; name: string } | null {
  return ctx.session ? { id: ctx.session.staff.id, name: ctx.session.staff.name } : null
}

/** The only way entries join the audit trail: append-only and hash-chained. */
export function appendAudit(draft: Draft, entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>): void {
  draft.audit.push(chainAfter(draft.audit.at(-1) ?? draft.auditHead, entry))
}
