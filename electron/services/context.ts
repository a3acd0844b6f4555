import type { Session } from '@shared/schemas/staff'
import type { Store } from '../store/store'
import type { AuditEntry, DbData } from '../store/schema'
import { AppError } from './errors'

/** What every service shares: the store, the clock and this host's signed-in user. */
export interface ServiceContext {
  store: Store
  now: () => Date
  session: Session | null
}

export function requireSession(ctx: ServiceContext): Session {
  if (!ctx.session) throw new AppError('UNAUTHENTICATED')
  return ctx.session
}

export function actorOf(ctx: ServiceContext): { id: string; name: string } | null {
  return ctx.session ? { id: ctx.session.staff.id, name: ctx.session.staff.name } : null
}

export function appendAudit(draft: DbData, entry: AuditEntry): void {
  draft.audit.push(entry)
}
