// Issue 15 point 7: archive damage is found at start (from the month list and counts the live
// file records, no month parsed), reported by month, and the rest keeps working.
import { describe, expect, it } from 'vitest'
import { rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Case } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { Store } from '../../../electron/store/store'
import { makeCase } from '../../support/factories'
import { useTempDirs } from '../../support/tempDir'
import { CLERK_PIN, openTestServices, setUpBranch, unwrap } from '../../support/services'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW

function closedCase(closedAt: string, overrides: Partial<Case> = {}): Case {
  return makeCase({ status: 'closed', receivedAt: closedAt, workflow: { ...emptyWorkflow(), closedAt }, ...overrides })
}

/** Two live cases; archived: 2 in 2026-08, 2 in 2026-09 (ids a8-1, a8-2, a9-1, a9-2). Stopped cleanly. */
async function archivedStore(dir: string): Promise<void> {
  const store = await Store.open(dir, { now })
  await store.update((d) => {
    d.cases.push(makeCase({ id: 'live-1' }), makeCase({ id: 'live-2' }))
    d.cases.push(closedCase('2026-08-03T02:00:00Z', { id: 'a8-1', customerName: '八月甲' }))
    d.cases.push(closedCase('2026-08-04T02:00:00Z', { id: 'a8-2', customerName: '八月乙' }))
    d.cases.push(closedCase('2026-09-03T02:00:00Z', { id: 'a9-1', customerName: '九月甲' }))
    d.cases.push(closedCase('2026-09-04T02:00:00Z', { id: 'a9-2', customerName: '九月乙' }))
  })
  await store.close()
}

const file = (dir: string, name: string) => join(dir, 'archive', name)

/** What must keep working whatever the archive's damage: lists, search, saves. */
async function stillWorks(store: Store, expectArchived: string[]): Promise<void> {
  const archive = await store.archived()
  expect(
    archive
      .list()
      .map((r) => r.id)
      .sort(),
  ).toEqual(expectArchived)
  archive.search('甲')
  await store.update((d) => void d.cases.push(makeCase({ id: 'saved-after' })))
  expect(store.data.cases.map((c) => c.id)).toContain('saved-after')
  expect((await store.casesSince('2026-08-01')).length).toBeGreaterThanOrEqual(3)
}

describe('archive damage (issue 15 #7)', () => {
  const tempDir = useTempDirs()

  it('an undamaged archive has no problems', async () => {
    const dir = await tempDir()
    await archivedStore(dir)
    const store = await Store.open(dir, { now })
    await store.archived()
    expect(store.archiveProblems).toEqual([])
    await store.close()
  })

  it('a deleted month file is reported by month at start; the rest keeps working', async () => {
    const dir = await tempDir()
    await archivedStore(dir)
    await rm(file(dir, 'cases-2026-08.json'))
    await rm(file(dir, 'index-2026-08.json'))
    await rm(file(dir, 'text-2026-08.txt'))
    const store = await Store.open(dir, { now })
    await stillWorks(store, ['a9-1', 'a9-2'])
    expect(store.archiveProblems).toEqual(['2026-08'])
    // Still reported after a fold and a restart: the record of the month is kept.
    await store.close()
    const again = await Store.open(dir, { now })
    await again.archived()
    expect(again.archiveProblems).toEqual(['2026-08'])
    await again.close()
  })

  it('a deleted archive folder is reported, every month by name', async () => {
    const dir = await tempDir()
    await archivedStore(dir)
    await rm(join(dir, 'archive'), { recursive: true })
    const store = await Store.open(dir, { now })
    await stillWorks(store, [])
    expect(store.archiveProblems).toEqual(['2026-08', '2026-09'])
    await store.close()
  })

  it('a damaged month file and its damaged index: start, lists, search and saves work; the month is reported', async () => {
    const dir = await tempDir()
    await archivedStore(dir)
    await writeFile(file(dir, 'cases-2026-09.json'), '[{"id": "a9-1", ')
    await writeFile(file(dir, 'index-2026-09.json'), 'garbage')
    const store = await Store.open(dir, { now })
    await stillWorks(store, ['a8-1', 'a8-2'])
    expect(store.archiveProblems).toEqual(['2026-09'])
    await store.close()
  })

  it('a damaged month file (index intact): opening one of its cases says which month is damaged, not INTERNAL; the month is reported', async () => {
    const dir = await tempDir()
    await archivedStore(dir)
    await writeFile(file(dir, 'cases-2026-09.json'), 'null')
    const store = await Store.open(dir, { now })
    await stillWorks(store, ['a8-1', 'a8-2', 'a9-1', 'a9-2'])
    const err = await store.readCase('a9-1').catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'ArchiveMonthDamagedError', month: '2026-09' })
    expect(await store.readCase('a8-1')).toMatchObject({ id: 'a8-1' })
    expect(store.archiveProblems).toEqual(['2026-09'])
    await store.close()
  })

  it("through the services: the status names the month, and opening its case says so in the user's language", async () => {
    const dir = await tempDir()
    const { services, clerkId } = await setUpBranch(dir, now)
    await services.ctx.store.update((d) => void d.cases.push(closedCase('2026-09-03T02:00:00Z', { id: 'a9-1' })))
    await services.close()
    await writeFile(file(dir, 'cases-2026-09.json'), '')
    const reopened = await openTestServices(dir, now)
    unwrap(await reopened.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    const opened = await reopened.call('cases:get', { id: 'a9-1' })
    expect(opened).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(!opened.ok && opened.error.message).toContain('2026-09 归档文件已损坏')
    expect(!opened.ok && opened.error.message).toContain('设置 → 备份')
    expect(unwrap(await reopened.call('app:status')).store.archiveProblems).toEqual(['2026-09'])
    expect(unwrap(await reopened.call('cases:list', {})).total).toBeGreaterThanOrEqual(0)
    await reopened.close()
  })
})
