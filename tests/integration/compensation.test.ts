import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import type { InputOf } from '@shared/ipc/contract'
import type { OfferItem } from '@shared/schemas/compensation'
import { clerkDesk, CLERK_PIN } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'
import { toLocalDateTime } from '@shared/values/localTime'

describe('compensation through the services', () => {
  const tempDir = useTempDirs()

  async function desk() {
    const d = await clerkDesk(await tempDir())
    const create = (o = {}) =>
      d.call(
        'cases:create',
        validDraft({
          departmentId: d.departments[1].id,
          receivedAt: toLocalDateTime(new Date(Date.now() - 60_000)),
          phone: '',
          ...o,
        }),
      )
    return { ...d, create, managerApproval: d.approval, clerkApproval: { managerId: d.clerkId, pin: CLERK_PIN } }
  }

  it('proposes for the case: ¥10 short change → pay the difference and apologise', async () => {
    const { call, create } = await desk()
    const c = await create({
      category: 'cashier_error',
      amount: '8',
      lossAmount: '10',
      demand: 'refund',
      fault: 'ours',
    })
    const options = await call('compensation:propose', { id: c.id })
    expect(options[0]).toMatchObject({
      items: [{ form: 'correct_error', valueFen: 1000 }, { form: 'apology' }],
      withinAuthority: true,
    })
  })

  it('an offer within authority needs no PIN; accept and execute are recorded with who and when', async () => {
    const { call, create, refused } = await desk()
    const c = await create({ category: 'service_attitude', amount: '', demand: 'apology', fault: 'ours' })
    const offered = await call('compensation:offer', {
      id: c.id,
      source: 'proposed',
      items: [
        { form: 'apology', valueFen: 0, note: '' },
        { form: 'coupon', valueFen: 2000, note: '' },
      ],
      capReason: '',
    })
    const offer = offered.workflow.offers[0]
    expect(offer).toMatchObject({ status: 'offered', goodwillFen: 2000, approvedBy: null, offeredBy: { name: '李娜' } })
    expect(
      (
        await refused('compensation:execute', {
          id: c.id,
          offerId: offer.id,
          voucherCode: 'Q-1',
          refundReceiptNo: '',
          exchangedItem: '',
          note: '',
        })
      ).message,
    ).toBe('客户接受后才能执行。')
    await call('compensation:decide', { id: c.id, offerId: offer.id, accepted: true })
    const done = await call('compensation:execute', {
      id: c.id,
      offerId: offer.id,
      voucherCode: 'Q-20261122-01',
      refundReceiptNo: '',
      exchangedItem: '',
      note: '',
    })
    expect(done.workflow.offers[0]).toMatchObject({
      status: 'executed',
      execution: { voucherCode: 'Q-20261122-01', by: { name: '李娜' } },
    })
    expect(done.timeline.map((e) => e.action).slice(-3)).toEqual([
      'compensation.offered',
      'compensation.accepted',
      'compensation.executed',
    ])
  })

  it('above the limit: refused without a PIN, with a wrong PIN, with a staff PIN; accepted with a manager PIN, approver recorded', async () => {
    const { call, create, refused, services, managerApproval, clerkApproval } = await desk()
    const c = await create({ category: 'product_quality', amount: '500', demand: 'compensation', fault: 'ours' })
    const big: InputOf<'compensation:offer'> = {
      id: c.id,
      source: 'custom',
      items: [
        { form: 'full_refund', valueFen: 50000, note: '' },
        { form: 'cash', valueFen: 15000, note: '' },
      ],
      capReason: '',
    }
    const before = await readFile(services.ctx.store.file, 'utf8')
    expect((await refused('compensation:offer', big)).code).toBe('FORBIDDEN')
    expect((await refused('compensation:offer', { ...big, approval: { ...managerApproval, pin: '0000' } })).code).toBe(
      'WRONG_PIN',
    )
    expect((await refused('compensation:offer', { ...big, approval: clerkApproval })).code).toBe('FORBIDDEN')
    expect(await readFile(services.ctx.store.file, 'utf8')).toBe(
      before.replace(/"failedAttempts": 0/, '"failedAttempts": 1'),
    )
    const approved = await call('compensation:offer', { ...big, approval: managerApproval })
    expect(approved.workflow.offers[0]).toMatchObject({
      restoreFen: 50000,
      goodwillFen: 15000,
      approvedBy: { name: '陈主管' },
    })
    // Goodwill above the front-desk authority makes it a Class 2 complaint.
    expect(approved.caseClass).toBe(2)
    expect(approved.workflow.reasons.map((r) => r.rule)).toContain('over_authority')
  })

  it('above the goodwill cap a reason is required as well as the PIN', async () => {
    const { call, create, refused, managerApproval } = await desk()
    const c = await create({ category: 'service_attitude', amount: '', demand: 'compensation', fault: 'ours' })
    const overCap: Omit<InputOf<'compensation:offer'>, 'capReason'> = {
      id: c.id,
      source: 'custom',
      items: [{ form: 'gift', valueFen: 8000, note: '果篮' }],
      approval: managerApproval,
    }
    expect((await refused('compensation:offer', { ...overCap, capReason: '' })).issues).toEqual([
      { path: 'capReason', message: '此项必填' },
    ])
    const ok = await call('compensation:offer', { ...overCap, capReason: '老顾客，孩子受惊' })
    expect(ok.workflow.offers[0]).toMatchObject({ capReason: '老顾客，孩子受惊', approvedBy: { name: '陈主管' } })
  })

  it('a declined offer is kept; another can follow', async () => {
    const { call, create, refused } = await desk()
    const c = await create({ amount: '', category: 'service_attitude' })
    const first = await call('compensation:offer', {
      id: c.id,
      source: 'proposed',
      items: [{ form: 'coupon', valueFen: 2000, note: '' }],
      capReason: '',
    })
    await call('compensation:decide', { id: c.id, offerId: first.workflow.offers[0].id, accepted: false })
    expect(
      (await refused('compensation:decide', { id: c.id, offerId: first.workflow.offers[0].id, accepted: true })).code,
    ).toBe('NOT_ALLOWED')
    const second = await call('compensation:offer', {
      id: c.id,
      source: 'proposed',
      items: [{ form: 'gift', valueFen: 3000, note: '精美礼品' }],
      capReason: '',
    })
    expect(second.workflow.offers.map((o) => o.status)).toEqual(['declined', 'offered'])
  })

  it('sums executed compensation by department, category and period', async () => {
    const { call, create, clock, departments } = await desk()
    const run = async (o: object, items: OfferItem[]) => {
      const c = await create(o)
      const offered = await call('compensation:offer', { id: c.id, source: 'custom', items, capReason: '' })
      const id = offered.workflow.offers.at(-1)!.id
      await call('compensation:decide', { id: c.id, offerId: id, accepted: true })
      await call('compensation:execute', {
        id: c.id,
        offerId: id,
        voucherCode: '',
        refundReceiptNo: 'R1',
        exchangedItem: '',
        note: '',
      })
    }
    await run({ category: 'cashier_error', amount: '8', lossAmount: '10', fault: 'ours' }, [
      { form: 'correct_error', valueFen: 1000, note: '' },
      { form: 'coupon', valueFen: 2000, note: '' },
    ])
    await run({ category: 'product_quality', amount: '300', fault: 'ours', departmentId: departments[3].id }, [
      { form: 'full_refund', valueFen: 30000, note: '' },
    ])
    clock.advance(8 * 24 * 3600_000)
    await run({ category: 'cashier_error', amount: '5', lossAmount: '5', fault: 'ours' }, [
      { form: 'correct_error', valueFen: 500, note: '' },
    ])
    const week = await call('compensation:totals', { from: '2026-11-22', to: '2026-11-28' })
    expect(week.total).toMatchObject({ offers: 2, restoreFen: 31000, goodwillFen: 2000 })
    expect(week.byDepartment).toEqual([
      { key: departments[3].id, label: '商品部', offers: 1, restoreFen: 30000, goodwillFen: 0 },
      { key: departments[1].id, label: '收银', offers: 1, restoreFen: 1000, goodwillFen: 2000 },
    ])
    expect(week.byCategory.map((r) => [r.key, r.offers])).toEqual([
      ['product_quality', 1],
      ['cashier_error', 1],
    ])
    const later = await call('compensation:totals', { from: '2026-11-29', to: '2026-12-05' })
    expect(later.total).toMatchObject({ offers: 1, restoreFen: 500, goodwillFen: 0 })
  })
})
