import { describe, expect, it } from 'vitest'
import { availableActions } from '@shared/rules/lifecycle'
import { toLocalDateTime } from '@shared/values/localTime'
import type { CaseDraft } from '@shared/schemas/case'
import { clerkDesk, MANAGER_PIN } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

const DAY = 24 * 3600_000

/** A clerk's desk with helpers to log and move cases (the case-closing journeys of issue 12). */
async function desk(dir: string) {
  const d = await clerkDesk(dir, new Date(2026, 10, 22, 10, 0))
  const at = () => toLocalDateTime(d.clock.now())
  const create = (o: Partial<CaseDraft> = {}) =>
    d.call('cases:create', validDraft({ departmentId: d.departments[0].id, receivedAt: at(), ...o }))
  const resolve = (id: string) => d.call('cases:transition', { id, action: 'resolve', resolution: '已处理' })
  const oral = (id: string) => d.call('cases:recordOralReport', { id, to: '陈主管', at: at(), summary: '已处理' })
  return { ...d, at, create, resolve, oral }
}

describe('the case lifecycle through the services (issue 12)', () => {
  const tempDir = useTempDirs()

  it('#1 a Class 1 case raised to Class 2 after its oral report goes back to 已解决 and cannot close until the written report is submitted', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ category: 'delivery', description: '送货晚了两个小时', phone: '13900000011' })
    expect(c.caseClass).toBe(1)
    await d.resolve(c.id)
    await d.oral(c.id)
    const raised = await d.call('cases:raiseClass', { id: c.id, reason: '客户再次投诉' })
    expect(raised).toMatchObject({ status: 'resolved', caseClass: 2 })
    expect(raised.workflow.steps.report).toBeNull()
    expect(raised.timeline.at(-1)).toMatchObject({ action: 'class.raised_sent_back' })
    expect(
      (await d.refused('cases:recordFollowUp', { id: c.id, method: 'phone', satisfaction: 4, remarks: '' })).message,
    ).toBe('投诉当前为“已解决”，须先完成报告才能回访。')
    // The written report: generated, then submitted; only then does the loop go on.
    await d.call('reports:writtenReport', { id: c.id })
    const reported = await d.call('cases:submitWrittenReport', { id: c.id, submittedTo: '区域运营部', at: d.at() })
    expect(reported.status).toBe('reported')
    expect(reported.workflow.steps.report).not.toBeNull()
    await d.services.close()
  })

  it('#1 an over-limit goodwill offer after the oral report sends the case back the same way', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ category: 'delivery', description: '送货晚了', phone: '13900000012', amount: '20' })
    await d.resolve(c.id)
    await d.oral(c.id)
    const offered = await d.call('compensation:offer', {
      id: c.id,
      source: 'custom',
      items: [{ form: 'cash', valueFen: 500_00, note: '' }],
      capReason: '客户强烈要求',
      approval: d.approval,
    })
    expect(offered).toMatchObject({ caseClass: 2, status: 'resolved' })
    expect((await d.refused('cases:transition', { id: c.id, action: 'close' })).message).toBe(
      '投诉当前为“已解决”，须先记录回访才能结案。',
    )
    await d.services.close()
  })

  it('#1 a Class 2 case never closes without its written report, after any path', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ category: 'delivery', description: '送货晚了', phone: '13900000013' })
    await d.resolve(c.id)
    await d.oral(c.id)
    d.clock.advance(DAY)
    await d.call('cases:recordFollowUp', { id: c.id, method: 'phone', satisfaction: 4, remarks: '' })
    const raised = await d.call('cases:raiseClass', { id: c.id, reason: '媒体关注' })
    expect(raised.status).toBe('resolved')
    await d.call('cases:recordReview', {
      id: c.id,
      wentWell: '及时',
      improve: '沟通',
      rootCause: '排班',
      preventive: '加人',
      owner: '陈主管',
    })
    expect((await d.refused('cases:transition', { id: c.id, action: 'close' })).message).toBe(
      '投诉当前为“已解决”，须先记录回访才能结案。',
    )
    await d.call('reports:writtenReport', { id: c.id })
    // The follow-up already made counts once the report is in: straight to 已回访.
    const reported = await d.call('cases:submitWrittenReport', { id: c.id, submittedTo: '区域运营部', at: d.at() })
    expect(reported.status).toBe('followed_up')
    expect((await d.call('cases:transition', { id: c.id, action: 'close' })).status).toBe('closed')
    await d.services.close()
  })

  it('#2 the 报告 step cannot be ticked by hand; the report record ticks it', async () => {
    const d = await desk(await tempDir())
    const c = await d.create()
    expect((await d.refused('cases:tickStep', { id: c.id, step: 'report' })).message).toBe(
      '“报告”一步由口头报告或书面报告的记录自动完成，不能手动勾选。',
    )
    await d.resolve(c.id)
    const reported = await d.oral(c.id)
    expect(reported.workflow.steps.report).toMatchObject({ by: { name: '李娜' } })
    await d.services.close()
  })

  it('#3 an urgent case cannot be resolved until a manager is notified, and once closed it stops heading the list', async () => {
    const d = await desk(await tempDir())
    const urgent = await d.create({
      description: '顾客在店里滑倒摔伤了',
      phone: '13900000014',
      category: 'safety_health',
    })
    expect(urgent.workflow.urgent).toBe(true)
    const plain = await d.create({ phone: '13900000015', category: 'delivery', description: '送货晚了' })
    expect(
      (await d.refused('cases:transition', { id: urgent.id, action: 'resolve', resolution: '已送医' })).message,
    ).toBe('紧急事件须先记录已通知主管（或由主管接手），才能标记已解决。')
    await d.call('cases:recordEscalation', { id: urgent.id, who: '陈主管' })
    await d.resolve(urgent.id)
    await d.call('reports:writtenReport', { id: urgent.id })
    await d.call('cases:submitWrittenReport', { id: urgent.id, submittedTo: '区域运营部', at: d.at() })
    d.clock.advance(DAY)
    await d.call('cases:recordFollowUp', { id: urgent.id, method: 'visit', satisfaction: 4, remarks: '' })
    await d.call('cases:recordReview', {
      id: urgent.id,
      wentWell: '及时',
      improve: '地面防滑',
      rootCause: '地面湿滑',
      preventive: '防滑垫',
      owner: '陈主管',
    })
    expect((await d.call('cases:list', {})).items[0].id).toBe(urgent.id) // still heading the list
    await d.call('cases:transition', { id: urgent.id, action: 'close' })
    const list = await d.call('cases:list', {})
    expect(list.items[0].id).toBe(plain.id)
    expect(list.items.find((i) => i.id === urgent.id)?.flags.escalated).toBe(false)
    await d.services.close()
  })

  it('#4 the history rules count from 受理时间, not from when the case was typed in', async () => {
    const d = await desk(await tempDir())
    const twentyDaysAgo = (h: number) => toLocalDateTime(new Date(d.clock.now().getTime() - 20 * DAY + h * 3600_000))
    const premises = (i: number) =>
      d.create({
        category: 'premises',
        description: `洗手间太脏 ${i}`,
        phone: `1390000010${i}`,
        receivedAt: twentyDaysAgo(i),
      })
    expect((await premises(1)).caseClass).toBe(1)
    expect((await premises(2)).caseClass).toBe(1)
    const third = await premises(3)
    expect(third.caseClass).toBe(2)
    expect(third.workflow.reasons.map((r) => r.rule)).toContain('category_pattern')

    const daysAgo = (n: number) => toLocalDateTime(new Date(d.clock.now().getTime() - n * DAY))
    const first = await d.create({
      phone: '13900000200',
      category: 'delivery',
      description: '送货晚了',
      receivedAt: daysAgo(40),
    })
    expect(first.caseClass).toBe(1)
    const again = await d.create({
      phone: '13900000200',
      category: 'delivery',
      description: '又晚了',
      receivedAt: daysAgo(35),
    })
    expect(again.caseClass).toBe(2)
    expect(again.workflow.reasons.map((r) => r.rule)).toContain('repeat_customer')
    await d.services.close()
  })

  it('#6 refusals name the state in the user words and what is missing; a finished case offers no class change', async () => {
    const d = await desk(await tempDir())
    const c = await d.create({ category: 'delivery', description: '送货晚了', phone: '13900000016' })
    await d.resolve(c.id)
    const message = (await d.refused('cases:transition', { id: c.id, action: 'resolve', resolution: 'x' })).message
    expect(message).toBe('投诉当前为“已解决”，只有“已受理”或“处理中”的投诉可以标记已解决。')
    expect(message).not.toMatch(/resolved|[a-z]_[a-z]/)
    await d.oral(c.id)
    // Before its window the follow-up is refused with when it opens; with a reason it is taken.
    expect(
      (await d.refused('cases:recordFollowUp', { id: c.id, method: 'phone', satisfaction: 5, remarks: '' })).message,
    ).toMatch(/^回访时间未到（2026-11-23 10:00 起）/)
    await d.call('cases:recordFollowUp', {
      id: c.id,
      method: 'phone',
      satisfaction: 5,
      remarks: '',
      earlyReason: '客户当天来电表示满意',
    })
    const closed = await d.call('cases:transition', { id: c.id, action: 'close' })
    expect(closed.status).toBe('closed')
    const offered = availableActions(closed, { role: 'staff' })
    for (const action of ['raiseClass', 'lowerClass'] as const)
      expect(offered.find((a) => a.action === action)).toMatchObject({
        enabled: false,
        reason: { key: 'case_finished' },
      })
    expect((await d.refused('cases:raiseClass', { id: c.id, reason: 'x' })).message).toBe(
      '投诉已“已结案”，须先重新打开才能进行此操作。',
    )
    expect(
      (
        await d.refused('cases:lowerClass', {
          id: c.id,
          reason: 'x',
          approval: { managerId: d.managerId, pin: MANAGER_PIN },
        })
      ).code,
    ).toBe('NOT_ALLOWED')
    await d.services.close()
  })

  it('#7 a description over the limit is refused with the limit, not cut; 5,000 characters are taken', async () => {
    const d = await desk(await tempDir())
    const long = await d.refused(
      'cases:create',
      validDraft({ departmentId: d.departments[0].id, description: '长'.repeat(20_000) }),
    )
    expect(long.code).toBe('VALIDATION')
    expect(long.issues).toContainEqual({ path: 'description', message: '最多 5000 个字' })
    const taken = await d.create({ description: '长'.repeat(5000) })
    expect(taken.description).toHaveLength(5000)
    await d.services.close()
  })
})
