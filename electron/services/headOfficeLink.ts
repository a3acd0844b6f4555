import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  HeadOfficeView,
  NO_SYNC,
  type SetHeadOfficeInput,
  type SyncStatusView,
  type WorkerStatus,
} from '@shared/schemas/headOffice'
import { z } from 'zod'
import { v } from '@shared/values/messages'
import { lacksPassword } from '@shared/rules/headOfficeLink'
import { writeFileDurable } from '../store'
import { AppError } from './errors'
import { approverOf, appendAudit, requireSession, type AppContext, type ServiceContext } from './context'
import { HqUnavailable, type HqDatabase, type OpenHeadquarters } from './headquarters'

export const HEAD_OFFICE_FILE_NAME = 'complaint-desk.headoffice.json'

/** Seals the password where the OS can (Electron safeStorage); the browser host has none. */
export interface Secrets {
  encrypt(plain: string): string
  decrypt(sealed: string): string
}

/** A connection with its password in clear, for the worker only (never sent to a screen). */
export type HeadOfficeLink = Omit<HeadOfficeView, 'passwordSet' | 'passwordStorage'> & { password: string }

/** The running push worker, as the services see it (electron/sync.ts makes one). */
export interface SyncHandle {
  status(): WorkerStatus
  stop(): Promise<void>
}
export type StartSync = (ctx: AppContext, link: HeadOfficeLink) => SyncHandle

const Stored = HeadOfficeView.omit({ passwordSet: true, passwordStorage: true }).extend({
  password: z.union([z.object({ sealed: z.string() }), z.object({ file: z.string() })]).nullable(),
})
type Stored = z.infer<typeof Stored>

/**
 * The link's state in the services: the file's content, the secrets and, by what the
 * installation is, the push worker (a branch) or head office's database (head office mode,
 * where the link's login is a head office role and nothing is pushed).
 */
export class HeadOfficeState {
  private worker: SyncHandle | null = null
  private ctx: AppContext | null = null
  private hq: HqDatabase | null = null
  /** Head office mode: how the database last answered (its status line). */
  private hqSeen: { at: string | null; offlineSince: string | null; error: HqUnavailable | null } = {
    at: null,
    offlineSince: null,
    error: null,
  }
  constructor(
    private readonly file: string,
    private readonly secrets: Secrets | undefined,
    private readonly startSync: StartSync | undefined,
    private readonly openHeadquarters: OpenHeadquarters | undefined = undefined,
  ) {}

  static at(
    dataDir: string,
    secrets?: Secrets,
    startSync?: StartSync,
    openHeadquarters?: OpenHeadquarters,
  ): HeadOfficeState {
    return new HeadOfficeState(join(dataDir, HEAD_OFFICE_FILE_NAME), secrets, startSync, openHeadquarters)
  }

  async read(): Promise<Stored | null> {
    const text = await readFile(this.file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null
      throw err
    })
    return text === null ? null : Stored.parse(JSON.parse(text))
  }

  /** Written like every data file: whole, 0600, fsynced and renamed into place. */
  write(stored: Stored): Promise<void> {
    return writeFileDurable(this.file, JSON.stringify(stored, null, 2))
  }

  seal(password: string): Stored['password'] {
    return this.secrets ? { sealed: this.secrets.encrypt(password) } : { file: password }
  }

  private unseal(p: Stored['password']): string {
    if (!p) return ''
    return 'sealed' in p ? (this.secrets?.decrypt(p.sealed) ?? '') : p.file
  }

  view(s: Stored): HeadOfficeView {
    const { password, ...rest } = s
    return { ...rest, passwordSet: password !== null, passwordStorage: this.secrets ? 'encrypted' : 'file' }
  }

  /**
   * (Re)starts what the link is for: a branch's push worker, or head office's database in
   * head office mode. Stopped when the link is off or has no password.
   */
  async restart(ctx: AppContext): Promise<void> {
    await this.stop()
    const s = await this.read().catch(() => null)
    if (!s || !s.enabled || !s.password) return
    const { password, ...rest } = s
    const link = { ...rest, password: this.unseal(password) }
    this.ctx = ctx
    if (ctx.store.data.branch?.kind === 'headoffice') {
      this.hqSeen = { at: null, offlineSince: null, error: null }
      this.hq = this.openHeadquarters?.(link) ?? null
      // Said at once whether it answers (the status line), without holding anything up.
      const db = this.hq
      void db?.branches().then(
        () => this.hq === db && this.reached(ctx.now(), null),
        (err: Error) =>
          this.hq === db &&
          this.reached(ctx.now(), err instanceof HqUnavailable ? err : new HqUnavailable(err.message)),
      )
      return
    }
    if (this.startSync) this.worker = this.startSync(ctx, link)
  }

  /** Head office mode: the database, when a link is set (null otherwise). */
  headquarters(): HqDatabase | null {
    return this.hq
  }

  /** Head office mode: the database answered (`error` null) or could not be used. */
  reached(now: Date, error: HqUnavailable | null): void {
    const at = now.toISOString()
    this.hqSeen = error
      ? { at: this.hqSeen.at, offlineSince: this.hqSeen.offlineSince ?? at, error }
      : { at, offlineSince: null, error: null }
  }

  /** The worker's last finding, with the outbox counted now (a save just made is 待同步 at once). */
  status(): SyncStatusView {
    if (this.hq) {
      // Head office pushes nothing: reachable or not, as the last read found it.
      const { at, offlineSince, error } = this.hqSeen
      return {
        ...NO_SYNC,
        state: offlineSince ? 'offline' : 'connected',
        offlineSince,
        lastError: error?.message ?? null,
        problem: error?.problem ?? null,
        lastPushAt: at,
      }
    }
    const found = this.worker?.status()
    if (!found || !this.ctx) return NO_SYNC
    const pending = this.ctx.store.outboxPendingCount()
    return { ...found, pending, state: found.state === 'offline' ? 'offline' : pending > 0 ? 'pending' : 'synced' }
  }

  async stop(): Promise<void> {
    const w = this.worker
    const hq = this.hq
    this.worker = null
    this.hq = null
    await w?.stop()
    await hq?.close().catch(() => {})
  }
}

export async function getHeadOffice(ctx: ServiceContext, state: HeadOfficeState): Promise<HeadOfficeView | null> {
  requireSession(ctx)
  const s = await state.read()
  return s && state.view(s)
}

/** Sets the link (a manager's action): audited without the password; the worker restarts on it. */
export async function setHeadOffice(
  ctx: ServiceContext,
  state: HeadOfficeState,
  input: SetHeadOfficeInput,
): Promise<HeadOfficeView> {
  const session = requireSession(ctx)
  const approver = approverOf(ctx)
  const { password, approval: _a, ...link } = input
  const before = await state.read()
  if (lacksPassword(input, Boolean(before?.password)))
    throw new AppError('VALIDATION', {}, v.linkPassword, [{ path: 'password', message: v.linkPassword }])
  const stored: Stored = { ...link, password: password ? state.seal(password) : (before?.password ?? null) }
  await state.write(stored)
  await ctx.store.update((d) =>
    appendAudit(d, {
      at: ctx.now().toISOString(),
      by: { id: session.staff.id, name: session.staff.name },
      action: 'settings.headoffice',
      target: `${link.user}@${link.host}:${link.port}/${link.database} ${link.enabled ? 'on' : 'off'}${password ? ' (password changed)' : ''}`,
      approvedBy: approver,
    }),
  )
  await state.restart(ctx)
  return state.view(stored)
}
