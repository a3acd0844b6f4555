import { Store } from '../store/store'
import { verifyChain } from '../store/auditChain'
import type { DesktopActions, ServiceContext } from './context'
import { createDispatch, type Dispatch } from './dispatch'

export interface Services {
  ctx: ServiceContext
  dispatch: Dispatch
  close: () => Promise<void>
}

/** Opens the store in `dataDir` and wires the services: what main.ts and the bridge both call. */
export async function openServices(dataDir: string, now: () => Date = () => new Date(), desktop?: DesktopActions): Promise<Services> {
  const store = await Store.open(dataDir, { now })
  const ctx: ServiceContext = { store, now, session: null, audit: verifyChain(store.data.audit), desktop }
  await store.dailyBackup(now(), store.data.settings.workflow?.backupKeep)
  return { ctx, dispatch: createDispatch(ctx), close: () => store.close() }
}
