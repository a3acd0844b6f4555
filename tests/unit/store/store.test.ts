import { describe, expect, it, vi } from 'vitest'
import { open, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DATA_FILE_NAME, JOURNAL_FILE_NAME, Store, StoreUnavailableError } from '../../../electron/store/store'
import { crashCopy } from '../../support/storeFiles'
import { CURRENT_SCHEMA_VERSION } from '../../../electron/store/schema'
import { useTempDirs } from '../../support/tempDir'

const fixedNow = () => new Date('2026-11-22T02:00:00Z')

/** The prototype of Node's FileHandle, to make one fsync fail. */
async function fileHandleProtoOf(file: string) {
  const handle = await open(file, 'r')
  const proto = Object.getPrototypeOf(handle) as { sync: () => Promise<void> }
  await handle.close()
  return proto
}
let proto: { sync: () => Promise<void> }
const FileHandleProto = () => proto

describe('the store', () => {
  const tempDir = useTempDirs()

  it('creates a versioned file on first start', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir)
    expect(store.state).toBe('ok')
    const onDisk = JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'))
    expect(onDisk.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(onDisk.cases).toEqual([])
    await store.close()
  })

  it('serialises concurrent updates: none is lost, disk equals memory', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir)
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.update((d) => {
          d.caseCounters[`day${i}`] = i
        }),
      ),
    )
    expect(Object.keys(store.data.caseCounters)).toHaveLength(25)
    // What the next start reads (live file + journal, as after a crash) equals memory.
    const copy = await crashCopy(dir, await tempDir())
    const reread = await Store.open(copy)
    expect(reread.data).toEqual(store.data)
    await reread.close()
    await store.close()
  })

  it('keeps memory and disk unchanged when a write fails', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir)
    proto = await fileHandleProtoOf(store.file)
    await store.update((d) => {
      d.caseCounters.a = 1
    })
    const journal = join(dir, JOURNAL_FILE_NAME)
    const before = await readFile(journal, 'utf8')
    const failing = vi
      .spyOn(FileHandleProto(), 'sync')
      .mockRejectedValueOnce(Object.assign(new Error('disk full'), { code: 'ENOSPC' }))
    await expect(store.update((d) => void (d.caseCounters.b = 2))).rejects.toThrow('disk full')
    failing.mockRestore()
    expect(store.data.caseCounters).toEqual({ a: 1 })
    // The half-written line was cut off again: the journal is as it was.
    expect(await readFile(journal, 'utf8')).toBe(before)
    await store.update((d) => void (d.caseCounters.c = 3))
    await store.close()
    const reread = await Store.open(dir)
    expect(reread.data.caseCounters).toEqual({ a: 1, c: 3 })
    await reread.close()
  })

  it('changes nothing when the mutation itself throws', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir)
    await expect(
      store.update((d) => {
        d.caseCounters.half = 1
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(store.data.caseCounters).toEqual({})
    await store.close()
  })

  it('survives a restart: what update() resolved is what the next start reads', async () => {
    const dir = await tempDir()
    const first = await Store.open(dir)
    await first.update((d) => {
      d.branch = { name: '静安店', code: 'SH01' }
    })
    await first.close()
    const second = await Store.open(dir)
    expect(second.data.branch).toEqual({ name: '静安店', code: 'SH01' })
    await second.close()
  })

  it('migration 2 gives v1 cases a class, their reasons and a workflow, using earlier cases as history', async () => {
    const dir = await tempDir()
    const v1Case = (n: number, description: string) => ({
      id: `c${n}`,
      number: `KS-20261120-000${n}`,
      branchCode: 'SH01',
      receivedAt: `2026-11-20T0${n}:00:00.000Z`,
      channel: 'counter',
      customerName: '王',
      phone: '13812341234',
      customerType: 'regular',
      customerStyle: '',
      mood: 'calm',
      departmentId: 'd1',
      product: '',
      receiptNo: '',
      category: 'delivery',
      description,
      demand: 'explanation',
      demandNote: '',
      situations: [],
      fault: 'unclear',
      resolvedAtDesk: 'pending',
      amountFen: null,
      status: 'received',
      caseClass: null,
      createdAt: `2026-11-20T0${n}:00:00.000Z`,
      createdBy: { id: 's', name: '李' },
      timeline: [],
    })
    const v1 = {
      schemaVersion: 1,
      appliedMigrations: [],
      branch: null,
      settings: { locale: 'zh-CN' },
      staff: [],
      departments: [],
      audit: [],
      caseCounters: {},
      cases: [v1Case(1, '送货晚了'), v1Case(2, '顾客说要找律师')],
    }
    await writeFile(join(dir, DATA_FILE_NAME), JSON.stringify(v1))
    const store = await Store.open(dir, { now: fixedNow })
    expect(store.state).toBe('ok')
    const [first, second] = store.data.cases
    expect(first).toMatchObject({
      caseClass: 1,
      claimFen: null,
      workflow: { proposedClass: 1, reasons: [], commitments: [] },
    })
    // The second: same phone as the first (repeat customer) and a lawyer mentioned.
    expect(second.caseClass).toBe(2)
    expect(second.workflow.reasons.map((r) => r.rule)).toEqual(['external_threat', 'repeat_customer'])
    expect(store.data.settings.workflow.authorityLimitFen).toBe(10000)
    expect((await readdir(join(dir, 'backups'))).filter((f) => /^complaint-desk\..*\.json$/.test(f))).toEqual([
      expect.stringMatching(/^complaint-desk\.v1\./),
    ])
    await store.close()
  })

  it('leaves the file untouched when a migration cannot read it', async () => {
    const dir = await tempDir()
    const content = JSON.stringify({
      schemaVersion: 1,
      staff: [],
      departments: [],
      audit: [],
      caseCounters: {},
      cases: [42],
    })
    await writeFile(join(dir, DATA_FILE_NAME), content)
    const store = await Store.open(dir)
    expect(store.state).toBe('corrupt')
    expect(store.detail).toMatch(/migration failed/)
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(content)
    await store.close()
  })

  it.each([
    ['invalid JSON', '{"schemaVersion":1,"cases":[{"id":'],
    ['a JSON array', '[1,2,3]'],
    ['missing collections', '{"schemaVersion":1,"cases":"oops"}'],
  ])('refuses to write over %s and leaves the file byte-for-byte', async (_label, content) => {
    const dir = await tempDir()
    await writeFile(join(dir, DATA_FILE_NAME), content)
    const store = await Store.open(dir)
    expect(store.state).toBe('corrupt')
    await expect(store.update((d) => void (d.caseCounters.x = 1))).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(content)
    await store.close()
  })

  it('reads but never writes a file from a newer version', async () => {
    const dir = await tempDir()
    const content = JSON.stringify({
      schemaVersion: 99,
      staff: [],
      departments: [],
      cases: [],
      audit: [],
      caseCounters: {},
    })
    await writeFile(join(dir, DATA_FILE_NAME), content)
    const store = await Store.open(dir)
    expect(store.state).toBe('too_new')
    await expect(store.update(() => undefined)).rejects.toBeInstanceOf(StoreUnavailableError)
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(content)
    await store.close()
  })

  it('lets only one instance write a data directory; a stale lock is taken over', async () => {
    const dir = await tempDir()
    const first = await Store.open(dir)
    const second = await Store.open(dir)
    expect(second.state).toBe('locked')
    await expect(second.update(() => undefined)).rejects.toBeInstanceOf(StoreUnavailableError)
    await first.close()
    await writeFile(join(dir, 'complaint-desk.lock'), '999999999') // no such process
    const third = await Store.open(dir)
    expect(third.state).toBe('ok')
    await third.close()
  })
})
