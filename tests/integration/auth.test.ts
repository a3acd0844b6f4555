import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import {
  CLERK_PIN,
  MANAGER_PIN,
  openTestServices,
  SETUP_CONTACTS,
  setUpBranch,
  testClock,
  unwrap,
} from '../support/services'
import { useTempDirs } from '../support/tempDir'

describe('first run, staff and sign-in', () => {
  const tempDir = useTempDirs()

  it('asks for set-up until a branch and a manager exist, then never again', async () => {
    const dir = await tempDir()
    const fresh = await openTestServices(dir)
    expect(unwrap(await fresh.call('app:status'))).toMatchObject({
      setupNeeded: true,
      session: null,
      locale: 'zh-CN',
    })
    await fresh.close()

    const { services, managerId } = await setUpBranch(dir)
    const status = unwrap(await services.call('app:status'))
    expect(status.setupNeeded).toBe(false)
    expect(status.branch).toEqual({ name: '静安寺店', code: 'SH01' })
    expect(status.session?.staff.id).toBe(managerId)
    const again = await services.call('setup:init', {
      branch: { name: '冒充', code: 'XX01' },
      manager: { name: '坏人', pin: '0000', pinConfirm: '0000' },
      contacts: SETUP_CONTACTS,
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await services.close()
  })

  it('stores PINs only as salted scrypt hashes', async () => {
    const { services } = await setUpBranch(await tempDir())
    const raw = await readFile(services.ctx.store.file, 'utf8')
    expect(raw).not.toContain(MANAGER_PIN)
    expect(raw).not.toContain(CLERK_PIN)
    const [a, b] = services.ctx.store.data.staff
    expect(a.pin.algo).toBe('scrypt')
    expect(a.pin.salt).not.toBe(b.pin.salt)
    await services.close()
  })

  it('rejects a PIN mismatch at set-up with a message on the confirm field', async () => {
    const services = await openTestServices(await tempDir())
    const result = await services.call('setup:init', {
      branch: { name: '静安寺店', code: 'SH01' },
      manager: { name: '陈主管', pin: '1234', pinConfirm: '4321' },
      contacts: SETUP_CONTACTS,
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'manager.pinConfirm', message: '两次输入的 PIN 码不一致' }] },
    })
    await services.close()
  })

  it('signs a clerk in with the right PIN and records who signed in', async () => {
    const { services, clerkId } = await setUpBranch(await tempDir())
    unwrap(await services.call('auth:signOut'))
    const session = unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    expect(session.staff).toMatchObject({ name: '李娜', role: 'staff' })
    await services.close()
  })

  it('says how many tries are left, locks after five wrong PINs, and unlocks after five minutes', async () => {
    const clock = testClock(new Date('2026-11-22T02:00:00Z'))
    const { services, clerkId } = await setUpBranch(await tempDir(), clock.now)
    unwrap(await services.call('auth:signOut'))
    const wrong = () => services.call('auth:signIn', { staffId: clerkId, pin: '9999' })

    expect(await wrong()).toMatchObject({
      ok: false,
      error: { code: 'WRONG_PIN', message: 'PIN 码不正确，还可再试 4 次。' },
    })
    for (let i = 0; i < 3; i++) await wrong()
    expect(await wrong()).toMatchObject({
      ok: false,
      error: { code: 'LOCKED', message: expect.stringContaining('5 分钟') },
    })
    // Even the right PIN is refused while locked, and the lock survives a restart.
    expect(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    })
    expect(services.ctx.store.data.staff.find((s) => s.id === clerkId)?.lockedUntil).toBe('2026-11-22T02:05:00.000Z')

    clock.advance(5 * 60_000 + 1)
    expect((await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN })).ok).toBe(true)
    expect(services.ctx.store.data.staff.find((s) => s.id === clerkId)).toMatchObject({
      failedAttempts: 0,
      lockedUntil: null,
    })
    await services.close()
  })

  it('lets a manager add staff and departments, records the approver, and refuses a clerk PIN', async () => {
    const { services, managerId, clerkId } = await setUpBranch(await tempDir())
    const byClerk = await services.call('departments:add', {
      name: '生鲜部',
      approval: { managerId: clerkId, pin: CLERK_PIN },
    })
    expect(byClerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const wrongPin = await services.call('departments:add', {
      name: '生鲜部',
      approval: { managerId, pin: '0000' },
    })
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
    expect(services.ctx.store.data.departments.map((d) => d.name)).not.toContain('生鲜部')

    const added = unwrap(
      await services.call('departments:add', { name: '生鲜部', approval: { managerId, pin: MANAGER_PIN } }),
    )
    expect(added).toMatchObject({ name: '生鲜部', active: true })
    const audit = (await services.ctx.store.readAudit()).at(-1)
    expect(audit).toMatchObject({ action: 'department.added', approvedBy: { id: managerId, name: '陈主管' } })

    const duplicate = await services.call('departments:add', {
      name: '生鲜部',
      approval: { managerId, pin: MANAGER_PIN },
    })
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '已有同名的部门。' } })
    await services.close()
  })
})
