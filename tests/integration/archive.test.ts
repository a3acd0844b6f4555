import { describe, expect, it } from 'vitest'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { makeCase, validDraft } from '../support/factories'
import { openTestServices, setUpBranch, testClock, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

describe('archived cases through the services', () => {
  const tempDir = useTempDirs()

  async function branchWithArchivedCase() {
    const clock = testClock(new Date('2026-11-22T02:00:00Z'))
    const branch = await setUpBranch(await tempDir(), clock.now)
    const archived = makeCase({
      status: 'closed',
      customerName: '周芳',
      phone: '13900001111',
      description: '洗衣机脱水时噪音很大，上门检修两次没有修好',
      receivedAt: '2026-08-01T02:00:00.000Z',
      departmentId: branch.departments[0].id,
      workflow: { ...emptyWorkflow(), resolvedAt: '2026-08-02T02:00:00.000Z', closedAt: '2026-08-03T02:00:00.000Z' },
    })
    await branch.services.ctx.store.update((d) => void d.cases.push(archived))
    await branch.services.ctx.store.compact()
    expect((await branch.services.ctx.store.archived()).size).toBe(1)
    return { ...branch, archived, clock }
  }

  it('lists and finds archived cases with the live ones (Chinese text, phone digits, filters)', async () => {
    const { services, archived, departments } = await branchWithArchivedCase()
    const live = unwrap(await services.call('cases:create', validDraft({ departmentId: departments[0].id })))
    const all = unwrap(await services.call('cases:list', {}))
    expect(all.items.map((c) => c.id)).toEqual([live.id, archived.id]) // newest first
    expect(all.items[1]).toMatchObject({
      status: 'closed',
      phoneMasked: '139****1111',
      departmentName: departments[0].name,
    })
    const bySearch = unwrap(await services.call('cases:list', { q: '脱水' }))
    expect(bySearch.items.map((c) => c.id)).toEqual([archived.id])
    const byPhone = unwrap(await services.call('cases:list', { q: '0000 1111' }))
    expect(byPhone.items.map((c) => c.id)).toEqual([archived.id])
    const byStatus = unwrap(
      await services.call('cases:list', { status: 'closed', from: '2026-08-01', to: '2026-08-31' }),
    )
    expect(byStatus.total).toBe(1)
    const page = unwrap(await services.call('cases:list', { offset: 1, limit: 1 }))
    expect(page).toMatchObject({ total: 2, items: [{ id: archived.id }] })
    await services.close()
  })

  it('opens an archived case and reopens it: it is live again and stays so after a restart', async () => {
    const { services, archived } = await branchWithArchivedCase()
    const opened = unwrap(await services.call('cases:get', { id: archived.id }))
    expect(opened.description).toBe(archived.description)
    const reopened = unwrap(
      await services.call('cases:transition', {
        id: archived.id,
        action: 'reopen',
        reason: '顾客再次来电，噪音仍在',
      }),
    )
    expect(reopened.status).toBe('in_progress')
    expect((await services.ctx.store.archived()).size).toBe(0)
    const dir = services.ctx.store.dir
    await services.close()
    const again = await openTestServices(dir)
    expect(again.ctx.store.data.cases.find((c) => c.id === archived.id)?.status).toBe('in_progress')
    expect((await again.ctx.store.archived()).size).toBe(0)
    await again.close()
  })

  it('counts archived cases as history for the repeat-customer rule', async () => {
    const { services, archived, departments } = await branchWithArchivedCase()
    // A branch that looks back half a year for repeat customers reaches into the archive.
    await services.ctx.store.update((d) => void (d.settings.workflow.repeatCustomerDays = 180))
    const draft = validDraft({ departmentId: departments[0].id, phone: archived.phone })
    const preview = unwrap(await services.call('cases:classify', draft))
    expect(preview.reasons.map((r) => r.rule)).toContain('repeat_customer')
    await services.close()
  })
})
