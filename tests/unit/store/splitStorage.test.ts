import { describe, expect, it } from 'vitest'
import { CURRENT_SCHEMA_VERSION } from '../../../electron/store/schema'
import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Case } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { AUDIT_FILE_NAME, DATA_FILE_NAME, JOURNAL_FILE_NAME, Store } from '../../../electron/store/store'
import { appendAudit } from '../../../electron/services/context'
import { makeCase } from '../../support/factories'
import { crashCopy } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW
const by = { id: 's1', name: '李娜' }

function closedCase(closedAt: string, overrides: Partial<Case> = {}): Case {
  return makeCase({ status: 'closed', receivedAt: closedAt, workflow: { ...emptyWorkflow(), closedAt }, ...overrides })
}

async function storeWith(dir: string, cases: Case[]) {
  const store = await Store.open(dir, { now })
  await store.update((d) => {
    d.cases.push(...cases)
    appendAudit(d, { at: NOW.toISOString(), by, action: 'test.seeded', target: `${cases.length}` })
  })
  return store
}

describe('the journal', () => {
  const tempDir = useTempDirs()

  it('a save appends one line to the journal and leaves the live file as it was', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    const live = await readFile(join(dir, DATA_FILE_NAME), 'utf8')
    await store.update((d) => void d.cases.push(makeCase({ customerName: '张伟' })))
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(live)
    const lines = (await readFile(join(dir, JOURNAL_FILE_NAME), 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(JSON.parse(lines[0]).cases[0].customerName).toBe('张伟')
    await store.close()
  })

  it('after a crash, the next start replays every acknowledged save and folds the journal in', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    for (let i = 0; i < 5; i++) await store.update((d) => void d.cases.push(makeCase({ customerName: `顾客${i}` })))
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    const reopened = await Store.open(crashed, { now })
    expect(reopened.data.cases.map((c) => c.customerName)).toEqual(['顾客0', '顾客1', '顾客2', '顾客3', '顾客4'])
    expect(await readFile(join(crashed, JOURNAL_FILE_NAME), 'utf8')).toBe('')
    await reopened.close()
  })

  it('drops a torn last line (a save never acknowledged) and keeps working', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await store.update((d) => void d.cases.push(makeCase({ customerName: '已保存' })))
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    await appendFile(join(crashed, JOURNAL_FILE_NAME), '{"n":2,"cases":[{"id":"half')
    const reopened = await Store.open(crashed, { now })
    expect(reopened.state).toBe('ok')
    expect(reopened.recovery).toBeNull()
    expect(reopened.data.cases.map((c) => c.customerName)).toEqual(['已保存'])
    await reopened.update((d) => void d.cases.push(makeCase({ customerName: '之后' })))
    await reopened.close()
    const again = await Store.open(crashed, { now })
    expect(again.data.cases.map((c) => c.customerName)).toEqual(['已保存', '之后'])
    await again.close()
  })

  it('a journal damaged before its last line: the records before the damage are kept, the rest set aside (issue 15, point 5)', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await store.update((d) => void d.cases.push(makeCase({ customerName: '备份里' })))
    await store.backup('daily', NOW)
    await store.update((d) => void d.cases.push(makeCase({ customerName: '一' })))
    await store.update((d) => void d.cases.push(makeCase({ customerName: '二' })))
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    const journal = (await readFile(join(crashed, JOURNAL_FILE_NAME), 'utf8')).split('\n')
    journal[0] = journal[0].replace('"n":', '"n":xx')
    await writeFile(join(crashed, JOURNAL_FILE_NAME), journal.join('\n'))
    const reopened = await Store.open(crashed, { now })
    // No backup is put back: the live file stays, and the damaged line and all after it are set aside.
    expect(reopened.recovery).toBeNull()
    expect(reopened.unreadSaves).toMatchObject([{ line: 1, saves: 2 }])
    expect(reopened.data.cases.map((c) => c.customerName)).toEqual(['备份里'])
    expect((await readdir(crashed)).some((f) => f.startsWith('complaint-desk.journal.unreadable-from-line-1.'))).toBe(
      true,
    )
    await reopened.close()
  })

  it('the audit walk checks the trail as it stood when asked, while saves and folds go on', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now, compactAtBytes: 2_000 })
    const save = (i: number) =>
      store.update((d) => appendAudit(d, { at: NOW.toISOString(), by, action: 'test.saved', target: `${i}` }))
    for (let i = 0; i < 20; i++) await save(i)
    const walk = store.verifyAudit()
    await Promise.all(Array.from({ length: 20 }, (_, i) => save(100 + i)))
    expect(await walk).toEqual({ ok: true, entries: 20 })
    expect(await store.verifyAudit()).toEqual({ ok: true, entries: 40 })
    await store.close()
  })

  it('a refused change (the mutation throws) writes nothing', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await expect(
      store.update((d) => {
        d.cases.push(makeCase())
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(store.data.cases).toEqual([])
    expect(await readFile(join(dir, JOURNAL_FILE_NAME), 'utf8')).toBe('')
    await store.close()
  })

  it('stored cases cannot be edited in place (changes go through a copy)', async () => {
    const dir = await tempDir()
    const store = await storeWith(dir, [makeCase()])
    await expect(store.update((d) => void (d.cases[0].customerName = '改'))).rejects.toThrow(TypeError)
    await store.close()
  })

  it('folds the journal in once it passes its size limit', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now, compactAtBytes: 20_000 })
    for (let i = 0; i < 12; i++) await store.update((d) => void d.cases.push(makeCase()))
    await store.compact() // waits for the fold queued by the last save that passed the limit
    const live = JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'))
    expect(live.cases.length).toBeGreaterThanOrEqual(8)
    expect((await readFile(join(dir, JOURNAL_FILE_NAME), 'utf8')).length).toBeLessThan(20_000)
    await store.close()
  })
})

