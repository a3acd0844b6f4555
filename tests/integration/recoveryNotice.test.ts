// What a start recovered or set aside is shown to everyone until a manager acknowledges it
// (issue 15, points 2 and 5), and the acknowledgement is audited.
import { describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CLERK_PIN, MANAGER_PIN, openTestServices, setUpBranch, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { crashCopy } from '../support/storeFiles'
import { useTempDirs } from '../support/tempDir'

describe('the notice of what a start recovered (issue 15, points 2 and 5)', () => {
  const tempDir = useTempDirs()

  it('unreadable saves in the journal: shown in app:status with line, count and bytes until a manager acknowledges', async () => {
    const dir = await tempDir()
    const { services, clerkId, managerId, departments } = await setUpBranch(dir)
    unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    const draft = () => validDraft({ departmentId: departments[0].id })
    await services.ctx.store.compact()
    for (let i = 0; i < 3; i++) unwrap(await services.call('cases:create', draft()))
    const crashed = await crashCopy(dir, await tempDir())
    await services.close()
    const journalFile = join(crashed, 'complaint-desk.journal')
    const lines = (await readFile(journalFile, 'utf8')).split('\n')
    lines[1] = '{"n": oops'
    await writeFile(journalFile, lines.join('\n'))
    const firstLine = Buffer.byteLength(lines[0]) + 1

    const reopened = await openTestServices(crashed)
    const status = unwrap(await reopened.call('app:status'))
    expect(status.store.state).toBe('ok')
    expect(status.store.recovery).toBeNull()
    expect(status.store.unreadSaves).toEqual([
      expect.objectContaining({
        line: 2,
        saves: lines.length - 2,
        fromByte: firstLine,
        toByte: Buffer.byteLength(lines.join('\n')),
        file: expect.stringMatching(/complaint-desk\.journal\.unreadable-from-line-2\./),
      }),
    ])

    // A clerk cannot make it go away; a manager acknowledges it, and that is audited.
    unwrap(await reopened.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    const byClerk = await reopened.call('backups:acknowledgeRecovery', {
      approval: { managerId: clerkId, pin: CLERK_PIN },
    })
    expect(byClerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(unwrap(await reopened.call('app:status')).store.unreadSaves).toHaveLength(1)
    unwrap(await reopened.call('backups:acknowledgeRecovery', { approval: { managerId, pin: MANAGER_PIN } }))
    expect(unwrap(await reopened.call('app:status')).store.unreadSaves).toEqual([])
    const last = (await reopened.ctx.store.readAudit()).at(-1)
    expect(last).toMatchObject({ action: 'recovery.acknowledged', approvedBy: { id: managerId } })
    await reopened.close()

    const again = await openTestServices(crashed)
    expect(unwrap(await again.call('app:status')).store.unreadSaves).toEqual([])
    await again.close()
  })

  it('a backup put back at start: said at every start until a manager acknowledges it', async () => {
    const dir = await tempDir()
    const { services, managerId } = await setUpBranch(dir)
    const backup = { name: await services.ctx.store.backup('manual', new Date()) }
    await services.close()
    await writeFile(join(dir, 'complaint-desk.json'), '{"schemaVersion": 3, "cut": ')

    const first = await openTestServices(dir)
    expect(unwrap(await first.call('app:status')).store.recovery).toMatchObject({ backup: backup.name })
    await first.close()
    const second = await openTestServices(dir)
    const status = unwrap(await second.call('app:status'))
    expect(status.store.recovery).toMatchObject({ backup: backup.name })
    expect(status.branch?.code).toBe('SH01')
    unwrap(await second.call('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
    unwrap(await second.call('backups:acknowledgeRecovery', { approval: { managerId, pin: MANAGER_PIN } }))
    expect(unwrap(await second.call('app:status')).store.recovery).toBeNull()
    expect((await second.ctx.store.readAudit()).at(-1)).toMatchObject({
      action: 'recovery.acknowledged',
      target: `backup ${backup.name}`,
    })
    await second.close()
    const third = await openTestServices(dir)
    expect(unwrap(await third.call('app:status')).store.recovery).toBeNull()
    await third.close()
  })
})
