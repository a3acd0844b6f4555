// What the sync brings back onto the branch's cases (issue 16), without a database: a written
// report counts as submitted only when the document head office took carries it, and pulling
// head office's 签收 again (every start does) changes nothing, archived cases included.
import { describe, expect, it } from 'vitest'
import type { Case } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { markReportsAtHeadOffice, recordHeadOfficeAcks } from '../../electron/services/headOffice'
import { recordWrittenReportGenerated } from '../../electron/services/workflow'
import { makeCase, validDraft } from '../support/factories'
import { setUpBranch, testClock, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

describe('what head office sends back to the branch', () => {
  const tempDir = useTempDirs()

  it('marks a report submitted only when the pushed document carries it', async () => {
    const { services, departments } = await setUpBranch(await tempDir())
    const serious = unwrap(
      await services.call(
        'cases:create',
        validDraft({ departmentId: departments[0].id, description: '顾客滑倒摔伤了' }),
      ),
    )
    unwrap(await services.call('cases:recordEscalation', { id: serious.id, who: '陈主管（电话）' }))
    unwrap(await services.call('cases:transition', { id: serious.id, action: 'resolve', resolution: '送医并承担费用' }))
    // The worker read the case for its batch here, before the report was generated.
    const pushed: Case = structuredClone(unwrap(await services.call('cases:get', { id: serious.id })))
    await recordWrittenReportGenerated(services.contextFor(), serious.id)

    expect(await markReportsAtHeadOffice(services.ctx, [pushed])).toBe(0)
    const still = unwrap(await services.call('cases:get', { id: serious.id }))
    expect(still.workflow.writtenReport).toMatchObject({ submittedAt: null })
    expect(still.status).toBe('resolved')

    // The next batch carries the report: now head office has it.
    expect(await markReportsAtHeadOffice(services.ctx, [structuredClone(still)])).toBe(1)
    const reported = unwrap(await services.call('cases:get', { id: serious.id }))
    expect(reported).toMatchObject({ status: 'reported', workflow: { writtenReport: { submittedTo: '总部' } } })
    await services.close()
  })

  it('pulling an archived case’s 签收 again leaves it archived and unchanged', async () => {
    const clock = testClock(new Date('2026-11-22T02:00:00Z'))
    const { services, departments } = await setUpBranch(await tempDir(), clock.now)
    const ack = { at: '2026-08-05T02:00:00.000Z', by: '总部 李强', comment: '已签收' }
    const by = { id: 's1', name: '李娜' }
    const archived = makeCase({
      status: 'closed',
      caseClass: 2,
      receivedAt: '2026-08-01T02:00:00.000Z',
      departmentId: departments[0].id,
      workflow: {
        ...emptyWorkflow(),
        resolvedAt: '2026-08-02T02:00:00.000Z',
        writtenReport: {
          generatedAt: '2026-08-02T03:00:00.000Z',
          generatedBy: by,
          submittedTo: '总部',
          submittedAt: '2026-08-02T03:01:00.000Z',
          headOfficeAck: ack,
        },
        closedAt: '2026-08-06T02:00:00.000Z',
      },
    })
    const store = services.ctx.store
    await store.update((d) => void d.cases.push(archived))
    await store.compact()
    expect((await store.archived()).size).toBe(1)
    const pending = store.outboxPendingCount()
    const audit = store.auditEntries

    expect(await recordHeadOfficeAcks(services.ctx, [{ caseId: archived.id, ...ack }])).toBe(0)
    expect(store.data.cases.some((c) => c.id === archived.id)).toBe(false)
    expect((await store.archived()).size).toBe(1)
    expect(store.outboxPendingCount()).toBe(pending)
    expect(store.auditEntries).toBe(audit)
    await services.close()
  })
})
