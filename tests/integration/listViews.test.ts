import { describe, expect, it } from 'vitest'
import { toLocalDateTime } from '@shared/values/localTime'
import { emptyWorkflow } from '@shared/schemas/workflow'
import type { CaseQuery } from '@shared/schemas/case'
import { casePriority } from '@shared/rules/priority'
import { clerkDesk } from '../support/services'
import { makeCase, validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

describe('the list views 紧急 / 逾期 / 待回访, the priority and the one-line complaint, from main', () => {
  const tempDir = useTempDirs()

  it('main puts each case in the views its state and the clock say, with the other filters and the archive', async () => {
    const d = await clerkDesk(await tempDir())
    const { call, clock } = d
    const create = (o = {}) =>
      call(
        'cases:create',
        validDraft({ departmentId: d.departments[1].id, receivedAt: toLocalDateTime(clock.now()), ...o }),
      )
    const urgent = await create({
      category: 'product_quality',
      description: '昨天在店里买的熟食，吃了以后上吐下泻，呕吐了一晚上，说要找记者曝光。',
    })
    expect(urgent.workflow.urgent).toBe(true)
    const plain = await create({ description: '收银员少找了十元。\n态度也不好。', category: 'service_attitude' })
    const reported = await create({
      description: '小票打错了金额',
      category: 'cashier_error',
      phone: '13900000077',
      customerName: '赵敏',
      customerType: 'regular',
      amount: '10',
      demand: 'refund',
      fault: 'ours',
    })
    expect(reported.caseClass).toBe(1)
    await call('cases:transition', { id: reported.id, action: 'resolve', resolution: '已更正并致歉' })
    await call('cases:recordOralReport', {
      id: reported.id,
      to: '陈主管',
      at: toLocalDateTime(clock.now()),
      summary: '已更正',
    })
    // A case closed months ago, in the archive: it is in 全部, never in the open-only views.
    const archived = makeCase({
      status: 'closed',
      description: '洗衣机脱水时噪音很大，上门检修两次没有修好',
      receivedAt: '2026-08-01T02:00:00.000Z',
      departmentId: d.departments[0].id,
      workflow: { ...emptyWorkflow(), resolvedAt: '2026-08-02T02:00:00.000Z', closedAt: '2026-08-03T02:00:00.000Z' },
    })
    await d.services.ctx.store.update((data) => void data.cases.push(archived))
    await d.services.ctx.store.compact()
    expect((await d.services.ctx.store.archived()).size).toBe(1)

    const ids = async (q: CaseQuery) => (await call('cases:list', q)).items.map((c) => c.id).sort()
    const sorted = (...xs: string[]) => xs.sort()
    expect(await ids({ view: 'all' })).toEqual(sorted(urgent.id, plain.id, reported.id, archived.id))
    expect(await ids({ view: 'urgent' })).toEqual([urgent.id])
    expect(await ids({ view: 'follow_up' })).toEqual([reported.id])
    expect(await ids({ view: 'overdue' })).toEqual([])
    expect(await ids({ view: 'follow_up', category: 'service_attitude' })).toEqual([])

    // A day later the open cases not yet resolved are overdue (Class 1: 24 h), as main's clock says.
    clock.advance(25 * 3600_000)
    expect(await ids({ view: 'overdue' })).toEqual(sorted(urgent.id, plain.id))
    expect(await ids({ view: 'overdue', q: '少找' })).toEqual([plain.id])

    // Each row says what presses through the shared rule, and carries its complaint in one line.
    const rows = (await call('cases:list', {})).items
    const byId = new Map(rows.map((r) => [r.id, r]))
    expect(casePriority(byId.get(urgent.id)!)).toBe('urgent')
    expect(casePriority(byId.get(plain.id)!)).toBe('overdue')
    expect(casePriority(byId.get(archived.id)!)).toBeNull()
    expect(byId.get(plain.id)!.summary).toBe('收银员少找了十元。 态度也不好。')
    expect(byId.get(archived.id)!.summary).toBe('洗衣机脱水时噪音很大，上门检修两次没有修好')
    await d.services.close()
  })

  it('a case falls due soon shortly before its deadline', async () => {
    const d = await clerkDesk(await tempDir())
    const c = await d.call(
      'cases:create',
      validDraft({ departmentId: d.departments[1].id, receivedAt: toLocalDateTime(d.clock.now()) }),
    )
    d.clock.advance(23 * 3600_000)
    const [row] = (await d.call('cases:list', {})).items
    expect(row).toMatchObject({ id: c.id, flags: { dueSoon: ['resolve'], overdue: [] } })
    expect(casePriority(row)).toBe('due_soon')
    await d.services.close()
  })
})
