import type { Call, Channel, OutputOf } from '@shared/ipc/contract'
import { HeadOfficeState, type Secrets, type StartSync } from './headOfficeLink'
import type { OpenHeadquarters } from './headquarters'
import type { Result } from '@shared/ipc/result'
import { Store, storePolicy } from '../store'
import type { AppContext, DesktopActions, ServiceContext } from './context'
import { checkAudit } from './auditCheck'
import { createDispatch, type Dispatch, type DispatchOptions } from './dispatch'
import { Sessions } from './sessions'
import { PinGuard } from './pinGuard'
import type { PinCost } from './pin'

/** The caller tests and scripts use when they don't name one. */
export const LOCAL_CALLER = 'local'

export interface Services {
  ctx: AppContext
  /** A host's entry point: a channel name and an untrusted payload from a caller (window or tab). */
  dispatch: (channel: string, rawInput?: unknown, caller?: string) => Promise<Result<unknown>>
  /** Typed calls as LOCAL_CALLER: a mistyped channel or payload does not compile. */
  call: Call
  /** Typed calls as another caller (another window or tab). */
  as: (caller: string) => Call
  /** Whether a caller (window or tab) is signed in. */
  signedIn: (caller: string) => boolean
  /** The context a service sees for one caller (for tests of a service function itself). */
  contextFor: (caller?: string) => ServiceContext
  /** Settles once the audit chain has been walked (tests wait for it; the app does not). */
  auditChecked: Promise<void>
  close: () => Promise<void>
}

export interface ServiceOptions extends Pick<DispatchOptions, 'checkOutputs'> {
  desktop?: DesktopActions
  /** scrypt cost for new PIN hashes: tests use a cheap one so a busy machine can't time them out. */
  pinCost?: PinCost
  /** Seals head office's password (Electron safeStorage); absent in the browser host. */
  secrets?: Secrets
  /** Starts the push worker for a head office link (electron/sync.ts). */
  startSync?: StartSync
  /** Opens head office's database in head office mode (electron/headquarters.ts). */
  openHeadquarters?: OpenHeadquarters
}

/** Opens the store in `dataDir` and wires the services: what main.ts and the bridge both call. */
export async function openServices(
  dataDir: string,
  now: () => Date = () => new Date(),
  options: ServiceOptions = {},
): Promise<Services> {
  // When cases are archived and daily backups taken is policy, outside the store (docs/architecture.md, "Data").
  const policy = storePolicy()
  const store = await Store.open(dataDir, { now, policy })
  const ctx: AppContext = {
    store,
    now,
    sessions: new Sessions(),
    audit: { current: { ok: true, entries: store.auditEntries, checking: true } },
    desktop: options.desktop,
    pinCost: options.pinCost,
    pinGuard: new PinGuard(),
    headOffice: HeadOfficeState.at(dataDir, options.secrets, options.startSync, options.openHeadquarters),
  }
  // The desk never waits on head office: a failing link is reported by its status, not here.
  await ctx.headOffice.restart(ctx).catch((err: Error) => console.error('[headoffice] not started', err.message))
  const auditChecked = checkAudit(ctx)
  // The daily backup, when the policy says it is due; the branch's settings say how many to keep.
  await store.dailyBackup(now(), store.data.settings.workflow?.backupKeep ?? policy.keep)
  const raw: Dispatch = createDispatch(ctx, { checkOutputs: options.checkOutputs })
  const as =
    (caller: string): Call =>
    <C extends Channel>(channel: C, input?: unknown) =>
      raw(channel, input, caller) as Promise<Result<OutputOf<C>>>
  return {
    ctx,
    dispatch: (channel, rawInput, caller = LOCAL_CALLER) => raw(channel, rawInput, caller),
    call: as(LOCAL_CALLER),
    as,
    signedIn: (caller) => ctx.sessions.get(caller) !== null,
    contextFor: (caller = LOCAL_CALLER) => ({ ...ctx, caller, session: ctx.sessions.get(caller) }),
    auditChecked,
    close: async () => {
      await ctx.headOffice.stop()
      await store.close()
    },
  }
}
