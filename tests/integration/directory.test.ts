import { describe, expect, it } from 'vitest'
import { clerkDesk, CLERK_PIN, MANAGER_PIN, openTestServices, SETUP_CONTACTS, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { USE_ELEVATION } from '@shared/schemas/common'
import { useTempDirs } from '../support/tempDir'

/** 设置 → 员工与部门: renamed and deactivated with a manager's approval, audited, nothing deleted. */
describe('staff and departments: renamed, deactivated and brought back', () => {
  const tempDir = useTempDirs()

  /** The clerk 李娜 signed in here, the manager 陈主管 signed in in the manager's window. */
  async function desk() {
    const d = await clerkDesk(await tempDir())
    const manager = d.services.as('manager-window')
    unwrap(await manager('auth:signIn', { staffId: d.managerId, pin: MANAGER_PIN }))
    const lastAudit = async () => (await d.services.ctx.store.readAudit()).at(-1)!
    return { ...d, manager, lastAudit }
  }

  it('renames a clerk: audited before and after with the approver; the session shows the new name; cases keep theirs', async () => {
    const d = await desk()
    const c = await d.call('cases:create', validDraft({ departmentId: d.departments[0].id }))
    const entry = unwrap(await d.manager('staff:rename', { staffId: d.clerkId, name: '李娜娜', approval: d.approval }))
    expect(entry).toMatchObject({ id: d.clerkId, name: '李娜娜', active: true, openCases: 1 })
    expect(await d.lastAudit()).toMatchObject({
      action: 'staff.renamed',
      target: d.clerkId,
      by: { name: '陈主管' },
      approvedBy: { name: '陈主管' },
      changes: [{ field: 'name', before: '李娜', after: '李娜娜' }],
    })
    expect((await d.call('app:status')).session?.staff.name).toBe('李娜娜')
    // The manager's standing approval (from signing in) carries his name; a rename of him shows there too.
    unwrap(await d.manager('staff:rename', { staffId: d.managerId, name: '陈经理', approval: d.approval }))
    expect(unwrap(await d.manager('app:status')).session?.elevation?.by.name).toBe('陈经理')
    expect((await d.call('auth:listStaff')).map((s) => s.name)).toContain('李娜娜')
    // What was recorded stays as it was recorded.
    expect((await d.call('cases:get', { id: c.id })).createdBy.name).toBe('李娜')
  })

  it('refuses a name an active colleague has (on the name field), and the same name', async () => {
    const d = await desk()
    const taken = await d.refused('staff:rename', { staffId: d.clerkId, name: ' 陈主管', approval: d.approval })
    expect(taken).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'name', message: '已有同名的员工。' }] })
    const same = await d.refused('staff:rename', { staffId: d.clerkId, name: '李娜', approval: d.approval })
    expect(same.code).toBe('NOT_ALLOWED')
    expect(same.message).toMatch(/没有变化/)
    expect(await d.refused('staff:rename', { staffId: 'nobody', name: 'x', approval: d.approval })).toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('a deactivated clerk is signed out, cannot sign in, is not offered or accepted as owner; cases keep them; brought back they sign in again', async () => {
    const d = await desk()
    const c = await d.call('cases:create', validDraft({ departmentId: d.departments[0].id }))
    const off = unwrap(await d.manager('staff:setActive', { staffId: d.clerkId, active: false, approval: d.approval }))
    expect(off).toMatchObject({ name: '李娜', active: false, openCases: 1 })
    expect(await d.lastAudit()).toMatchObject({
      action: 'staff.deactivated',
      target: d.clerkId,
      approvedBy: { name: '陈主管' },
    })
    // Signed out where she was signed in, and cannot sign in again.
    expect((await d.call('app:status')).session).toBeNull()
    expect((await d.services.call('auth:signIn', { staffId: d.clerkId, pin: CLERK_PIN })).ok).toBe(false)
    // Not on the sign-in list or the owner choices; a handoff to her is refused.
    expect(unwrap(await d.manager('auth:listStaff')).map((s) => s.id)).not.toContain(d.clerkId)
    const assign = await d.manager('cases:assign', { id: c.id, staffId: d.clerkId, departmentId: '', note: '交给李娜' })
    expect(assign).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    // Still on the directory, and her case still names her.
    const directory = unwrap(await d.manager('staff:directory'))
    expect(directory.find((s) => s.id === d.clerkId)).toMatchObject({ active: false, name: '李娜' })
    expect(directory.at(-1)?.id).toBe(d.clerkId) // active first
    expect(unwrap(await d.manager('cases:get', { id: c.id })).workflow.owner?.name).toBe('李娜')
    expect(d.services.ctx.store.data.staff.some((s) => s.id === d.clerkId)).toBe(true)

    unwrap(await d.manager('staff:setActive', { staffId: d.clerkId, active: true, approval: d.approval }))
    expect(await d.lastAudit()).toMatchObject({ action: 'staff.reactivated', target: d.clerkId })
    expect((await d.services.call('auth:signIn', { staffId: d.clerkId, pin: CLERK_PIN })).ok).toBe(true)
  })

  it('never deactivates the last active manager, nor the signed-in account; another manager may', async () => {
    const d = await desk()
    const last = await d.services.as('manager-window')('staff:setActive', {
      staffId: d.managerId,
      active: false,
      approval: d.approval,
    })
    expect(last).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    if (!last.ok) expect(last.error.message).toMatch(/自己/)
    const fromClerk = await d.refused('staff:setActive', { staffId: d.managerId, active: false, approval: d.approval })
    expect(fromClerk.code).toBe('NOT_ALLOWED')
    expect(fromClerk.message).toMatch(/最后一位/)

    const second = unwrap(
      await d.manager('staff:add', {
        staff: { name: '王经理', role: 'manager', pin: '8642', pinConfirm: '8642' },
        approval: d.approval,
      }),
    )
    // The clerk's desk holds 陈主管's approval (given with his PIN for 王经理 just now).
    expect((await d.call('app:status')).session?.elevation?.by.name).toBe('陈主管')
    // 王经理, signed in at his own desk, deactivates 陈主管 on his standing approval.
    const wang = d.services.as('wang-window')
    unwrap(await wang('auth:signIn', { staffId: second.id, pin: '8642' }))
    unwrap(
      await wang('staff:setActive', {
        staffId: d.managerId,
        active: false,
        approval: { managerId: second.id, pin: USE_ELEVATION },
      }),
    )
    // His window is signed out, his approval no longer stands anywhere, and his PIN approves nothing.
    expect(d.services.signedIn('manager-window')).toBe(false)
    expect((await d.call('app:status')).session?.elevation ?? null).toBeNull()
    const approve = await d.refused('staff:setActive', { staffId: second.id, active: false, approval: d.approval })
    expect(approve.code).toBe('FORBIDDEN')
    expect(d.services.ctx.store.data.staff.find((s) => s.id === second.id)?.active).toBe(true)
  })

  it('a deactivated department is not offered or accepted for new cases; its cases keep its name; one stays active', async () => {
    const d = await desk()
    const [front, cash, ...others] = d.departments
    const old = await d.call('cases:create', validDraft({ departmentId: cash.id }))
    const off = unwrap(
      await d.manager('departments:setActive', { departmentId: cash.id, active: false, approval: d.approval }),
    )
    expect(off).toMatchObject({ name: cash.name, active: false, openCases: 1 })
    expect(await d.lastAudit()).toMatchObject({ action: 'department.deactivated', target: cash.id })
    expect((await d.call('departments:list')).map((x) => x.id)).not.toContain(cash.id)
    expect(await d.refused('cases:create', validDraft({ departmentId: cash.id }))).toMatchObject({
      code: 'VALIDATION',
    })
    expect((await d.call('cases:get', { id: old.id })).departmentName).toBe(cash.name)
    expect((await d.call('cases:list', {})).items.find((s) => s.id === old.id)?.departmentName).toBe(cash.name)
    expect((await d.call('departments:directory')).find((x) => x.id === cash.id)).toMatchObject({ active: false })

    for (const x of others)
      unwrap(await d.manager('departments:setActive', { departmentId: x.id, active: false, approval: d.approval }))
    const lastOne = await d.refused('departments:setActive', {
      departmentId: front.id,
      active: false,
      approval: d.approval,
    })
    expect(lastOne.code).toBe('NOT_ALLOWED')
    expect(lastOne.message).toMatch(/至少/)

    unwrap(await d.manager('departments:setActive', { departmentId: cash.id, active: true, approval: d.approval }))
    expect((await d.call('departments:list')).map((x) => x.id)).toContain(cash.id)
  })

  it('renames a department: audited; refused when an active one has the name', async () => {
    const d = await desk()
    const [front, cash] = d.departments
    const renamed = unwrap(
      await d.manager('departments:rename', { departmentId: cash.id, name: '收银台', approval: d.approval }),
    )
    expect(renamed).toMatchObject({ id: cash.id, name: '收银台', active: true })
    expect(await d.lastAudit()).toMatchObject({
      action: 'department.renamed',
      changes: [{ field: 'name', before: cash.name, after: '收银台' }],
    })
    const taken = await d.refused('departments:rename', {
      departmentId: cash.id,
      name: front.name,
      approval: d.approval,
    })
    expect(taken).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'name', message: '已有同名的部门。' }] })
  })
})

