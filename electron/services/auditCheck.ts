import type { ServiceContext } from './context'

/** Walks the audit chain without holding up the start; the status reports it when done. */
export async function checkAudit(ctx: ServiceContext): Promise<void> {
  ctx.audit = { ...ctx.audit, checking: true }
  ctx.audit = ctx.store.writable ? await ctx.store.verifyAudit() : { ok: true, entries: 0 }
}
