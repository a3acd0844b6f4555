import { describe, expect, it } from 'vitest'
import { toLocalDateTime } from '@shared/values/localTime'
import { clerkDesk, CLERK_PIN, MANAGER_PIN } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'
import { HOME_HANDOVER_CASES } from '@shared/schemas/home'

describe('shift handover', () => {
  const tempDir = useTempDirs()

  it('hands over open cases, commitments due in the window and escalations; the incoming clerk signs with their PIN', async () => {
    const d = await clerkDesk(await tempDir(), new Date())
    const create = (o = {}) =>
      d.call(
        'cases:create',
        validDraft({
          departmentId: d.departments[0].id,
          receivedAt: toLocalDateTime(new Date(Date.now() - 60_000)),
          ...o,
        }),
      )
    const urgent = await create({ description: '顾客滑倒摔伤', phone: '13900000001' })
    const plain = await create({ phone: '13900000002', category: 'delivery' })
    const inHours = (h: number) => toLocalDateTime(new Date(d.clock.now().getTime() + h * 3600_000))
    await d.call('commitments:add', { id: plain.id, what: '两小时内回电', owner: '李娜', dueAt: inHours(2) })
    await d.call('commitments:add', { id: plain.id, what: '下周上门', owner: '李娜', dueAt: inHours(100) })
    const done = await create({ phone: '13900000003', category: 'premises' })
    await d.call('cases:transition', { id: done.id, action: 'void', reason: '重复', approval: d.approval })

    const snap = await d.call('handover:prepare', { hours: 8 })
    expect(snap.openCases.map((c) => c.id).sort()).toEqual([urgent.id, plain.id].sort())
    expect(snap.commitmentsDue.map((x) => x.commitment.what)).toEqual(['两小时内回电'])
    expect(snap.escalations.map((c) => c.id)).toEqual([urgent.id])
    expect(JSON.stringify(snap)).not.toContain('13900000002') // masked on the sheet

    // The clerk hands over to the manager; the clerk cannot sign for themselves, a wrong PIN is refused.
    expect(
      (await d.refused('handover:submit', { hours: 8, notes: '', incoming: { staffId: d.clerkId, pin: CLERK_PIN } }))
        .code,
    ).toBe('NOT_ALLOWED')
    expect(
      (await d.refused('handover:submit', { hours: 8, notes: '', incoming: { staffId: d.managerId, pin: '000000' } }))
        .code,
    ).toBe('WRONG_PIN')
    const signed = await d.call('handover:submit', {
      hours: 8,
      notes: '刘女士下午会再来',
      incoming: { staffId: d.managerId, pin: MANAGER_PIN },
    })
    expect(signed).toMatchObject({
      outgoing: { name: '李娜' },
      incoming: { name: '陈主管' },
      notes: '刘女士下午会再来',
    })
    expect((await d.services.ctx.store.readAudit()).at(-1)).toMatchObject({
      action: 'handover.signed',
      approvedBy: { name: '陈主管' },
    })
    const history = await d.call('handover:list')
    expect(history.map((h) => h.id)).toEqual([signed.id])
    // Past sheets keep what was handed over, whatever happens to the cases later.
    const current = await d.call('cases:get', { id: plain.id })
    await d.call('commitments:keep', { id: plain.id, commitmentId: current.workflow.commitments[0].id })
    expect((await d.call('handover:list'))[0].snapshot.commitmentsDue).toHaveLength(1)
    await d.services.close()
  })

  it('asks for the incoming clerk by name when none is chosen (the form and main read the same schema)', async () => {
    const d = await clerkDesk(await tempDir(), new Date())
    const refusal = await d.refused('handover:submit', { hours: 8, notes: '', incoming: { staffId: '', pin: '' } })
    expect(refusal.code).toBe('VALIDATION')
    expect(refusal.issues).toEqual(
      expect.arrayContaining([
        { path: 'incoming.staffId', message: '请选择一项' },
        { path: 'incoming.pin', message: expect.stringMatching(/PIN/) },
      ]),
    )
    expect(await d.call('handover:list')).toEqual([])
    await d.services.close()
  })

  it('shows the next shift the last handover on the home page: who, when, the notes and the open cases', async () => {
    const d = await clerkDesk(await tempDir(), new Date())
    expect((await d.call('home:summary')).lastHandover).toBeNull()
    const kase = await d.call(
      'cases:create',
      validDraft({ departmentId: d.departments[0].id, receivedAt: toLocalDateTime(new Date(Date.now() - 60_000)) }),
    )
    const sign = (notes: string) =>
      d.call('handover:submit', { hours: 8, notes, incoming: { staffId: d.managerId, pin: MANAGER_PIN } })
    await sign('早班：无特别事项')
    d.clock.advance(8 * 3600_000)
    const last = await sign('王女士下午会来取换货的电饭煲')
    const home = await d.call('home:summary')
    expect(home.lastHandover).toMatchObject({
      id: last.id,
      at: last.at,
      outgoing: { name: '李娜' },
      incoming: { name: '陈主管' },
      notes: '王女士下午会来取换货的电饭煲',
    })
    expect(home.lastHandover?.openCases.map((c) => c.number)).toEqual([kase.number])
    expect(home.lastHandover?.openCount).toBe(1)
    // With many open cases the home page gets the first few and the count (the handover page lists all).
    for (let i = 0; i < HOME_HANDOVER_CASES + 2; i++)
      await d.call(
        'cases:create',
        validDraft({
          departmentId: d.departments[0].id,
          receivedAt: toLocalDateTime(new Date(Date.now() - 60_000)),
          phone: `1390000${String(1000 + i)}`,
        }),
      )
    await sign('')
    const busy = (await d.call('home:summary')).lastHandover
    expect(busy?.openCases).toHaveLength(HOME_HANDOVER_CASES)
    expect(busy?.openCount).toBe(HOME_HANDOVER_CASES + 3)
    await d.services.close()
  })

  it('counts every open case with anything overdue for the home tile (deadlines and commitments alike)', async () => {
    const d = await clerkDesk(await tempDir(), new Date())
    const create = (o = {}) =>
      d.call(
        'cases:create',
        validDraft({
          departmentId: d.departments[0].id,
          receivedAt: toLocalDateTime(new Date(Date.now() - 60_000)),
          customerType: 'regular',
          ...o,
        }),
      )
    const promised = await create({ phone: '13900000011', category: 'delivery' })
    const other = await create({ phone: '13900000012', category: 'premises' })
    expect([promised.caseClass, other.caseClass]).toEqual([1, 1])
    const inHours = (h: number) => toLocalDateTime(new Date(d.clock.now().getTime() + h * 3600_000))
    await d.call('commitments:add', { id: promised.id, what: '一小时内回电', owner: '李娜', dueAt: inHours(1) })
    expect((await d.call('home:summary')).viewCounts.overdue).toBe(0)
    d.clock.advance(2 * 3600_000)
    // Only the commitment is late: overdue, though no deadline of the case itself is.
    let home = await d.call('home:summary')
    expect(home.overdueCases).toEqual([])
    expect(home.viewCounts.overdue).toBe(1)
    // A day later both are past the Class 1 resolve deadline; the one with both counts once.
    d.clock.advance(24 * 3600_000)
    home = await d.call('home:summary')
    expect(home.overdueCases).toHaveLength(2)
    expect(home.viewCounts.overdue).toBe(2)
    // A voided case is never overdue.
    await d.call('cases:transition', { id: promised.id, action: 'void', reason: '重复登记', approval: d.approval })
    expect((await d.call('home:summary')).viewCounts.overdue).toBe(1)
    await d.services.close()
  })

  it('counts the 紧急 and 待回访 tiles as the list views they open: urgent while open, taken over or not; reported, awaiting the call', async () => {
    const d = await clerkDesk(await tempDir(), new Date())
    const create = (o = {}) =>
      d.call(
        'cases:create',
        validDraft({
          departmentId: d.departments[0].id,
          receivedAt: toLocalDateTime(new Date(Date.now() - 60_000)),
          customerType: 'regular',
          ...o,
        }),
      )
    const urgent = await create({ description: '顾客在门口滑倒摔伤，膝盖流血', phone: '13900000021' })
    const plain = await create({ phone: '13900000022', category: 'delivery' })
    let home = await d.call('home:summary')
    expect(home.viewCounts).toEqual({ urgent: 1, overdue: 0, follow_up: 0 })
    expect(home.escalated.map((c) => c.id)).toEqual([urgent.id])
    // Taken over: no longer waiting for a manager, still urgent.
    await d.call('cases:takeOver', { id: urgent.id, approval: d.approval })
    home = await d.call('home:summary')
    expect(home.escalated).toEqual([])
    expect(home.viewCounts.urgent).toBe(1)
    // Resolved and reported: the follow-up call is what it waits for.
    await d.call('cases:transition', { id: plain.id, action: 'resolve', resolution: '已致歉并改约送货' })
    expect((await d.call('home:summary')).viewCounts.follow_up).toBe(0)
    await d.call('cases:recordOralReport', {
      id: plain.id,
      to: '陈主管',
      at: toLocalDateTime(new Date(Date.now() - 30_000)),
      summary: '送货延误，已改约',
    })
    expect((await d.call('home:summary')).viewCounts.follow_up).toBe(1)
    // Closed or voided, an urgent case leaves the tile.
    await d.call('cases:transition', { id: urgent.id, action: 'void', reason: '重复登记', approval: d.approval })
    expect((await d.call('home:summary')).viewCounts).toEqual({ urgent: 0, overdue: 0, follow_up: 1 })
    await d.services.close()
  })
})
