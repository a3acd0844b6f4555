import type { AppStatus } from '@shared/ipc/contract'
import type { Locale } from '@shared/schemas/staff'
import { actorOf, appendAudit, type ServiceContext } from './context'
import { setupNeeded } from './staff'
import { activeElevation } from '@shared/rules/elevation'

/** What the window needs before anything else: the store's state, the branch, who is signed in here. */
export function appStatus(ctx: ServiceContext): AppStatus {
  const { store } = ctx
  return {
    store: {
      state: store.state,
      dataFile: store.file,
      detail: store.detail,
      recovery: store.recovery,
      missing: store.missing,
      unreadSaves: [...store.unreadSaves],
      setAside: store.setAside,
      notices: store.notices,
      archiveProblems: store.archiveProblems,
    },
    setupNeeded: store.state === 'ok' && setupNeeded(ctx),
    branch: store.data.branch,
    mode: store.data.branch?.kind ?? 'branch',
    locale: ctx.sessions.localeOf(ctx.caller) ?? store.data.settings.locale,
    // An elevation that ran out is not shown (main refuses it anyway).
    session: ctx.session && { ...ctx.session, elevation: activeElevation(ctx.session.elevation, ctx.now()) },
    // Checked when the data was opened; later entries are chained by the app itself.
    audit: { ...ctx.audit.current, entries: Math.max(ctx.audit.current.entries, store.auditEntries) },
    host: ctx.desktop ? 'desktop' : 'browser',
  }
}

/**
 * The branch's language, changed by someone signed in (audited); before sign-in the choice
 * holds for this window only and nothing is written.
 */
export async function setLocale(ctx: ServiceContext, locale: Locale): Promise<Locale> {
  if (!ctx.session) {
    ctx.sessions.setLocale(ctx.caller, locale)
    return locale
  }
  ctx.sessions.setLocale(ctx.caller, null)
  await ctx.store.update((d) => {
    const before = d.settings.locale
    d.settings.locale = locale
    if (before !== locale) {
      appendAudit(d, {
        at: ctx.now().toISOString(),
        by: actorOf(ctx),
        action: 'settings.locale',
        target: 'locale',
        changes: [{ field: 'locale', before, after: locale }],
      })
    }
  })
  return locale
}

/** Signs out this window or tab only. */
export function signOut(ctx: ServiceContext): null {
  ctx.sessions.end(ctx.caller)
  return null
}
