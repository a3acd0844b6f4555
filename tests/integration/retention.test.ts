import { describe, expect, it } from 'vitest'
import { toLocalDateTime } from '@shared/values/localTime'
import { ANONYMISED_NAME } from '@shared/rules/retention'
import { CLERK_PIN, clerkDesk, openTestServices, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

const DAY = 24 * 3600_000

describe('retention: past the period, a manager anonymises; nothing is deleted (docs/domain.md §10)', () => {
  const tempDir = useTempDirs()

  async function branch(dir: string) {
    const d = await clerkDesk(dir)
    const log = (monthsAgo: number, o = {}) =>
      d.call(
        'cases:create',
        validDraft({
          departmentId: d.departments[0].id,
          receivedAt: toLocalDateTime(new Date(d.clock.now().getTime() - monthsAgo * 30.5 * DAY)),
          customerName: '王秀英',
          phone: '13812341234',
          ...o,
        }),
      )
    const voided = async (monthsAgo: number) => {
      const c = await log(monthsAgo)
      return d.call('cases:transition', { id: c.id, action: 'void', reason: '测试数据', approval: d.approval })
    }
    return { ...d, log, voided }
  }

  it('lists nothing without a period; with one, only finished cases received before it, and anonymises them with a PIN', async () => {
    const dir = await tempDir()
    const d = await branch(dir)
    const old = await d.voided(40)
    const recent = await d.voided(10)
    const open = await d.log(40)
    expect(await d.call('retention:due')).toEqual({ months: null, items: [] })

    const settings = await d.call('settings:get')
    await d.call('settings:update', { workflow: { ...settings, retentionMonths: 36 }, approval: d.approval })
    const due = await d.call('retention:due')
    expect(due.months).toBe(36)
    expect(due.items.map((r) => r.number)).toEqual([old.number])

    // Not past the period, or no manager's PIN: refused, nothing changed.
    const early = await d.refused('retention:anonymise', { ids: [recent.id], approval: d.approval })
    expect(early.message).toBe('所选投诉未超过保存期限（或已匿名），未做任何修改。')
    const noPin = await d.refused('retention:anonymise', {
      ids: [old.id],
      approval: { managerId: d.approval.managerId, pin: '000000' },
    })
    expect(noPin.code).not.toBe('OK')
    expect((await d.call('cases:get', { id: old.id })).customerName).toBe('王秀英')

    expect(await d.call('retention:anonymise', { ids: [old.id], approval: d.approval })).toEqual({ anonymised: 1 })
    const after = await d.call('cases:get', { id: old.id })
    expect(after).toMatchObject({ customerName: ANONYMISED_NAME, phone: '', status: 'voided' })
    expect(after.timeline.at(-1)?.action).toBe('anonymised')
    expect(after.description).toBe(old.description) // the complaint itself stays
    expect((await d.call('cases:get', { id: open.id })).customerName).toBe('王秀英')
    const audit = (await d.services.ctx.store.readAudit()).at(-1)
    expect(audit).toMatchObject({
      action: 'case.anonymised',
      target: old.number,
      approvedBy: { id: d.approval.managerId },
    })
    expect(await d.call('retention:due')).toEqual({ months: 36, items: [] })
    await d.services.close()
  })

  it('reaches archived cases too', async () => {
    const dir = await tempDir()
    const d = await branch(dir)
    const old = await d.voided(50)
    const settings = await d.call('settings:get')
    await d.call('settings:update', { workflow: { ...settings, retentionMonths: 24 }, approval: d.approval })
    await d.services.close()
    // A month later the voided case has gone to the archive.
    d.clock.advance(40 * DAY)
    const again = await openTestServices(dir, d.clock.now)
    await again.close()
    const later = await openTestServices(dir, d.clock.now)
    unwrap(await later.call('auth:signIn', { staffId: d.clerkId, pin: CLERK_PIN }))
    expect(later.ctx.store.data.cases.some((c) => c.id === old.id)).toBe(false)
    const due = unwrap(await later.call('retention:due'))
    expect(due.items.map((r) => r.id)).toEqual([old.id])
    unwrap(await later.call('retention:anonymise', { ids: [old.id], approval: d.approval }))
    expect(unwrap(await later.call('cases:get', { id: old.id })).customerName).toBe(ANONYMISED_NAME)
    await later.close()
  })
})
