import { describe, expect, it } from 'vitest'
import { toLocalDateTime } from '@shared/values/localTime'
import type { CaseDraft } from '@shared/schemas/case'
import { lowerProposed } from '@shared/rules/corrections'
import { clerkDesk } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

const DAY = 24 * 3600_000

/** A clerk's desk with helpers to log and move cases. */
async function desk(dir: string) {
  const d = await clerkDesk(dir, new Date(2026, 10, 22, 10, 0))
  const at = (msAgo = 0) => toLocalDateTime(new Date(d.clock.now().getTime() - msAgo))
  /** A plain Class 1 complaint (nothing in it fires a Class 2 rule). */
  const create = (o: Partial<CaseDraft> = {}) =>
    d.call(
      'cases:create',
      validDraft({
        departmentId: d.departments[0].id,
        receivedAt: at(),
        category: 'delivery',
        customerType: 'regular',
        description: '送货晚了两个小时',
        fault: 'unclear',
        ...o,
      }),
    )
  const audit = async () => (await d.services.ctx.store.readAudit()).at(-1)
  return { ...d, at, create, audit }
}

describe('corrections with history (issue 12 #5)', () => {
  const tempDir = useTempDirs()

  it('a phone typo is corrected: before and after in the timeline (masked) and the audit trail, and the repeat rule sees the corrected phone', async () => {
    const d = await desk(await tempDir())
    await d.create({ phone: '13900000001', receivedAt: d.at(3 * DAY) })
    const typo = await d.create({ phone: '13900000002' })
    expect(typo.caseClass).toBe(1)

    const fixed = await d.call('cases:edit', { id: typo.id, changes: { phone: '139 0000 0001' } })
    expect(fixed.phone).toBe('13900000001')
    expect(fixed.caseClass).toBe(2)
    expect(fixed.workflow.reasons).toContainEqual(expect.objectContaining({ rule: 'repeat_customer' }))
    expect(fixed.timeline.at(-1)).toMatchObject({
      action: 'edited.raised',
      by: { name: '李娜' },
      changes: [{ field: 'phone', before: '139****0002', after: '139****0001' }],
    })
    expect(await d.audit()).toMatchObject({
      action: 'case.edited.raised',
      target: typo.number,
      changes: [{ field: 'phone', before: '13900000002', after: '13900000001' }],
    })
    await d.services.close()
  })

  it('only changed fields are recorded; a change to nothing is refused and saves nothing', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ phone: '13900000003', product: '冰箱' })
    const edited = await d.call('cases:edit', {
      id: c.id,
      changes: { phone: '13900000003', product: '冰箱 BCD-301', amount: '1200', channel: 'phone' },
    })
    expect(edited.timeline.at(-1)).toMatchObject({
      action: 'edited',
      changes: [
        { field: 'channel', before: 'counter', after: 'phone' },
        { field: 'product', before: '冰箱', after: '冰箱 BCD-301' },
        { field: 'amount', before: '299.00', after: '1200.00' },
      ],
    })
    expect(edited.amountFen).toBe(1200_00)
    const before = edited.timeline.length
    expect((await d.refused('cases:edit', { id: c.id, changes: { product: '冰箱 BCD-301' } })).message).toBe(
      '没有修改任何内容。',
    )
    expect((await d.refusedUntyped('cases:edit', { id: c.id, changes: {} })).code).toBe('VALIDATION')
    const bad = await d.refused('cases:edit', { id: c.id, changes: { phone: '1234' } })
    expect(bad.issues).toContainEqual({ path: 'changes.phone', message: expect.stringMatching(/手机号/) })
    expect((await d.call('cases:get', { id: c.id })).timeline).toHaveLength(before)
    await d.services.close()
  })

  it('a department no longer active cannot be chosen', async () => {
    const d = await desk(await tempDir())
    const c = await d.create()
    const err = await d.refused('cases:edit', { id: c.id, changes: { departmentId: 'no-such-department' } })
    expect(err.code).toBe('VALIDATION')
    expect(err.issues).toContainEqual({ path: 'changes.departmentId', message: '请选择一项' })
    const moved = await d.call('cases:edit', { id: c.id, changes: { departmentId: d.departments[1].id } })
    expect(moved.timeline.at(-1)?.changes).toEqual([
      { field: 'departmentId', before: d.departments[0].name, after: d.departments[1].name },
    ])
    await d.services.close()
  })

  it('a cause code must belong to the category: refused at intake and in a correction; a new category drops the old cause', async () => {
    const d = await desk(await tempDir())
    const before = await d.services.ctx.store.readAudit()
    const wrong = await d.refused(
      'cases:create',
      validDraft({ departmentId: d.departments[0].id, category: 'service_attitude', cause: 'short_change' }),
    )
    expect(wrong.issues).toContainEqual({ path: 'cause', message: '请选择一项' })
    expect(await d.services.ctx.store.readAudit()).toHaveLength(before.length)

    const c = await d.create({ category: 'cashier_error', cause: 'short_change', description: '少找了十元' })
    expect(c.cause).toBe('short_change')
    const refusal = await d.refused('cases:edit', { id: c.id, changes: { cause: 'impolite' } })
    expect(refusal.issues).toContainEqual({ path: 'changes.cause', message: '请选择一项' })
    const moved = await d.call('cases:edit', { id: c.id, changes: { category: 'service_attitude' } })
    expect(moved.cause).toBe('')
    expect(moved.timeline.at(-1)?.changes).toEqual([
      { field: 'category', before: 'cashier_error', after: 'service_attitude' },
      { field: 'cause', before: 'short_change', after: '' },
    ])
    const given = await d.call('cases:edit', { id: c.id, changes: { cause: 'impolite' } })
    expect(given.cause).toBe('impolite')
    await d.services.close()
  })

  it('a proposed lowering is not applied: it is shown and stays a manager action', async () => {
    const d = await desk(await tempDir())
    await d.create({ phone: '13900000004', receivedAt: d.at(3 * DAY) })
    const c = await d.create({ phone: '13900000004' })
    expect(c.caseClass).toBe(2)
    expect(lowerProposed(c)).toBe(false)
    const edited = await d.call('cases:edit', { id: c.id, changes: { phone: '13900000005' } })
    expect(edited.caseClass).toBe(2)
    expect(edited.workflow.reasons.filter((r) => r.kind === 'class2')).toEqual([])
    expect(edited.workflow.proposedClass).toBe(1)
    expect(edited.timeline.at(-1)?.action).toBe('edited.lower_proposed')
    expect(lowerProposed(edited)).toBe(true)
    const lowered = await d.call('cases:lowerClass', { id: c.id, reason: '电话登记错误', approval: d.approval })
    expect(lowered.caseClass).toBe(1)
    expect(lowerProposed(lowered)).toBe(false)
    await d.services.close()
  })

  it('a case raised by hand is not proposed for lowering by an edit', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ phone: '13900000006' })
    await d.call('cases:raiseClass', { id: c.id, reason: '客户情绪激动' })
    const edited = await d.call('cases:edit', { id: c.id, changes: { product: '洗衣机' } })
    expect(edited.caseClass).toBe(2)
    expect(edited.timeline.at(-1)?.action).toBe('edited')
    expect(lowerProposed(edited)).toBe(false)
    await d.services.close()
  })

  it('责任方 edited during handling: the chooser follows the new value', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ category: 'product_quality', amount: '300', demand: 'exchange', fault: 'unclear' })
    await d.call('cases:transition', { id: c.id, action: 'start' })
    const unclear = await d.call('compensation:propose', { id: c.id })
    await d.call('cases:edit', { id: c.id, changes: { fault: 'ours' } })
    const ours = await d.call('compensation:propose', { id: c.id })
    expect(ours).not.toEqual(unclear)
    // Fault ours: a third option with goodwill (docs/domain.md §7).
    expect(ours.length).toBeGreaterThan(unclear.length)
    await d.call('cases:edit', { id: c.id, changes: { fault: 'customer' } })
    const theirs = await d.call('compensation:propose', { id: c.id })
    expect(theirs.every((o) => o.items.every((i) => i.form !== 'full_refund'))).toBe(true)
    await d.services.close()
  })

  it('现场是否解决 → 否 raises the case to Class 2 with the reason unresolved', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ phone: '13900000007' })
    await d.call('cases:transition', { id: c.id, action: 'start' })
    const edited = await d.call('cases:edit', { id: c.id, changes: { resolvedAtDesk: 'no' } })
    expect(edited.caseClass).toBe(2)
    expect(edited.workflow.reasons).toContainEqual(expect.objectContaining({ rule: 'unresolved' }))
    expect(edited.timeline.at(-1)).toMatchObject({
      action: 'edited.raised',
      changes: [{ field: 'resolvedAtDesk', before: 'pending', after: 'no' }],
    })
    await d.services.close()
  })

  it('a raise on a reported Class 1 case sends it back to 已解决, as the lifecycle says', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ phone: '13900000008' })
    await d.call('cases:transition', { id: c.id, action: 'resolve', resolution: '已处理' })
    await d.call('cases:recordOralReport', { id: c.id, to: '陈主管', at: d.at(), summary: '已处理' })
    const edited = await d.call('cases:edit', { id: c.id, changes: { customerType: 'vip_journalist' } })
    expect(edited).toMatchObject({ caseClass: 2, status: 'resolved' })
    expect(edited.workflow.steps.report).toBeNull()
    expect(edited.timeline.at(-1)?.action).toBe('edited.raised_sent_back')
    await d.services.close()
  })

  it('受理时间 corrected back: the history rules count from the corrected time', async () => {
    const d = await desk(await tempDir())
    await d.create({ phone: '13900000009', receivedAt: d.at(40 * DAY) })
    // Entered today as received today: 40 days apart, not a repeat (30-day window).
    const c = await d.create({ phone: '13900000009' })
    expect(c.caseClass).toBe(1)
    // It was in fact received 35 days ago: 5 days after the first.
    const edited = await d.call('cases:edit', { id: c.id, changes: { receivedAt: d.at(35 * DAY) } })
    expect(edited.caseClass).toBe(2)
    expect(edited.workflow.reasons).toContainEqual(
      expect.objectContaining({ rule: 'repeat_customer', evidence: { count: 2, days: 30 } }),
    )
    await d.services.close()
  })

  it('a new urgent situation on a case still being handled makes it urgent; on a resolved case it must be reopened first', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ phone: '13900000010' })
    const urgent = await d.call('cases:edit', { id: c.id, changes: { situations: ['media_present'] } })
    expect(urgent.workflow.urgent).toBe(true)
    expect(urgent.flags.escalated).toBe(true)
    const other = await d.create({ phone: '13900000011' })
    await d.call('cases:transition', { id: other.id, action: 'resolve', resolution: '已处理' })
    expect(
      (await d.refused('cases:edit', { id: other.id, changes: { situations: ['violence_threat'] } })).message,
    ).toBe('这项更正会使投诉成为紧急事件，请先重新打开投诉并上报主管。')
    await d.services.close()
  })

  it('a closed case must be reopened first; a voided one is never edited', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ phone: '13900000012' })
    const v = await d.create({ phone: '13900000013' })
    await d.call('cases:transition', { id: c.id, action: 'resolve', resolution: '已处理' })
    await d.call('cases:recordOralReport', { id: c.id, to: '陈主管', at: d.at(), summary: '已处理' })
    d.clock.advance(DAY)
    await d.call('cases:recordFollowUp', { id: c.id, method: 'phone', satisfaction: 5, remarks: '' })
    await d.call('cases:transition', { id: c.id, action: 'close' })
    expect((await d.refused('cases:edit', { id: c.id, changes: { product: '冰箱' } })).message).toBe(
      '投诉已结案，须先重新打开才能更正登记信息。',
    )
    await d.call('cases:transition', { id: c.id, action: 'reopen', reason: '客户电话登记错误' })
    expect((await d.call('cases:edit', { id: c.id, changes: { product: '冰箱' } })).product).toBe('冰箱')

    await d.call('cases:transition', { id: v.id, action: 'void', reason: '重复登记', approval: d.approval })
    expect((await d.refused('cases:edit', { id: v.id, changes: { product: '冰箱' } })).message).toBe(
      '该投诉已作废，不能再修改。',
    )
    await d.services.close()
  })

  it('an edit never reaches fields outside the intake form', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ phone: '13900000014' })
    const err = await d.refusedUntyped('cases:edit', { id: c.id, changes: { status: 'closed', caseClass: 2 } })
    expect(err.code).toBe('VALIDATION')
    const after = await d.call('cases:get', { id: c.id })
    expect(after).toMatchObject({ status: 'received', caseClass: 1 })
    await d.services.close()
  })
})
