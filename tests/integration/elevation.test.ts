import { describe, expect, it } from 'vitest'
import { USE_ELEVATION } from '@shared/schemas/common'
import { ELEVATION_MINUTES } from '@shared/rules/elevation'
import { CLERK_PIN, MANAGER_PIN, setUpBranch, testClock, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

// 主管授权 (docs/domain.md §10): a manager's PIN stands for further approvals for a few minutes,
// in that window or tab only, and every approval is still recorded with the approver.
describe('manager elevation', () => {
  const tempDir = useTempDirs()
  const branch = async () => {
    const clock = testClock(new Date(2026, 10, 23, 9, 0))
    const setup = await setUpBranch(await tempDir(), clock.now)
    const department = (name: string, pin: string) =>
      setup.services.call('departments:add', { name, approval: { managerId: setup.managerId, pin } })
    return { ...setup, clock, department }
  }

  it('lets a signed-in manager approve without retyping, recorded with the approver', async () => {
    const { services, managerId, department } = await branch()
    unwrap(await services.call('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
    const status = unwrap(await services.call('app:status'))
    expect(status.session?.elevation?.by).toEqual({ id: managerId, name: '陈主管' })
    unwrap(await department('生鲜部', USE_ELEVATION))
    const audit = (await services.ctx.store.readAudit()).at(-1)
    expect(audit).toMatchObject({ action: 'department.added', approvedBy: { id: managerId, name: '陈主管' } })
    await services.close()
  })

  it('ends after the minutes counted from the PIN, and asks for the PIN by its field', async () => {
    const { services, managerId, clock, department } = await branch()
    unwrap(await services.call('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
    clock.advance(ELEVATION_MINUTES * 60_000 - 1000)
    unwrap(await department('生鲜部', USE_ELEVATION))
    clock.advance(2000) // using it did not extend it
    const refused = await department('烘焙部', USE_ELEVATION)
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', issues: [{ path: 'approval.pin', message: '主管授权已结束，请输入主管 PIN 码。' }] },
    })
    expect(unwrap(await services.call('app:status')).session?.elevation).toBeNull()
    expect(unwrap(await services.call('departments:list')).map((d) => d.name)).not.toContain('烘焙部')
    // The PIN again gives five more minutes.
    unwrap(await department('烘焙部', MANAGER_PIN))
    unwrap(await department('熟食部', USE_ELEVATION))
    await services.close()
  })

  it('never elevates a clerk, and a manager’s PIN at the clerk’s desk stands there only', async () => {
    const { services, managerId, clerkId, department } = await branch()
    unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    expect(unwrap(await services.call('app:status')).session?.elevation).toBeNull()
    expect(await department('生鲜部', USE_ELEVATION)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    unwrap(await department('生鲜部', MANAGER_PIN))
    unwrap(await department('烘焙部', USE_ELEVATION))
    // Another tab signed in as the same clerk has no elevation of its own.
    const other = services.as('tab-2')
    unwrap(await other('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    const elsewhere = await other('departments:add', {
      name: '熟食部',
      approval: { managerId, pin: USE_ELEVATION },
    })
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    await services.close()
  })

  it('ends at once with 结束授权 and on sign-out', async () => {
    const { services, managerId, department } = await branch()
    unwrap(await services.call('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
    expect(unwrap(await services.call('auth:endElevation')).elevation).toBeNull()
    expect(await department('生鲜部', USE_ELEVATION)).toMatchObject({ ok: false })
    unwrap(await department('生鲜部', MANAGER_PIN))
    unwrap(await services.call('auth:signOut'))
    unwrap(await services.call('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
    expect(unwrap(await services.call('app:status')).session?.elevation?.by.id).toBe(managerId)
    await services.close()
  })

  it('is not a PIN a clerk can type: the word is refused as a PIN anywhere a PIN is set', async () => {
    const { services, managerId } = await branch()
    const added = await services.call('staff:add', {
      staff: { name: '王芳', role: 'staff', pin: USE_ELEVATION, pinConfirm: USE_ELEVATION },
      approval: { managerId, pin: MANAGER_PIN },
    })
    expect(added).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await services.close()
  })
})
