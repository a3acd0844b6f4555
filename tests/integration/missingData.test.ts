// Issue 15, point 3, through the services: a missing live file beside earlier data is never a
// new installation that anyone could set up; the newest backup is offered and put back.
import { describe, expect, it } from 'vitest'
import { unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { MANAGER_PIN, openTestServices, SETUP_CONTACTS, setUpBranch, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

describe('data missing (issue 15, point 3)', () => {
  const tempDir = useTempDirs()

  it('says what was found, refuses first-run set-up, and puts the newest backup back on request', async () => {
    const dir = await tempDir()
    const { services, managerId } = await setUpBranch(dir)
    const backup = await services.ctx.store.backup('manual', new Date())
    await services.close()
    await unlink(join(dir, 'complaint-desk.json'))

    const missing = await openTestServices(dir)
    const status = unwrap(await missing.call('app:status'))
    expect(status.store.state).toBe('missing')
    expect(status.setupNeeded).toBe(false)
    expect(status.store.missing?.found.map((f) => f.name)).toEqual(
      expect.arrayContaining(['complaint-desk.audit.jsonl', 'backups']),
    )
    expect(status.store.missing?.backup?.name).toBe(backup)
    const setUp = await missing.call('setup:init', {
      branch: { name: '冒名店', code: 'XX01' },
      manager: { name: '冒名', pin: '1234', pinConfirm: '1234' },
      contacts: SETUP_CONTACTS,
    })
    expect(setUp).toMatchObject({
      ok: false,
      error: { code: 'STORE_UNAVAILABLE', message: expect.stringContaining('找不到数据文件') },
    })

    unwrap(await missing.call('backups:restoreMissing'))
    const after = unwrap(await missing.call('app:status'))
    expect(after.store.state).toBe('ok')
    expect(after.store.missing).toBeNull()
    expect(after.store.recovery).toMatchObject({ backup, damagedFile: null })
    expect(after.branch?.code).toBe('SH01')
    unwrap(await missing.call('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
    expect((await missing.ctx.store.readAudit()).map((e) => e.action)).toContain('data.restoredMissing')
    expect((await missing.ctx.store.verifyAudit()).ok).toBe(true)
    // Once the data is back, the channel refuses.
    expect(await missing.call('backups:restoreMissing')).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } })
    await missing.close()
  })
})
