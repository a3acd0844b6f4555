import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Case } from '@shared/schemas/case'
import { toLocalDateTime } from '@shared/values/localTime'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { WorkflowSettings } from '@shared/schemas/settings'
import {
  AuditEntry,
  describeIssue,
  emptyData,
  JournalRecord,
  Snapshot,
  StoredCase,
} from '../../../electron/store/schema'
import { DATA_FILE_NAME, JOURNAL_FILE_NAME } from '../../../electron/store/store'
import { chainAfter } from '../../../electron/store/auditChain'
import { generateCases } from '../../../bench/data'
import { makeCase, validDraft } from '../../support/factories'
import { clerkDesk, MANAGER_PIN } from '../../support/services'
import { useTempDirs } from '../../support/tempDir'

/** Parsing stored data must give it back unchanged (JSON compared, so key order does not matter). */
function expectReadUnchanged(schema: { parse: (v: unknown) => unknown }, raw: unknown): void {
  expect(JSON.parse(JSON.stringify(schema.parse(raw)))).toEqual(raw)
}

describe('the on-disk schemas', () => {
  const tempDir = useTempDirs()

  it('describe what the services write: journal lines and the folded live file read back unchanged', async () => {
    const dir = await tempDir()
    const { call, services, departments, clock, approval, managerId } = await clerkDesk(dir)
    const create = (o = {}) =>
      call(
        'cases:create',
        validDraft({ departmentId: departments[1].id, receivedAt: toLocalDateTime(clock.now()), ...o }),
      )
    const urgent = await create({ description: '顾客在门口摔倒受伤，说要找律师。', amount: '6000' })
    await call('cases:recordEscalation', { id: urgent.id, who: '陈主管' })
    await call('cases:takeOver', { id: urgent.id, approval })
    await call('commitments:add', {
      id: urgent.id,
      what: '明天电话回复',
      owner: '李娜',
      dueAt: toLocalDateTime(new Date(clock.now().getTime() + 3600_000)),
    })
    const c = await create({
      category: 'cashier_error',
      phone: '13900001111',
      customerType: 'regular',
      description: '收银员少找了十元。',
      amount: '10',
    })
    await call('cases:tickStep', { id: c.id, step: 'listen' })
    const offered = await call('compensation:offer', {
      id: c.id,
      source: 'custom',
      items: [{ form: 'coupon', valueFen: 2000, note: '' }],
      capReason: '',
    })
    await call('compensation:decide', { id: c.id, offerId: offered.workflow.offers[0].id, accepted: true })
    await call('cases:transition', { id: c.id, action: 'resolve', resolution: '当场补足找零' })
    await call('cases:recordOralReport', {
      id: c.id,
      to: '陈主管',
      at: toLocalDateTime(clock.now()),
      summary: '已补足',
    })
    clock.advance(24 * 3600_000)
    await call('cases:recordFollowUp', { id: c.id, method: 'phone', satisfaction: 5, remarks: '满意' })
    await call('cases:transition', { id: c.id, action: 'close' })
    await call('handover:submit', { hours: 8, notes: '交接', incoming: { staffId: managerId, pin: MANAGER_PIN } })

    const lines = (await readFile(join(dir, JOURNAL_FILE_NAME), 'utf8')).trim().split('\n')
    expect(lines.length).toBeGreaterThan(10)
    for (const line of lines) expectReadUnchanged(JournalRecord, JSON.parse(line))
    await services.close()
    const live = JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'))
    expect(live.cases).toHaveLength(2)
    expect(live.handovers).toHaveLength(1)
    expectReadUnchanged(Snapshot, live)
  })

  it('read the empty store, the shipped settings, test and benchmark cases unchanged', () => {
    expectReadUnchanged(Snapshot, { ...emptyData(), journalSeq: 0, archivedCases: 0 })
    expectReadUnchanged(WorkflowSettings, DEFAULT_WORKFLOW_SETTINGS)
    expectReadUnchanged(StoredCase, makeCase())
    for (const c of generateCases(300, new Date('2026-11-22T02:00:00Z'))) expectReadUnchanged(StoredCase, c)
  })

  it('read a stored case as written, whatever the intake rules now say about its text', () => {
    // Typed before a limit was tightened, or imported: the shared intake schema would trim
    // or refuse these; the stored case is read as it is.
    const c = makeCase({ customerName: ' 王 ', phone: '12345', description: 'x'.repeat(5000), demandNote: ' ' })
    expect(Case.safeParse(c).success).toBe(false)
    expectReadUnchanged(StoredCase, c)
  })

  it('keep every field of an audit entry, so its hash still matches', () => {
    const entry = chainAfter(null, {
      at: '2026-11-22T02:00:00.000Z',
      by: { id: 's1', name: '李娜', role: 'staff' } as never,
      action: 'test',
      target: 'x',
      ...({ extra: { kept: true } } as object),
    })
    expectReadUnchanged(AuditEntry, entry)
  })

  it('name the first wrong place in a short reason', () => {
    const c = makeCase()
    const bad = { ...c, workflow: { ...c.workflow, offers: undefined } }
    const result = Snapshot.safeParse({ ...emptyData(), cases: [c, bad], journalSeq: 0, archivedCases: 0 })
    expect(result.success).toBe(false)
    expect(describeIssue(result.error!)).toMatch(/^cases\[1\]\.workflow\.offers: /)
    expect(describeIssue(Snapshot.safeParse({}).error!)).toMatch(/^schemaVersion: /)
  })
})
