// The branch process the sync test kills: it opens a data folder and pushes its outbox to head
// office in small batches, printing "batch" after each one head office committed.
//   pusher.mjs DIR URL BATCH
import pg from 'pg'
import { Store } from '../../../electron/store/store'
import { SyncWorker } from '../../../electron/headoffice/sync'

const [dir, url, batch] = process.argv.slice(2)

async function main(): Promise<void> {
  const store = await Store.open(dir)
  if (store.state !== 'ok') throw new Error(`store ${store.state}`)
  const worker = new SyncWorker({
    source: store,
    batchSize: Number(batch),
    connect: async () => {
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      return client
    },
    onStatus: (s) => process.stdout.write(`batch ${s.pending}\n`),
  })
  await worker.pushPending()
  process.stdout.write('done\n')
  await worker.stop()
  await store.close()
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack}\n`)
  process.exit(1)
})
