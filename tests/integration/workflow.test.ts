import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { toLocalDateTime } from '@shared/values/localTime'
import { recordWrittenReportGenerated } from '../../electron/services/workflow'
import { clerkDesk, CLERK_PIN, MANAGER_PIN, openTestServices, setUpBranch, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

describe('the handling workflow through the services', () => {
  const tempDir = useTempDirs()

  async function desk() {
    const d = await clerkDesk(await tempDir())
    const create = (o = {}) =>
      d.call(
        'cases:create',
        validDraft({ departmentId: d.departments[1].id, receivedAt: toLocalDateTime(d.clock.now()), ...o }),
      )
    return { ...d, create }
  }

  it('journey (a): a cashier short-change complaint, Class 1, handled at the desk to closure', async () => {
    const { call, refused, create, clock, services } = await desk()
    const c = await create({
      category: 'cashier_error',
      customerType: 'regular',
      description: '收银员少找了十元。',
      amount: '10',
      demand: 'refund',
      fault: 'ours',
    })
    expect(c).toMatchObject({
      caseClass: 1,
      status: 'received',
      workflow: { proposedClass: 1, reasons: [], urgent: false },
    })
    await call('cases:tickStep', { id: c.id, step: 'listen' })
    await call('cases:tickStep', { id: c.id, step: 'attend' })
    expect((await refused('cases:tickStep', { id: c.id, step: 'listen' })).message).toBe('该步骤已完成。')
    await call('cases:transition', { id: c.id, action: 'resolve', resolution: '当场补足找零 10 元并致歉' })
    // Class 1 cannot be reported in writing, nor followed up before the oral report.
    expect(
      (
        await refused('cases:submitWrittenReport', {
          id: c.id,
          submittedTo: '运营部',
          at: toLocalDateTime(clock.now()),
        })
      ).code,
    ).toBe('NOT_ALLOWED')
    expect(
      (await refused('cases:recordFollowUp', { id: c.id, method: 'phone', satisfaction: 5, remarks: '' })).message,
    ).toBe('投诉当前为“已解决”，须先完成报告才能回访。')
    const reported = await call('cases:recordOralReport', {
      id: c.id,
      to: '陈主管',
      at: toLocalDateTime(clock.now()),
      summary: '少找 10 元，已当场补足',
    })
    expect(reported.status).toBe('reported')
    clock.advance(24 * 3600_000)
    const followed = await call('cases:recordFollowUp', {
      id: c.id,
      method: 'phone',
      satisfaction: 5,
      remarks: '客户满意',
    })
    expect(followed.status).toBe('followed_up')
    const closed = await call('cases:transition', { id: c.id, action: 'close' })
    expect(closed.status).toBe('closed')
    expect(closed.timeline.map((e) => e.action)).toEqual([
      'created',
      'step.listen',
      'step.attend',
      'status.resolved',
      'report.oral',
      'followUp.recorded',
      'status.closed',
    ])
    expect(closed.timeline.every((e) => e.by.name === '李娜')).toBe(true)
    expect((await services.ctx.store.readAudit()).filter((a) => a.target === c.number).length).toBe(7)
  })

  it('journey (b): ill after eating, threatens a journalist: Class 2 + urgent, escalation, commitments, no closing without the written report', async () => {
    const { call, refused, create, clock, approval, services } = await desk()
    const c = await create({
      category: 'product_quality',
      description: '昨天在店里买的熟食，吃了以后上吐下泻，呕吐了一晚上，说要找记者曝光。',
      demand: 'compensation',
      amount: '38',
      claimAmount: '2000',
    })
    expect(c.caseClass).toBe(2)
    expect(c.workflow.urgent).toBe(true)
    expect(c.workflow.reasons.map((r) => r.rule)).toEqual([
      'safety_health',
      'external_threat',
      'over_authority',
      'injury_or_harm',
    ])
    expect(c.flags.escalated).toBe(true)

    // Escalated cases head the list.
    await create({ description: '普通投诉' })
    const list = unwrap(await services.call('cases:list', { sort: 'receivedAt', dir: 'asc' }))
    expect(list.items[0].id).toBe(c.id)

    await call('cases:recordEscalation', { id: c.id, who: '陈主管（电话）' })
    expect((await refused('cases:takeOver', { id: c.id, approval: { ...approval, pin: CLERK_PIN } })).code).toBe(
      'WRONG_PIN',
    )
    const taken = await call('cases:takeOver', { id: c.id, approval })
    expect(taken.flags.escalated).toBe(false)
    expect(taken.workflow.escalation?.takenOverBy?.by.name).toBe('陈主管')

    const due = toLocalDateTime(new Date(clock.now().getTime() + 26 * 3600_000))
    const withPromise = await call('commitments:add', {
      id: c.id,
      what: '明天下午回电告知检测结果',
      owner: '陈主管',
      dueAt: due,
    })
    const promiseId = withPromise.workflow.commitments[0].id
    await call('cases:transition', { id: c.id, action: 'resolve', resolution: '退款并承担医药费' })
    expect(
      (
        await refused('cases:recordOralReport', {
          id: c.id,
          to: '陈主管',
          at: toLocalDateTime(clock.now()),
          summary: 'x',
        })
      ).message,
    ).toMatch(/口头报告只用于一类投诉/)
    expect(
      (
        await refused('cases:submitWrittenReport', {
          id: c.id,
          submittedTo: '区域运营部',
          at: toLocalDateTime(clock.now()),
        })
      ).message,
    ).toBe('二类投诉须先生成书面报告，才能标记已提交。')
    expect((await refused('cases:transition', { id: c.id, action: 'close' })).message).toMatch(/须先记录回访才能结案/)

    // The report record (the PDF itself comes with the reports feature) satisfies the guard once submitted.
    await recordWrittenReportGenerated(services.contextFor(), c.id)
    const reported = await call('cases:submitWrittenReport', {
      id: c.id,
      submittedTo: '区域运营部',
      at: toLocalDateTime(clock.now()),
    })
    expect(reported.status).toBe('reported')
    await call('commitments:keep', { id: c.id, commitmentId: promiseId })
    clock.advance(24 * 3600_000) // the follow-up window opens a day after resolution
    await call('cases:recordFollowUp', { id: c.id, method: 'visit', satisfaction: 4, remarks: '已康复' })
    expect((await refused('cases:transition', { id: c.id, action: 'close' })).message).toBe(
      '须先填写反省检讨才能结案（二类投诉或已标记需检讨的投诉）。',
    )
    await call('cases:recordReview', {
      id: c.id,
      wentWell: '及时上报',
      improve: '熟食温控',
      rootCause: '冷柜温度过高',
      preventive: '每两小时测温',
      owner: '生鲜主管',
    })
    expect((await call('cases:transition', { id: c.id, action: 'close' })).status).toBe('closed')
  })

  it('staff may raise to Class 2; lowering needs a manager PIN and a reason, enforced in main', async () => {
    const { call, refused, refusedUntyped, create, approval, clerkId } = await desk()
    const c = await create()
    const raised = await call('cases:raiseClass', { id: c.id, reason: '客户是本地商会会长' })
    expect(raised.caseClass).toBe(2)
    // Untyped on purpose: the contract does not accept lowering without an approval.
    expect((await refusedUntyped('cases:lowerClass', { id: c.id, reason: '误判' })).code).toBe('VALIDATION')
    expect(
      (
        await refused('cases:lowerClass', {
          id: c.id,
          reason: '误判',
          approval: { managerId: clerkId, pin: CLERK_PIN },
        })
      ).code,
    ).toBe('FORBIDDEN')
    expect((await refused('cases:lowerClass', { id: c.id, reason: '', approval })).code).toBe('VALIDATION')
    const lowered = await call('cases:lowerClass', { id: c.id, reason: '经核实为普通客户', approval })
    expect(lowered.caseClass).toBe(1)
    expect(lowered.workflow.classChange).toMatchObject({
      from: 2,
      to: 1,
      reason: '经核实为普通客户',
      approvedBy: { name: '陈主管' },
    })
  })

  it('a Class 1 case marked for review cannot close without one', async () => {
    const { call, refused, create, clock } = await desk()
    const c = await create()
    await call('cases:requestReview', { id: c.id })
    await call('cases:transition', { id: c.id, action: 'resolve', resolution: '已处理' })
    await call('cases:recordOralReport', {
      id: c.id,
      to: '陈主管',
      at: toLocalDateTime(clock.now()),
      summary: '已处理',
    })
    clock.advance(24 * 3600_000) // the follow-up window opens a day after resolution
    await call('cases:recordFollowUp', { id: c.id, method: 'phone', satisfaction: 3, remarks: '' })
    expect((await refused('cases:transition', { id: c.id, action: 'close' })).message).toBe(
      '须先填写反省检讨才能结案（二类投诉或已标记需检讨的投诉）。',
    )
    await call('cases:recordReview', {
      id: c.id,
      wentWell: '及时',
      improve: '培训',
      rootCause: '新员工',
      preventive: '带教',
      owner: '店长',
    })
    expect((await call('cases:transition', { id: c.id, action: 'close' })).status).toBe('closed')
  })

  it('reopen needs a reason and goes round the loop again; void needs a manager and is final', async () => {
    const { call, refused, refusedUntyped, create, approval, clock } = await desk()
    const c = await create()
    await call('cases:transition', { id: c.id, action: 'resolve', resolution: '已处理' })
    await call('cases:recordOralReport', {
      id: c.id,
      to: '陈主管',
      at: toLocalDateTime(clock.now()),
      summary: '已处理',
    })
    // Untyped on purpose: a reopen without a reason, and a void without an approval, are not in the contract.
    expect((await refusedUntyped('cases:transition', { id: c.id, action: 'reopen' })).code).toBe('VALIDATION')
    const reopened = await call('cases:transition', { id: c.id, action: 'reopen', reason: '客户回来说问题没解决' })
    expect(reopened).toMatchObject({ status: 'in_progress', workflow: { oralReport: null, resolvedAt: null } })
    expect((await refusedUntyped('cases:transition', { id: c.id, action: 'void', reason: '重复登记' })).code).toBe(
      'VALIDATION',
    )
    const voided = await call('cases:transition', { id: c.id, action: 'void', reason: '重复登记', approval })
    expect(voided.status).toBe('voided')
    expect((await refused('cases:tickStep', { id: c.id, step: 'thank' })).message).toBe('该投诉已作废，不能再修改。')
    // Voided, never deleted.
    const again = await call('cases:get', { id: c.id })
    expect(again.workflow.voided).toMatchObject({ reason: '重复登记', approvedBy: { name: '陈主管' } })
  })

  it('re-agreeing a promise keeps the old time and the reason; the home screen shows what is due', async () => {
    const { call, refused, create, clock, services } = await desk()
    const c = await create({ customerType: 'vip_large_account' })
    const in1h = toLocalDateTime(new Date(clock.now().getTime() + 3600_000))
    const withPromise = await call('commitments:add', { id: c.id, what: '下午回电', owner: '李娜', dueAt: in1h })
    const id = withPromise.workflow.commitments[0].id
    let home = unwrap(await services.call('home:summary'))
    expect(home.commitmentsDueToday.map((x) => x.commitment.what)).toEqual(['下午回电'])
    expect(home.openByClass).toEqual({ class1: 0, class2: 1 })

    clock.advance(2 * 3600_000)
    home = unwrap(await services.call('home:summary'))
    expect(home.overdueCommitments.map((x) => x.commitment.what)).toEqual(['下午回电'])
    const listed = unwrap(await services.call('cases:list', {}))
    expect(listed.items[0].flags.commitmentsOverdue).toBe(1)

    expect((await refused('commitments:reagree', { id: c.id, commitmentId: id, dueAt: in1h, reason: '' })).code).toBe(
      'VALIDATION',
    )
    const tomorrow = toLocalDateTime(new Date(clock.now().getTime() + 20 * 3600_000))
    const moved = await call('commitments:reagree', {
      id: c.id,
      commitmentId: id,
      dueAt: tomorrow,
      reason: '客户要求改到明天',
    })
    expect(moved.workflow.commitments[0].reagreed).toEqual([
      expect.objectContaining({ reason: '客户要求改到明天', fromDueAt: new Date(in1h).toISOString() }),
    ])
    home = unwrap(await services.call('home:summary'))
    expect(home.overdueCommitments).toEqual([])
  })

  it('settings: keyword lists change classification; editing needs a manager and valid values', async () => {
    const { services, create, approval } = await desk()
    const settings = unwrap(await services.call('settings:get'))
    const before = await readFile(services.ctx.store.file, 'utf8')
    const bad = await services.call('settings:update', {
      workflow: { ...settings, authorityLimitFen: -1 },
      approval,
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await readFile(services.ctx.store.file, 'utf8')).toBe(before)
    const custom = { ...settings, keywords: { ...settings.keywords, external_threat: { zh: ['找领导'], en: [] } } }
    unwrap(await services.call('settings:update', { workflow: custom, approval }))
    expect((await create({ description: '客户说要找领导' })).caseClass).toBe(2)
    expect((await create({ description: '客户说要找律师', phone: '13900001111' })).caseClass).toBe(1)
  })

  it('首页 lists what is left to set up until a manager has saved the policy and taken a backup by hand', async () => {
    const { services, approval } = await desk()
    const left = async () => {
      const { setup } = unwrap(await services.call('home:summary'))
      return setup && setup.filter((i) => !i.done).map((i) => i.task)
    }
    // The wizard's contacts and the clerk 李娜 are there; the policy and a backup are not.
    expect(await left()).toEqual(['policy', 'backup'])
    const settings = unwrap(await services.call('settings:get'))
    // A refused save confirms nothing.
    expect(
      (await services.call('settings:update', { workflow: { ...settings, authorityLimitFen: -1 }, approval })).ok,
    ).toBe(false)
    expect(await left()).toEqual(['policy', 'backup'])
    unwrap(await services.call('settings:update', { workflow: settings, approval }))
    expect(await left()).toEqual(['backup'])
    unwrap(await services.call('backups:create', { approval }))
    expect(await left()).toBeNull()
  })

  it('previews the class while the clerk types, with branch history', async () => {
    const { services, create } = await desk()
    await create({ phone: '13912345678' })
    const preview = unwrap(
      await services.call('cases:classify', {
        category: 'delivery',
        customerType: 'regular',
        phone: '139 1234 5678',
        amount: 'x',
        lossAmount: '',
        claimAmount: '',
        description: '打人了',
        demandNote: '',
        situations: [],
        resolvedAtDesk: 'pending',
        receivedAt: '',
      }),
    )
    expect(preview.caseClass).toBe(2)
    expect(preview.reasons.map((r) => r.rule)).toEqual(['repeat_customer', 'violence_threat'])
    expect(preview.detectedSituations).toEqual(['violence_threat'])
    // Untyped on purpose: a half-filled form with fields missing is previewed the same.
    const partial = { category: 'delivery', phone: '139 1234 5678', description: '打人了', amount: 'x' }
    expect(await services.dispatch('cases:classify', partial)).toEqual({ ok: true, data: preview })
  })
})

describe('the audit trail of the services', () => {
  const tempDir = useTempDirs()

  it('chains every change, records settings edits with before and after, and reports a tampered file on the next start', async () => {
    const dir = await tempDir()
    const { services, managerId, departments } = await setUpBranch(dir)
    unwrap(await services.call('cases:create', validDraft({ departmentId: departments[0].id })))
    const settings = unwrap(await services.call('settings:get'))
    unwrap(
      await services.call('settings:update', {
        workflow: { ...settings, authorityLimitFen: 200_00 },
        approval: { managerId, pin: MANAGER_PIN },
      }),
    )
    const audit = await services.ctx.store.readAudit()
    expect(audit.map((a) => a.action)).toEqual(['setup', 'staff.added', 'case.created', 'settings.workflow'])
    expect(audit.at(-1)?.changes).toEqual([{ field: 'authorityLimitFen', before: '10000', after: '20000' }])
    await services.auditChecked
    expect(unwrap(await services.call('app:status')).audit).toEqual({
      ok: true,
      entries: 4,
    })
    await services.close()

    // Someone edits the audit log by hand to hide who logged the case.
    const file = `${dir}/complaint-desk.audit.jsonl`
    const lines = (await readFile(file, 'utf8')).split('\n')
    lines[2] = lines[2].replace(/"name":"[^"]*"/, '"name":"某人"')
    const { writeFile } = await import('node:fs/promises')
    await writeFile(file, lines.join('\n'))
    const reopened = await openTestServices(dir)
    await reopened.auditChecked
    expect(unwrap(await reopened.call('app:status')).audit).toEqual({
      ok: false,
      entries: 4,
      brokenAt: 3,
    })
    await reopened.close()
  })
})
