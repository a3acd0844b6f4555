import type { Session } from '@shared/schemas/staff'
import type { HeadOfficeState } from './headOfficeLink'
import type { StaffRef } from '@shared/schemas/common'
import type { Sessions } from './sessions'
import type { PinCost } from './pin'
import type { PinGuard } from './pinGuard'
import { chainAfter, type AuditEntry, type AuditVerdict, type Draft, type Store } from '../store'
import { AppError } from './errors'

/** Things only the desktop app can do with a file (none in the browser host, which downloads). */
export interface DesktopActions {
  savePdf(fileName: string, bytes: Buffer): Promise<{ saved: boolean; path: string | null }>
  openPdf(path: string): Promise<boolean>
  printPdf(fileName: string, bytes: Buffer): Promise<boolean>
}

export type AuditStatus = AuditVerdict & { checking?: boolean }

/** What every call shares: the store, the clock, who is signed in where, the audit check. */
export interface AppContext {
  desktop?: DesktopActions
  store: Store
  now: () => Date
  sessions: Sessions
  /**
   * The audit chain as found when the data was opened (an edited file is reported, not
   * fixed). A long trail is walked in the background: `checking` until that is done.
   */
  audit: { current: AuditStatus }
  /** scrypt cost for new PIN hashes (default in pin.ts); tests pass a cheap one. */
  pinCost?: PinCost
  /** One PIN check at a time per person, failures counted even when the store can't write. */
  pinGuard: PinGuard
  /** The link to head office and its push worker (issue 16). */
  headOffice: HeadOfficeState
}

/** One call: the shared context plus who is calling (a window or a browser tab) and as whom. */
export interface ServiceContext extends AppContext {
  caller: string
  session: Session | null
  /** The manager whose approval dispatch checked, on a manager channel. */
  approver?: StaffRef
}

export function requireSession(ctx: ServiceContext): Session {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED')
  return ctx.session
}

/** Signs the caller in (only this window or tab). */
export function startSession(ctx: ServiceContext, session: Session): void {
  ctx.sessions.set(ctx.caller, session)
  ctx.session = session
}

/** The manager who approved this call; dispatch checked the PIN before the handler ran. */
export function approverOf(ctx: ServiceContext): StaffRef {
  if (!ctx.approver) throw new AppError('FORBIDDEN')
  return ctx.approver
}

export function actorOf(ctx: ServiceContext): { id: string; name: string } | null {
  return ctx.session ? { id: ctx.session.staff.id, name: ctx.session.staff.name } : null
}

/** The only way entries join the audit trail: append-only and hash-chained. */
export function appendAudit(draft: Draft, entry: Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'>): void {
  draft.audit.push(chainAfter(draft.audit.at(-1) ?? draft.auditHead, entry))
}
