import { Store } from '../store'
import type { DesktopActions, ServiceContext } from './context'
import { checkAudit } from './auditCheck'
import { createDispatch, type Dispatch } from './dispatch'

export interface Services {
  ctx: ServiceContext
  dispatch: Dispatch
  /** Settles once the audit chain has been walked (tests wait for it; the app does not). */
  auditChecked: Promise<void>
  close: () => Promise<void>
}

/** Opens the store in `dataDir` and wires the services: what main.ts and the bridge both call. */
export async function openServices(
  dataDir: string,
  now: () => Date = () => new Date(),
  desktop?: DesktopActions,
): Promise<Services> {
  const store = await Store.open(dataDir, { now })
  const ctx: ServiceContext = {
    store,
    now,
    session: null,
    audit: { ok: true, entries: store.auditEntries, checking: true },
    desktop,
  }
  const auditChecked = checkAudit(ctx)
  await store.dailyBackup(now(), store.data.settings.workflow?.backupKeep)
  return { ctx, dispatch: createDispatch(ctx), auditChecked, close: () => store.close() }
}
