import type { AppContext } from './context'

/** Walks the audit chain without holding up the start; the status reports it when done. */
export async function checkAudit(ctx: AppContext): Promise<void> {
  const audit = ctx.audit
  audit.current = { ...audit.current, checking: true }
  try {
    audit.current = ctx.store.writable ? await ctx.store.verifyAudit() : { ok: true, entries: 0 }
  } catch {
    // The log could not be read to the end (moved or unreadable): that is a broken trail too.
    audit.current = { ok: false, entries: ctx.store.auditEntries, brokenAt: 1 }
  }
}
