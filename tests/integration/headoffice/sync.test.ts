// The branch's push to head office on a real PostgreSQL: every acknowledged change arrives
// once, at its newest version, through replays, a database that goes away mid-batch, and a
// branch process killed with SIGKILL mid-push.
import { beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { rm } from 'node:fs/promises'
import pg from 'pg'
import type { Case } from '@shared/schemas/case'
import { Store } from '../../../electron/store/store'
import { SyncWorker, type SyncStatus } from '../../../electron/headoffice/sync'
import { generateCases } from '../../../bench/data'
import { useTempDirs } from '../../support/tempDir'
import { buildScript } from '../../support/buildScript'
import { createBranch, createHeadOffice, NO_POSTGRES, usePostgres, type PgCluster } from '../../support/postgres'
import { recordHeadOfficeAcks } from '../../../electron/services/headOffice'
import type { AppContext } from '../../../electron/services/context'

/** A branch data folder with `n` generated cases of branch `code`, one save each ten. */
async function branchStore(dir: string, code: string, n: number, seed = 3): Promise<Store> {
  const store = await Store.open(dir)
  const cases = generateCases(n, new Date(), seed).map((c) => ({ ...c, id: `${code}-${c.id}`, branchCode: code }))
  await store.update((d) => {
    d.branch = { name: `${code} 店`, code }
    d.departments = ['前台/服务台', '收银', '售后服务', '商品部'].map((name, i) => ({
      id: `d${i}`,
      name,
      active: true,
    }))
  })
  for (let i = 0; i < n; i += 10) await store.update((d) => void d.cases.push(...cases.slice(i, i + 10)))
  return store
}

/** Changes `count` cases (a note in the timeline): each change is a new version to push. */
async function touch(store: Store, count: number, label: string): Promise<void> {
  const ids = store.data.cases.slice(0, count).map((c) => c.id)
  for (const id of ids)
    await store.update((d) => {
      d.cases = d.cases.map((c) =>
        c.id === id
          ? {
              ...c,
              timeline: [
                ...c.timeline,
                { at: new Date().toISOString(), by: { id: 's1', name: '李娜' }, action: label },
              ],
            }
          : c,
      )
    })
}

/** The newest version the outbox gave each case so far (read before anything is pushed). */
function newestVersions(store: Store, into = new Map<string, number>()): Map<string, number> {
  for (const { entry } of store.outboxPending().entries) into.set(entry.id, Math.max(into.get(entry.id) ?? 0, entry.v))
  return into
}

const connectAs = (cluster: PgCluster, user: string) => async () => {
  const client = new pg.Client({ connectionString: cluster.url(user) })
  await client.connect()
  return client
}

/** Head office holds every case of the branch exactly once, as the branch has it now, at its newest version. */
async function expectInSync(cluster: PgCluster, store: Store, versions: Map<string, number>): Promise<void> {
  const code = store.data.branch!.code
  const client = await cluster.connect('app')
  try {
    const r = await client.query<{ case_id: string; version: string; doc: Case }>(
      'SELECT case_id, version, doc FROM ho.cases WHERE branch_code = $1',
      [code],
    )
    const held = new Map(r.rows.map((row) => [row.case_id, row]))
    expect(held.size).toBe(versions.size)
    for (const [id, version] of versions) {
      const row = held.get(id)
      expect(row, id).toBeDefined()
      expect(Number(row!.version)).toBe(version)
      expect(row!.doc).toEqual(JSON.parse(JSON.stringify(await store.readCase(id))))
    }
    expect(store.outboxPending().entries).toEqual([])
  } finally {
    await client.end()
  }
}

// Real database round trips: seconds each on a loaded 2-core machine.
describe.skipIf(NO_POSTGRES)('branch sync to head office (PostgreSQL)', { timeout: 60_000 }, () => {
  const cluster = usePostgres()
  const tempDir = useTempDirs()

  beforeAll(async () => {
    for (const code of ['SH01', 'SH02', 'SH03', 'SH04', 'SH05', 'SH06', 'SH07']) await createBranch(cluster(), code)
  })

  it('pushes the outbox in batches; pushed again from the start (a lost mark) nothing changes', async () => {
    const store = await branchStore(await tempDir(), 'SH01', 300)
    const versions = newestVersions(store)
    const statuses: SyncStatus[] = []
    const worker = new SyncWorker({
      source: store,
      connect: connectAs(cluster(), 'branch_sh01'),
      batchSize: 70,
      onStatus: (s) => statuses.push(s),
    })
    expect(await worker.pushPending()).toBe(300)
    await expectInSync(cluster(), store, versions)
    expect(worker.status()).toMatchObject({ state: 'synced', pending: 0, offlineSince: null })
    expect(statuses.length).toBe(5) // ceil(300 / 70) batches
    // More changes: only those go, at their new versions.
    await touch(store, 20, 'note.added')
    newestVersions(store, versions)
    expect(await worker.pushPending()).toBe(20)
    await expectInSync(cluster(), store, versions)
    await worker.stop()
    await store.close()
    // The pushed mark lost (a crash before it was written): everything is pushed again and
    // head office takes none of it (it has every version already).
    const dir = store.dir
    await rm(join(dir, 'complaint-desk.outbox.pushed'))
    const again = await Store.open(dir)
    expect(again.outboxPending().entries.length).toBeGreaterThan(300)
    const ho = await cluster().connect('app')
    const lastWrite = "SELECT max(pushed_at) AS at, count(*) AS n FROM ho.cases WHERE branch_code = 'SH01'"
    const before = (await ho.query(lastWrite)).rows[0]
    const replay = new SyncWorker({ source: again, connect: connectAs(cluster(), 'branch_sh01'), batchSize: 70 })
    await replay.pushPending()
    expect((await ho.query(lastWrite)).rows[0]).toEqual(before)
    await ho.end()
    await expectInSync(cluster(), again, versions)
    await replay.stop()
    await again.close()
  })

  it('the database going away mid-batch and coming back: offline, then catches up by itself', async () => {
    const store = await branchStore(await tempDir(), 'SH02', 400)
    const versions = newestVersions(store)
    let queries = 0
    const statuses: SyncStatus[] = []
    const worker = new SyncWorker({
      source: store,
      batchSize: 50,
      retry: { minMs: 50, maxMs: 400 },
      pollMs: 50,
      onStatus: (s) => statuses.push(s),
      connect: async () => {
        const client = await connectAs(cluster(), 'branch_sh02')()
        const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>
        // The third batch's statement is on its way when the server is stopped (as if it crashed).
        ;(client as unknown as { query: unknown }).query = (...args: unknown[]) => {
          const sent = query(...args)
          if (++queries === 3) cluster().stop('immediate')
          return sent
        }
        return client
      },
    })
    worker.start()
    await until(() => worker.status().state === 'offline')
    const offline = worker.status()
    expect(offline.offlineSince).not.toBeNull()
    expect(offline.pending).toBeGreaterThan(0)
    // The desk keeps working offline.
    await touch(store, 30, 'offline.change')
    newestVersions(store, versions)
    await new Promise((r) => setTimeout(r, 300))
    expect(worker.status().state).toBe('offline')
    cluster().start()
    await until(() => worker.status().state === 'synced', 30_000)
    await worker.stop()
    await expectInSync(cluster(), store, versions)
    expect(statuses.some((s) => s.state === 'offline')).toBe(true)
    expect(worker.status().offlineSince).toBeNull()
    await store.close()
  }, 60_000)

  it('a case the database refuses holds up nothing: the rest go on, the refusal is said and kept, its next change retries', async () => {
    const store = await branchStore(await tempDir(), 'SH05', 40)
    // Two cases closed before they were received (a clock set wrong, say): head office's
    // constraint refuses them, whatever the app let through.
    const bad = store.data.cases.slice(5, 7).map((c) => c.id)
    const backwards = (c: Case): Case => ({
      ...c,
      workflow: { ...c.workflow, closedAt: new Date(Date.parse(c.receivedAt) - 86_400_000).toISOString() },
    })
    await store.update((d) => void (d.cases = d.cases.map((c) => (bad.includes(c.id) ? backwards(c) : c))))
    const refusals: { caseId: string; number: string }[] = []
    const worker = new SyncWorker({
      source: store,
      connect: connectAs(cluster(), 'branch_sh05'),
      batchSize: 10,
      onRefused: async (r) => void refusals.push(...r),
    })
    expect(await worker.pushPending()).toBe(38)
    expect(refusals.map((r) => r.caseId).sort()).toEqual([...bad].sort())
    const status = worker.status()
    expect(status).toMatchObject({ state: 'synced', pending: 0 })
    expect(status.refused.map((r) => r.number).sort()).toEqual(
      store.data.cases
        .filter((c) => bad.includes(c.id))
        .map((c) => c.number)
        .sort(),
    )
    expect(status.refused[0].reason).toMatch(/closed_after_received/)
    const ho = await cluster().connect('app')
    const held = async () =>
      (await ho.query("SELECT case_id FROM ho.cases WHERE branch_code = 'SH05'")).rows.map((r) => r.case_id as string)
    expect(await held()).toHaveLength(38)
    expect(await held()).not.toContain(bad[0])
    // Corrected at the branch: its next change goes like any other.
    await store.update(
      (d) =>
        void (d.cases = d.cases.map((c) =>
          c.id === bad[0] ? { ...c, workflow: { ...c.workflow, closedAt: null } } : c,
        )),
    )
    expect(await worker.pushPending()).toBe(1)
    expect(await held()).toContain(bad[0])
    expect(worker.status().refused).toHaveLength(1)
    await ho.end()
    await worker.stop()
    await store.close()
  })

  it('a save wakes the worker: it goes to head office at once, not at the next poll', async () => {
    const store = await branchStore(await tempDir(), 'SH07', 5)
    const worker = new SyncWorker({ source: store, connect: connectAs(cluster(), 'branch_sh07'), pollMs: 600_000 })
    worker.start()
    await until(() => worker.status().state === 'synced')
    await touch(store, 1, 'note.added')
    expect(worker.status().state).toBe('synced') // what it last found; the save is counted by the services
    await until(() => store.outboxPendingCount() === 0, 5_000)
    await worker.stop()
    await store.close()
  })

  it('says why head office cannot be used: a wrong password, another branch’s login', async () => {
    const store = await branchStore(await tempDir(), 'SH06', 3)
    const attempt = async (connect: () => Promise<pg.Client>) => {
      const worker = new SyncWorker({ source: store, connect, retry: { minMs: 10_000, maxMs: 10_000 } })
      worker.start()
      await until(() => worker.status().lastError !== null)
      const status = worker.status()
      await worker.stop()
      return status
    }
    const wrongPassword = async () => {
      const client = new pg.Client({
        connectionString: cluster()
          .url('branch_sh06')
          .replace(/:[^:@/]+@/, ':wrong@'),
      })
      await client.connect()
      return client
    }
    expect(await attempt(wrongPassword)).toMatchObject({ problem: 'login', pending: 3 })
    // SH05's login pushing SH06's cases: row-level security refuses every row; head office
    // answered, so this is no outage, and nothing is parked as refused.
    const other = await attempt(connectAs(cluster(), 'branch_sh05'))
    expect(other).toMatchObject({ problem: 'permission', state: 'pending', pending: 3, refused: [] })
    await store.close()
  })

  it('head office signs a Class 2 report (签收); the branch pulls it and shows it on the case, once', async () => {
    const store = await branchStore(await tempDir(), 'SH04', 20)
    const id = store.data.cases[3].id
    const by = { id: 's1', name: '李娜' }
    await store.update((d) => {
      d.cases = d.cases.map((c) =>
        c.id === id
          ? {
              ...c,
              caseClass: 2,
              workflow: {
                ...c.workflow,
                writtenReport: {
                  generatedAt: new Date().toISOString(),
                  generatedBy: by,
                  submittedTo: '总部',
                  submittedAt: null,
                },
              },
            }
          : c,
      )
    })
    const ctx = { store, now: () => new Date() } as unknown as AppContext
    const worker = new SyncWorker({
      source: store,
      connect: connectAs(cluster(), 'branch_sh04'),
      onAcks: (acks) =>
        recordHeadOfficeAcks(
          ctx,
          acks.map((a) => ({ caseId: a.caseId, at: a.ackedAt, by: a.ackedBy, comment: a.comment })),
        ),
    })
    await worker.pushPending()
    expect(await worker.pullAcks()).toBe(0)
    await createHeadOffice(cluster(), 'ho_li')
    const ho = await cluster().connect('ho_li')
    const inbox = await ho.query(
      "SELECT case_id FROM ho.cases WHERE class = 2 AND report_generated_at IS NOT NULL AND branch_code = 'SH04'",
    )
    expect(inbox.rows.map((r) => r.case_id)).toContain(id)
    await ho.query(
      "INSERT INTO ho.report_acks (branch_code, case_id, acked_by, comment) VALUES ('SH04', $1, '总部 李强', '已签收，请继续跟进回访')",
      [id],
    )
    await ho.end()
    expect(await worker.pullAcks()).toBe(1)
    const signed = (await store.readCase(id))!
    expect(signed.workflow.writtenReport?.headOfficeAck).toMatchObject({
      by: '总部 李强',
      comment: '已签收，请继续跟进回访',
    })
    expect(signed.timeline.at(-1)).toMatchObject({
      action: 'report.head_office_signed',
      detail: '已签收，请继续跟进回访',
    })
    const audit = store.auditEntries
    // Pulled again (a restart pulls everything): nothing changes.
    const again = new SyncWorker({
      source: store,
      connect: connectAs(cluster(), 'branch_sh04'),
      onAcks: (acks) =>
        recordHeadOfficeAcks(
          ctx,
          acks.map((a) => ({ caseId: a.caseId, at: a.ackedAt, by: a.ackedBy, comment: a.comment })),
        ),
    })
    expect(await again.pullAcks()).toBe(1)
    expect(store.auditEntries).toBe(audit)
    expect((await store.readCase(id))!.timeline.filter((e) => e.action === 'report.head_office_signed')).toHaveLength(1)
    // The ack is part of the case now, and goes back to head office with it.
    await worker.pushPending()
    const check = await cluster().connect('app')
    const doc = (await check.query("SELECT doc FROM ho.cases WHERE branch_code = 'SH04' AND case_id = $1", [id]))
      .rows[0].doc
    expect(doc.workflow.writtenReport.headOfficeAck.by).toBe('总部 李强')
    await check.end()
    await worker.stop()
    await again.stop()
    await store.close()
  })

  describe('SIGKILL of the branch during a push', () => {
    let pusher = ''
    beforeAll(
      async () =>
        void (pusher = await buildScript('tests/integration/headoffice/pusher.ts', 'headoffice-pusher', 'pusher')),
      60_000,
    )

    /** Runs the pusher and kills it a moment after its first committed batch; false if it finished first. */
    function pushAndKill(dir: string): Promise<boolean> {
      return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [pusher, dir, cluster().url('branch_sh03'), '25'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        let stderr = ''
        let timer: NodeJS.Timeout | null = null
        child.stdout.on('data', () => {
          timer ??= setTimeout(() => child.kill('SIGKILL'), Math.random() * 40)
        })
        child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
        child.on('error', reject)
        child.on('exit', (code, signal) => {
          if (timer) clearTimeout(timer)
          if (signal === 'SIGKILL') resolve(true)
          else if (code === 0) resolve(false)
          else reject(new Error(`pusher failed: ${stderr}`))
        })
      })
    }

    it('killed mid-push again and again, then caught up: nothing lost, nothing doubled, nothing older', async () => {
      const dir = await tempDir()
      let store = await branchStore(dir, 'SH03', 1000)
      const versions = newestVersions(store)
      await store.close()
      const client = await cluster().connect('app')
      const held = async () =>
        Number((await client.query("SELECT count(*) FROM ho.cases WHERE branch_code = 'SH03'")).rows[0].count)
      // How many cases head office held after each kill: a kill that lands mid-push leaves some, not all.
      const afterKills: number[] = []
      for (let k = 0; k < 4; k++) if (await pushAndKill(dir)) afterKills.push(await held())
      await client.end()
      expect(
        afterKills.some((n) => n > 0 && n < 1000),
        `held after each kill: ${afterKills}`,
      ).toBe(true)
      // The branch starts again (the lock of the killed process is stale) and catches up.
      store = await Store.open(dir)
      expect(store.state).toBe('ok')
      await touch(store, 10, 'after.kill')
      newestVersions(store, versions)
      const worker = new SyncWorker({ source: store, connect: connectAs(cluster(), 'branch_sh03'), batchSize: 100 })
      await worker.pushPending()
      await expectInSync(cluster(), store, versions)
      await worker.stop()
      await store.close()
    }, 120_000)
  })
})

async function until(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 20))
  }
}
