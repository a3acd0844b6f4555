// The process the crash test kills: it saves cases as fast as it can and prints "ack <n>"
// only after each save has resolved (is on disk). Small journal limit and old closed cases,
// so folds and archiving run all the time too.
//   writer.mjs DIR START             saves from case START on until killed
//   writer.mjs DIR seed START        saves 300 cases, a 'manual' backup, 60 more; prints "seeded <backup>"
//   writer.mjs DIR backup K          takes a backup, killed at its K-th file-changing call
//   writer.mjs DIR restore K NAME    restores backup NAME, killed at its K-th file-changing call
//   writer.mjs DIR recover K         opens the store (which recovers a damaged live file), killed at its K-th file-changing call
import { Store } from '../../electron/store/store'
import { appendAudit } from '../../electron/services/context'
import { generateCases } from '../../bench/data'
import { arm, counted, installSteps } from './steps'

const [dir, mode, ...rest] = process.argv.slice(2)
const by = { id: 's1', name: '李娜' }
const template = (start: number) => generateCases(2000, new Date('2026-11-22T02:00:00Z'), 1 + (start % 97))

async function save(store: Store, cases: ReturnType<typeof generateCases>, n: number): Promise<void> {
  const c = { ...cases[n % cases.length], id: `w-${n}`, number: `KS-W-${n}` }
  await store.update((d) => {
    d.cases.push(c)
    appendAudit(d, { at: new Date().toISOString(), by, action: 'case.created', target: c.number })
  })
  process.stdout.write(`ack ${n}\n`)
}

async function open(): Promise<Store> {
  const store = await Store.open(dir, { compactAtBytes: 16_000 })
  if (store.state !== 'ok') throw new Error(`store ${store.state}: ${store.detail}`)
  return store
}

async function main(): Promise<void> {
  if (mode === 'seed') {
    const start = Number(rest[0])
    const cases = template(start)
    const store = await open()
    for (let n = start; n < start + 300; n++) await save(store, cases, n)
    const name = await store.backup('manual', new Date())
    for (let n = start + 300; n < start + 360; n++) await save(store, cases, n)
    await store.close()
    process.stdout.write(`seeded ${name}\n`)
    return
  }
  if (mode === 'backup' || mode === 'restore') {
    await installSteps()
    const store = await open()
    arm(Number(rest[0]))
    if (mode === 'backup') await store.backup('manual', new Date())
    else
      await store.restore(rest[1], new Date(), (d) =>
        appendAudit(d, { at: new Date().toISOString(), by, action: 'backup.restored', target: rest[1] }),
      )
    process.stdout.write(`done ${counted()}\n`)
    process.exit(0)
  }
  if (mode === 'recover') {
    await installSteps()
    arm(Number(rest[0]))
    await open()
    process.stdout.write(`done ${counted()}\n`)
    process.exit(0)
  }
  const start = Number(mode)
  const store = await open()
  const cases = template(start)
  for (let n = start; ; n++) await save(store, cases, n)
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`)
  process.exit(1)
})
