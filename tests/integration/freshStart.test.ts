// Issue 14: a damaged data file with no usable backup was a dead end. Through the services:
// only a deliberate call sets it aside; first-run set-up follows; the new trail and the notice
// say where the old data went until a manager acknowledges it.
import { describe, expect, it } from 'vitest'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { MANAGER_PIN, openTestServices, SETUP_CONTACTS, setUpBranch, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

describe('starting afresh over a damaged data file', () => {
  const tempDir = useTempDirs()

  it('is asked for in so many words; then set-up runs, and the folder is named until a manager has read it', async () => {
    const dir = await tempDir()
    const damaged = '{"schemaVersion":1,"cases":[{"id":'
    await writeFile(join(dir, 'complaint-desk.json'), damaged)
    const services = await openTestServices(dir)
    const status = unwrap(await services.call('app:status'))
    expect(status.store.state).toBe('corrupt')
    expect(status.setupNeeded).toBe(false)

    // A payload that does not say so is refused, in the user's language, and nothing moves.
    const unconfirmed = await services.dispatch('data:startAfresh', { confirmed: false })
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await readFile(join(dir, 'complaint-desk.json'), 'utf8')).toBe(damaged)

    const setAside = unwrap(await services.call('data:startAfresh', { confirmed: true }))
    expect(await readFile(join(setAside.folder, 'complaint-desk.json'), 'utf8')).toBe(damaged)
    const fresh = unwrap(await services.call('app:status'))
    expect(fresh.store).toMatchObject({ state: 'ok', setAside })
    expect(fresh.setupNeeded).toBe(true)
    // Once the data can be read, the channel refuses.
    expect(await services.call('data:startAfresh', { confirmed: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: expect.stringContaining('现在不能重新开始') },
    })

    const session = unwrap(
      await services.call('setup:init', {
        branch: { name: '静安寺店', code: 'sh01' },
        manager: { name: '陈主管', pin: MANAGER_PIN, pinConfirm: MANAGER_PIN },
        contacts: SETUP_CONTACTS,
      }),
    )
    const trail = await services.ctx.store.readAudit()
    expect(trail[0]).toMatchObject({ action: 'data.startedAfresh', target: setAside.folder, by: null })
    expect((await services.ctx.store.verifyAudit()).ok).toBe(true)
    expect(unwrap(await services.call('app:status')).store.setAside).toEqual(setAside)

    unwrap(
      await services.call('backups:acknowledgeRecovery', {
        approval: { managerId: session.staff.id, pin: MANAGER_PIN },
      }),
    )
    expect(unwrap(await services.call('app:status')).store.setAside).toBeNull()
    expect((await services.ctx.store.readAudit()).at(-1)).toMatchObject({
      action: 'recovery.acknowledged',
      target: `set aside in ${setAside.folder}`,
    })
    await services.close()
  })

  it('is refused on a branch whose data can be read', async () => {
    const { services } = await setUpBranch(await tempDir())
    expect(await services.call('data:startAfresh', { confirmed: true })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    })
    expect(unwrap(await services.call('app:status')).branch?.code).toBe('SH01')
    await services.close()
  })
})
