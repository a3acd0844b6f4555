import type { ServiceContext } from './context'

/** Walks the audit chain without holding up the start; the status reports it when done. */
export async function checkAudit(ctx: ServiceContext): Promise<void> {
  ctx.audit = { ...ctx.audit, checking: true }
  try {
    ctx.audit = ctx.store.writable ? await ctx.store.verifyAudit() : { ok: true, entries: 0 }
  } catch {
    // The log could not be read to the end (moved or unreadable): that is a broken trail too.
    ctx.audit = { ok: false, entries: ctx.store.auditEntries, brokenAt: 1 }
  }
}