describe('first run: contacts and service phone', () => {
  const tempDir = useTempDirs()
  const setup = {
    branch: { name: '静安寺店', code: 'sh01' },
    manager: { name: '陈主管', pin: MANAGER_PIN, pinConfirm: MANAGER_PIN },
  }

  it('refuses a set-up without emergency contacts or with a bad service phone, field by field', async () => {
    const services = await openTestServices(await tempDir())
    const none = await services.dispatch('setup:init', setup)
    expect(none).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const bad = await services.call('setup:init', {
      ...setup,
      contacts: { managerContacts: [{ name: '陈主管', role: '', phone: '123' }], serviceContact: '服务台' },
    })
    expect(bad.ok).toBe(false)
    if (!bad.ok)
      expect(bad.error.issues?.map((i) => i.path)).toEqual(
        expect.arrayContaining(['contacts.managerContacts.0.phone', 'contacts.serviceContact']),
      )
    expect(unwrap(await services.call('app:status')).setupNeeded).toBe(true)
    await services.close()
  })

  it('keeps the contacts and service phone, and the departments as edited', async () => {
    const services = await openTestServices(await tempDir())
    unwrap(
      await services.call('setup:init', {
        ...setup,
        contacts: SETUP_CONTACTS,
        departments: ['前台', '收银', '生鲜部'],
      }),
    )
    const settings = unwrap(await services.call('settings:get'))
    expect(settings.managerContacts).toEqual(SETUP_CONTACTS.managerContacts)
    expect(settings.serviceContact).toBe(SETUP_CONTACTS.serviceContact)
    expect(unwrap(await services.call('departments:list')).map((d) => d.name)).toEqual(['前台', '收银', '生鲜部'])
    await services.close()
  })

  it('a policy save leaves the contacts alone; the contacts form checks them and is audited', async () => {
    const services = await openTestServices(await tempDir())
    const session = unwrap(await services.call('setup:init', { ...setup, contacts: SETUP_CONTACTS }))
    const approval = { managerId: session.staff.id, pin: MANAGER_PIN }
    const settings = unwrap(await services.call('settings:get'))
    const saved = unwrap(
      await services.call('settings:update', {
        workflow: { ...settings, authorityLimitFen: 300_00 },
        approval,
      }),
    )
    expect(saved).toMatchObject({ authorityLimitFen: 300_00, serviceContact: SETUP_CONTACTS.serviceContact })
    expect(saved.managerContacts).toEqual(SETUP_CONTACTS.managerContacts)

    const empty = await services.call('settings:setContacts', {
      managerContacts: [],
      serviceContact: '95588',
      approval,
    })
    expect(empty).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'managerContacts', message: '请至少填写一位紧急上报联系人' }] },
    })
    const contacts = [
      { name: '陈主管', role: '店长', phone: '13800000000' },
      { name: '王经理', role: '区域经理', phone: '021-62345678-8001' },
    ]
    const done = unwrap(
      await services.call('settings:setContacts', { managerContacts: contacts, serviceContact: '95588', approval }),
    )
    expect(done).toMatchObject({ serviceContact: '95588', managerContacts: contacts, authorityLimitFen: 300_00 })
    const entry = (await services.ctx.store.readAudit()).at(-1)!
    expect(entry).toMatchObject({ action: 'settings.contacts', approvedBy: { name: '陈主管' } })
    expect(entry.changes?.map((c) => c.field).sort()).toEqual(['managerContacts', 'serviceContact'])
    await services.close()
  })
})