describe('the archive', () => {
  const tempDir = useTempDirs()
  const old = closedCase('2026-09-03T08:00:00.000Z', {
    customerName: '陈静',
    description: '冰箱门封条漏气，制冷效果差',
  })
  const recent = closedCase('2026-11-10T08:00:00.000Z', { customerName: '刘洋' })
  const open = makeCase({ customerName: '赵敏' })

  it('moves cases finished more than 30 days ago out of the live file, by month', async () => {
    const dir = await tempDir()
    const store = await storeWith(dir, [old, recent, open])
    await store.compact()
    expect(store.data.cases.map((c) => c.customerName)).toEqual(['刘洋', '赵敏'])
    const live = JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'))
    expect(live.cases.map((c: Case) => c.customerName)).toEqual(['刘洋', '赵敏'])
    expect(live.archivedCases).toBe(1)
    expect(await readdir(join(dir, 'archive'))).toEqual([
      'cases-2026-09.json',
      'index-2026-09.json',
      'text-2026-09.txt',
    ])
    expect((await store.archived()).list().map((r) => [r.customerName, r.month])).toEqual([['陈静', '2026-09']])
    expect((await store.readCase(old.id))?.description).toBe('冰箱门封条漏气，制冷效果差')
    await store.close()
  })

  it('is read back at start from its index only, and the full case on demand', async () => {
    const dir = await tempDir()
    await (await storeWith(dir, [old, open])).close()
    const store = await Store.open(dir, { now })
    expect(store.data.cases.map((c) => c.customerName)).toEqual(['赵敏'])
    const archive = await store.archived()
    expect(archive.row(old.id)).toMatchObject({ customerName: '陈静', month: '2026-09' })
    const row = archive.row(old.id)!
    expect(archive.search('封条漏气')(row)).toBe(true)
    expect(archive.search('差陈')(row)).toBe(false)
    expect(await store.readCase(old.id)).toEqual(old)
    expect(await store.casesSince('2026-09-10')).toHaveLength(2)
    expect(await store.casesSince('2026-11-01')).toHaveLength(1)
    await store.close()
  })

  it('searches its text files within a field and within a case, never across two', async () => {
    const dir = await tempDir()
    const a = closedCase('2026-09-03T08:00:00.000Z', { customerName: '甲', description: '末尾是ABC' })
    const b = closedCase('2026-09-04T08:00:00.000Z', { customerName: '乙', description: 'DEF开头' })
    const store = await storeWith(dir, [a, b])
    await store.compact()
    const archive = await store.archived()
    const rows = archive.list()
    expect(rows.filter(archive.search('abc')).map((r) => r.customerName)).toEqual(['甲'])
    expect(rows.filter(archive.search('def开')).map((r) => r.customerName)).toEqual(['乙'])
    expect(rows.filter(archive.search('abc\ndef'))).toEqual([])
    expect(rows.filter(archive.search('cdef'))).toEqual([])
    await store.close()
  })

  it('rebuilds a damaged or missing index or text file from the cases of its month', async () => {
    const dir = await tempDir()
    await (await storeWith(dir, [old, open])).close()
    await writeFile(join(dir, 'archive', 'index-2026-09.json'), '[{"id":')
    const { rm } = await import('node:fs/promises')
    await rm(join(dir, 'archive', 'text-2026-09.txt'))
    const store = await Store.open(dir, { now })
    const archive = await store.archived()
    expect(archive.row(old.id)?.customerName).toBe('陈静')
    expect(archive.list().filter(archive.search('制冷'))).toHaveLength(1)
    expect(JSON.parse(await readFile(join(dir, 'archive', 'index-2026-09.json'), 'utf8'))).toHaveLength(1)
    await store.close()
  })

  it('an archived case brought back (to reopen it) is live, once, and survives a restart', async () => {
    const dir = await tempDir()
    const store = await storeWith(dir, [old])
    await store.compact()
    await store.ensureLive(old.id)
    await store.update((d) => {
      const i = d.cases.findIndex((c) => c.id === old.id)
      d.cases[i] = { ...d.cases[i], status: 'in_progress' }
    })
    expect(store.data.cases.map((c) => c.id)).toEqual([old.id])
    expect((await store.archived()).row(old.id)).toBeUndefined()
    await store.close()
    const again = await Store.open(dir, { now })
    expect(again.data.cases.map((c) => [c.id, c.status])).toEqual([[old.id, 'in_progress']])
    expect((await again.archived()).size).toBe(0)
    await again.close()
  })

  it('a case closed again later moves to its new month and leaves the old one', async () => {
    const dir = await tempDir()
    const store = await storeWith(dir, [old])
    await store.compact()
    await store.ensureLive(old.id)
    await store.update((d) => {
      d.cases[0] = { ...d.cases[0], workflow: { ...d.cases[0].workflow, closedAt: '2026-10-01T00:00:00.000Z' } }
    })
    await store.compact()
    expect((await store.archived()).list().map((r) => r.month)).toEqual(['2026-10'])
    expect(JSON.parse(await readFile(join(dir, 'archive', 'index-2026-09.json'), 'utf8'))).toEqual([])
    await store.close()
  })

  it('a crash between writing the archive and the live file leaves each case once', async () => {
    const dir = await tempDir()
    const store = await storeWith(dir, [old, open])
    const before = await crashCopy(dir, await tempDir()) // live file + journal still hold the old case
    await store.compact()
    await store.close()
    const { cp } = await import('node:fs/promises')
    await cp(join(dir, 'archive'), join(before, 'archive'), { recursive: true })
    const reopened = await Store.open(before, { now })
    const everywhere = [...reopened.data.cases.map((c) => c.id), ...(await reopened.archived()).list().map((r) => r.id)]
    expect(everywhere.sort()).toEqual([old.id, open.id].sort())
    await reopened.close()
  })

  it('a backup holds the archive as it was; a restore puts it back, the audit trail keeps everything', async () => {
    const dir = await tempDir()
    const store = await storeWith(dir, [old])
    const backup = await store.backup('manual', NOW)
    await store.ensureLive(old.id)
    await store.update((d) => {
      d.cases[0] = { ...d.cases[0], customerName: '改过' }
      appendAudit(d, { at: NOW.toISOString(), by, action: 'test.changed', target: 'x' })
    })
    await store.compact()
    await store.restore(backup, NOW, (d) =>
      appendAudit(d, { at: NOW.toISOString(), by, action: 'backup.restored', target: backup }),
    )
    expect(store.data.cases).toEqual([])
    expect((await store.readCase(old.id))?.customerName).toBe('陈静')
    expect((await store.readAudit()).map((a) => a.action)).toEqual(['test.seeded', 'test.changed', 'backup.restored'])
    expect(await store.verifyAudit()).toEqual({ ok: true, entries: 3 })
    await store.close()
  })
})

