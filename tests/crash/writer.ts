// The process the crash test kills: it saves cases as fast as it can and prints "ack <n>"
// only after each save has resolved (is on disk). Small journal limit and old closed cases,
// so folds and archiving run all the time too.
import { Store } from '../../electron/store/store'
import { appendAudit } from '../../electron/services/context'
import { generateCases } from '../../bench/data'

const [dir, startArg] = process.argv.slice(2)
const start = Number(startArg)
// 2,000 cases span 50 days: more than a third are closed and old enough to be archived.
const template = generateCases(2000, new Date('2026-11-22T02:00:00Z'), 1 + (start % 97))
const by = { id: 's1', name: '李娜' }

async function main(): Promise<void> {
  const store = await Store.open(dir, { compactAtBytes: 16_000 })
  if (store.state !== 'ok') throw new Error(`store ${store.state}: ${store.detail}`)
  for (let n = start; ; n++) {
    const c = { ...template[n % template.length], id: `w-${n}`, number: `KS-W-${n}` }
    await store.update((d) => {
      d.cases.push(c)
      appendAudit(d, { at: new Date().toISOString(), by, action: 'case.created', target: c.number })
    })
    process.stdout.write(`ack ${n}\n`)
  }
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack}\n`)
  process.exit(1)
})
