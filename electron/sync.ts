// The head office push worker wired to the services (issue 16): main.ts and the browser host
// both pass this to openServices, which starts it for the link in the data folder.
import { connector, SyncWorker } from './headoffice/sync'
import { markReportsAtHeadOffice, recordHeadOfficeAcks, recordRefusedByHeadOffice } from './services/headOffice'
import type { StartSync } from './services/headOfficeLink'

export const startSync: StartSync = (ctx, link) => {
  const worker = new SyncWorker({
    source: ctx.store,
    connect: connector({ ...link, caFile: link.caFile || undefined, connectTimeoutMs: 10_000 }),
    onAcks: (acks) =>
      recordHeadOfficeAcks(
        ctx,
        acks.map((a) => ({ caseId: a.caseId, at: a.ackedAt, by: a.ackedBy, comment: a.comment })),
      ),
    onPushed: (docs) => markReportsAtHeadOffice(ctx, docs),
    onRefused: (refused) => recordRefusedByHeadOffice(ctx, refused),
  })
  worker.start()
  return worker
}
