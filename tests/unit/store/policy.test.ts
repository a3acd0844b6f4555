import { describe, expect, it } from 'vitest'
import { emptyWorkflow } from '@shared/schemas/workflow'
import {
  ARCHIVE_AFTER_DAYS,
  belongsInArchive,
  dailyBackupDue,
  DEFAULT_DAILY_BACKUPS,
  storePolicy,
} from '../../../electron/store/policy'
import { Store } from '../../../electron/store/store'
import { makeCase } from '../../support/factories'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000).toISOString()
const closed = (at: string) => makeCase({ status: 'closed', workflow: { ...emptyWorkflow(), closedAt: at } })

describe('the store policy (electron/store/policy.ts)', () => {
  it('a case belongs in the archive once it was finished more than 30 days ago, never while open', () => {
    expect(ARCHIVE_AFTER_DAYS).toBe(30)
    expect(belongsInArchive(closed(daysAgo(31)), NOW)).toBe(true)
    expect(belongsInArchive(closed(daysAgo(29)), NOW)).toBe(false)
    const voided = makeCase({
      status: 'voided',
      workflow: {
        ...emptyWorkflow(),
        voided: { at: daysAgo(45), by: { id: 's', name: 'x' }, approvedBy: { id: 'm', name: 'y' }, reason: '重复' },
      },
    })
    expect(belongsInArchive(voided, NOW)).toBe(true)
    expect(belongsInArchive(makeCase({ status: 'received', createdAt: daysAgo(400) }), NOW)).toBe(false)
  })

  it('the daily backup is due unless one was taken the same day', () => {
    expect(dailyBackupDue([], NOW)).toBe(true)
    expect(dailyBackupDue([{ takenAt: '2026-11-21T23:59:59.000Z' }], NOW)).toBe(true)
    expect(dailyBackupDue([{ takenAt: '2026-11-22T00:00:01.000Z' }], NOW)).toBe(false)
  })

  it('keeps 14 daily backups unless told otherwise; a missing override keeps the default', () => {
    expect(storePolicy().keep).toBe(DEFAULT_DAILY_BACKUPS)
    expect(DEFAULT_DAILY_BACKUPS).toBe(14)
    expect(storePolicy({ keep: 3 }).keep).toBe(3)
    expect(storePolicy({ keep: undefined }).keep).toBe(14)
  })
})

describe('the store asks its policy', () => {
  const tempDir = useTempDirs()

  it('archives at a fold what the policy given to Store.open says, not a rule of its own', async () => {
    const dir = await tempDir()
    const recent = closed(daysAgo(2))
    const policy = storePolicy({ belongsInArchive: (c) => c.id === recent.id })
    const store = await Store.open(dir, { now: () => NOW, policy })
    await store.update((d) => void d.cases.push(recent, closed(daysAgo(90))))
    await store.compact()
    expect((await store.archived()).list().map((r) => r.id)).toEqual([recent.id])
    expect(store.data.cases.map((c) => c.id)).not.toContain(recent.id)
    await store.close()
  })

  it('takes the daily backup when the policy says it is due, and keeps what the policy keeps', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, {
      now: () => NOW,
      policy: storePolicy({ dailyBackupDue: () => true, keep: 2 }),
    })
    for (let h = 1; h <= 4; h++) expect(await store.dailyBackup(new Date(NOW.getTime() + h * 60_000))).not.toBeNull()
    expect((await store.listBackups()).map((b) => b.takenAt)).toEqual([
      '2026-11-22T02:04:00.000Z',
      '2026-11-22T02:03:00.000Z',
    ])
    await store.close()
  })
})
