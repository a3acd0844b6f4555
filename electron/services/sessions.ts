import type { Locale, Session } from '@shared/schemas/staff'

/**
 * Who is signed in, per caller: one Electron window or one browser tab. A new tab or window
 * starts signed out, and signing in in one never changes who is signed in in another.
 */
export class Sessions {
  private readonly byCaller = new Map<string, Session>()
  /** A language chosen before sign-in: kept for that window only, never written to the store. */
  private readonly locales = new Map<string, Locale>()

  get(caller: string): Session | null {
    return this.byCaller.get(caller) ?? null
  }

  set(caller: string, session: Session): void {
    this.byCaller.set(caller, session)
  }

  end(caller: string): void {
    this.byCaller.delete(caller)
  }

  localeOf(caller: string): Locale | null {
    return this.locales.get(caller) ?? null
  }

  setLocale(caller: string, locale: Locale | null): void {
    if (locale) this.locales.set(caller, locale)
    else this.locales.delete(caller)
  }

  /** Changes every session (a new name shows at once wherever it is signed in or approving). */
  updateAll(change: (s: Session) => Session): void {
    for (const [caller, s] of this.byCaller) this.byCaller.set(caller, change(s))
  }

  /** Signs one member of staff out everywhere (their account was deactivated). */
  endStaff(staffId: string): void {
    for (const [caller, s] of [...this.byCaller]) if (s.staff.id === staffId) this.byCaller.delete(caller)
  }

  /** After a restore the staff list may differ: everyone signs in again. */
  endAll(): void {
    this.byCaller.clear()
  }
}
