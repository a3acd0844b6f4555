// Issue 15 point 14: an unwritable backups/ folder, a file named `backups` or a read-only data
// folder never make the host exit: it starts, says what is wrong in the user's language, and
// opens read-only where it must (saves refused with a clear message). A failed manual backup
// is logged as what happened (backup.failed, with the reason), not as backup.created.
import { describe, expect, it } from 'vitest'
import { execFile } from 'node:child_process'
import { cp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { toLocalDateTime } from '@shared/values/localTime'
import { validDraft } from '../support/factories'
import { CLERK_PIN, MANAGER_PIN, clerkDesk, openTestServices, unwrap } from '../support/services'
import { mountSmallDisk } from '../support/smallDisk'
import { useTempDirs } from '../support/tempDir'

const run = promisify(execFile)

describe('unwritable folders (issue 15 #14)', () => {
  const tempDir = useTempDirs()

  it('a file named backups when the daily backup is due: the host starts, says so, and saves work', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    await d.services.close()
    await rm(join(dir, 'backups'), { recursive: true })
    await writeFile(join(dir, 'backups'), 'not a folder')
    const services = await openTestServices(dir, d.clock.now)
    const status = unwrap(await services.call('app:status'))
    expect(status.store.state).toBe('ok')
    expect(status.store.notices).toEqual([{ key: 'backupFailed', params: { reason: expect.any(String) } }])
    unwrap(await services.call('auth:signIn', { staffId: d.clerkId, pin: CLERK_PIN }))
    const created = unwrap(
      await services.call(
        'cases:create',
        validDraft({ departmentId: d.departments[0].id, receivedAt: toLocalDateTime(d.clock.now()) }),
      ),
    )
    expect(created.number).toMatch(/^KS-/)
    await services.close()
  })

  it('a manual backup that fails is logged as backup.failed with the reason, and the user is told', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    await rm(join(dir, 'backups'), { recursive: true })
    await writeFile(join(dir, 'backups'), 'not a folder')
    const refused = await d.refused('backups:create', { approval: d.approval })
    expect(refused.code).toBe('NOT_ALLOWED')
    expect(refused.message).toContain('备份失败')
    const audit = await d.services.ctx.store.readAudit()
    expect(audit.map((e) => e.action)).not.toContain('backup.created')
    expect(audit.at(-1)).toMatchObject({ action: 'backup.failed', target: 'manual' })
    expect(audit.at(-1)!.changes?.[0]).toMatchObject({ field: 'reason' })
    await d.services.close()
  })

  it('a read-only data folder: the host starts read-only, shows the data, refuses saves with a clear message', async (ctx) => {
    const disk = await mountSmallDisk(8 * 1024)
    if ('skipped' in disk) return ctx.skip()
    try {
      const source = await tempDir()
      const d = await clerkDesk(source)
      const c = await d.call(
        'cases:create',
        validDraft({ departmentId: d.departments[0].id, receivedAt: toLocalDateTime(d.clock.now()) }),
      )
      await d.services.close()
      const dir = join(disk.dir, 'data')
      await cp(source, dir, { recursive: true })
      await run('mount', ['-o', 'remount,ro', disk.dir])
      const services = await openTestServices(dir, d.clock.now)
      const status = unwrap(await services.call('app:status'))
      expect(status.store.state).toBe('read_only')
      unwrap(await services.call('auth:signIn', { staffId: d.managerId, pin: MANAGER_PIN }))
      expect(unwrap(await services.call('cases:get', { id: c.id })).number).toBe(c.number)
      const refused = await services.call(
        'cases:create',
        validDraft({ departmentId: d.departments[0].id, receivedAt: toLocalDateTime(d.clock.now()) }),
      )
      expect(refused).toMatchObject({ ok: false, error: { code: 'STORE_UNAVAILABLE' } })
      expect(!refused.ok && refused.error.message).toContain('只读')
      await services.close()
    } finally {
      await run('mount', ['-o', 'remount,rw', disk.dir]).catch(() => undefined)
      await disk.unmount()
    }
  })
})
