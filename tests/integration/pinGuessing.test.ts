import { describe, expect, it } from 'vitest'
import { CLERK_PIN, MANAGER_PIN, clerkDesk, setUpBranch, testClock, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'
import { validDraft } from '../support/factories'

describe('PIN guessing', () => {
  const tempDir = useTempDirs()

  it('parallel guesses cannot get past the lockout: five wrong PINs in any order lock the account', async () => {
    const clock = testClock(new Date('2026-11-22T02:00:00Z'))
    const { services, clerkId } = await setUpBranch(await tempDir(), clock.now)
    const guesses = Array.from({ length: 60 }, (_, i) => String(2000 + i))
    // The right PIN races with the wrong ones; at most five guesses are ever checked.
    const answers = await Promise.all(
      [...guesses, CLERK_PIN].map((pin, i) => services.as(`tab-${i}`)('auth:signIn', { staffId: clerkId, pin })),
    )
    const checkedWrong = answers.filter((a) => !a.ok && a.error.code === 'WRONG_PIN').length
    const locked = answers.filter((a) => !a.ok && a.error.code === 'LOCKED').length
    expect(checkedWrong).toBe(4) // the fifth wrong PIN answers LOCKED
    expect(locked).toBe(answers.length - 4)
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    expect(services.ctx.store.data.staff.find((s) => s.id === clerkId)?.lockedUntil).toBe('2026-11-22T02:05:00.000Z')
    await services.close()
  })

  it('wrong PINs count even while the store cannot write', async () => {
    const clock = testClock(new Date('2026-11-22T02:00:00Z'))
    const { services, clerkId } = await setUpBranch(await tempDir(), clock.now)
    const store = services.ctx.store
    const update = store.update.bind(store)
    // An injected write failure (a disk gone read-only): the guesses must still be counted.
    store.update = () => Promise.reject(new Error('EROFS: read-only file system'))
    const answers = []
    for (let i = 0; i < 8; i++) answers.push(await services.call('auth:signIn', { staffId: clerkId, pin: '9999' }))
    expect(answers.slice(4).every((a) => !a.ok && a.error.code === 'LOCKED')).toBe(true)
    expect(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    })
    store.update = update
    await services.close()
  })
})

describe('manager approvals', () => {
  const tempDir = useTempDirs()

  it('a clerk cannot lock the manager out: wrong approval PINs throttle the clerk, and who tried is recorded', async () => {
    const desk = await clerkDesk(await tempDir())
    const { services, managerId } = desk
    const created = await desk.call(
      'cases:create',
      validDraft({ departmentId: desk.departments[0].id, description: '顾客滑倒摔伤了', phone: '13900000001' }),
    )
    for (let i = 0; i < 6; i++) {
      await services.call('cases:takeOver', { id: created.id, approval: { managerId, pin: '000000' } })
    }
    const throttled = await services.call('cases:takeOver', {
      id: created.id,
      approval: { managerId, pin: MANAGER_PIN },
    })
    expect(throttled).toMatchObject({ ok: false, error: { code: 'LOCKED' } })
    if (!throttled.ok) expect(throttled.error.message).toContain('审批')
    // The manager is not locked: they sign in, and approve from their own window.
    const manager = services.as('manager-window')
    unwrap(await manager('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
    unwrap(await manager('cases:takeOver', { id: created.id, approval: { managerId, pin: MANAGER_PIN } }))
    const audit = await services.ctx.store.readAudit()
    const refused = audit.filter((e) => e.action === 'approval.refused')
    expect(refused.length).toBeGreaterThanOrEqual(5)
    expect(refused[0]).toMatchObject({ by: { name: '李娜' }, target: managerId })
    expect(services.ctx.store.data.staff.find((s) => s.id === managerId)).toMatchObject({ lockedUntil: null })
    // The clerk's own sign-in is not locked either.
    expect((await services.as('other')('auth:signIn', { staffId: desk.clerkId, pin: CLERK_PIN })).ok).toBe(true)
    await services.close()
  })
})