describe('migration from the single file (schema 2)', () => {
  const tempDir = useTempDirs()

  it('moves the audit trail to its own log and archives old closed cases, after a backup', async () => {
    const dir = await tempDir()
    const store = await storeWith(await tempDir(), [])
    const trail = await store.readAudit()
    await store.close()
    const v2 = {
      schemaVersion: 2,
      appliedMigrations: [],
      branch: { name: '老店', code: 'OLD1' },
      settings: { locale: 'zh-CN', workflow: structuredClone(DEFAULT_WORKFLOW_SETTINGS) },
      staff: [],
      departments: [],
      caseCounters: {},
      handovers: [],
      audit: trail,
      cases: [closedCase('2025-05-01T00:00:00.000Z', { customerName: '旧案' }), makeCase({ customerName: '在办' })],
    }
    const text = JSON.stringify(v2)
    await writeFile(join(dir, DATA_FILE_NAME), text)
    const migrated = await Store.open(dir, { now })
    expect(migrated.data.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(migrated.data.cases.map((c) => c.customerName)).toEqual(['在办'])
    expect((await migrated.archived()).list().map((r) => [r.customerName, r.month])).toEqual([['旧案', '2025-05']])
    expect((await readFile(join(dir, AUDIT_FILE_NAME), 'utf8')).trim().split('\n')).toHaveLength(1)
    expect(await migrated.verifyAudit()).toEqual({ ok: true, entries: 1 })
    expect(JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).audit).toBeUndefined()
    const backups = await readdir(join(dir, 'backups'))
    expect(
      await readFile(
        join(
          dir,
          'backups',
          backups.find((b) => b.includes('.v2.') && b.endsWith('.json'))!,
        ),
        'utf8',
      ),
    ).toBe(text)
    await migrated.close()
  })
})
