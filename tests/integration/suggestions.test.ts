import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { toLocalDateTime } from '@shared/values/localTime'
import type { SuggestionDraft } from '@shared/schemas/suggestion'
import { CLERK_PIN, clerkDesk, openTestServices, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

describe('建议/意见: a record type of its own, outside the complaint counts (docs/domain.md §3a)', () => {
  const tempDir = useTempDirs()
  const draft = (o: Partial<SuggestionDraft> = {}): SuggestionDraft => ({
    receivedAt: toLocalDateTime(new Date(2026, 10, 22, 9, 30)),
    kind: 'suggestion',
    channel: 'counter',
    customerName: '',
    phone: '',
    departmentId: '',
    text: '希望生鲜区早上七点就开门。',
    ...o,
  })

  it('records, numbers JY-…, lists newest first, answers and voids with a reason — each audited; survives a restart', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    const first = await d.call('suggestions:create', draft())
    const second = await d.call(
      'suggestions:create',
      draft({ kind: 'opinion', customerName: '周女士', phone: '+86 139 1234 5678', departmentId: d.departments[1].id }),
    )
    expect(first).toMatchObject({ number: 'JY-20261122-0001', reply: null, voided: null, createdBy: { name: '李娜' } })
    expect(second).toMatchObject({ number: 'JY-20261122-0002', phone: '13912345678', departmentName: '收银' })
    const replied = await d.call('suggestions:reply', { id: first.id, text: '已转店长，下周起七点开门。' })
    expect(replied.reply).toMatchObject({ text: '已转店长，下周起七点开门。', by: { name: '李娜' } })
    const voided = await d.call('suggestions:void', { id: second.id, reason: '登记重复' })
    expect(voided.voided).toMatchObject({ reason: '登记重复' })
    const refusal = await d.refused('suggestions:reply', { id: second.id, text: '补充' })
    expect(refusal.message).toBe('该建议/意见已作废，不能再修改。')
    expect((await d.services.ctx.store.readAudit()).slice(-4).map((a) => a.action)).toEqual([
      'suggestion.created',
      'suggestion.created',
      'suggestion.replied',
      'suggestion.voided',
    ])
    await d.services.close()

    const again = await openTestServices(dir, d.clock.now)
    unwrap(await again.call('auth:signIn', { staffId: d.clerkId, pin: CLERK_PIN }))
    const list = unwrap(await again.call('suggestions:list'))
    expect(list.map((s) => [s.number, Boolean(s.reply), Boolean(s.voided)])).toEqual([
      ['JY-20261122-0002', false, true],
      ['JY-20261122-0001', true, false],
    ])
    await again.close()
  })

  it('refuses bad input with the field named, saving nothing', async () => {
    const d = await clerkDesk(await tempDir())
    const before = await readFile(d.services.ctx.store.file, 'utf8')
    const empty = await d.refused('suggestions:create', draft({ text: '   ' }))
    expect(empty.issues).toContainEqual({ path: 'text', message: '此项必填' })
    const phone = await d.refused('suggestions:create', draft({ phone: '12345' }))
    expect(phone.issues?.map((i) => i.path)).toEqual(['phone'])
    const dept = await d.refused('suggestions:create', draft({ departmentId: 'no-such-department' }))
    expect(dept.issues).toContainEqual({ path: 'departmentId', message: '请选择一项' })
    expect(await d.call('suggestions:list')).toEqual([])
    expect(await readFile(d.services.ctx.store.file, 'utf8')).toBe(before)
    await d.services.close()
  })

  it('is never counted as a complaint: not in the case list, the weekly figures count it apart', async () => {
    const d = await clerkDesk(await tempDir())
    await d.call('suggestions:create', draft())
    await d.call(
      'cases:create',
      validDraft({ departmentId: d.departments[0].id, receivedAt: toLocalDateTime(new Date(2026, 10, 22, 9, 0)) }),
    )
    expect((await d.call('cases:list', {})).total).toBe(1)
    const week = await d.call('reports:weekly', { from: '2026-11-16', to: '2026-11-22' })
    expect(week.total.total).toBe(1)
    expect(week.suggestions).toBe(1)
    await d.services.close()
  })
})
