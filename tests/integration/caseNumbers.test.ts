// Issue 15 point 8: a case number on a customer's receipt is never issued again, whatever
// rolls the live data back: a restore, a recovery from a backup, a deleted journal.
import { describe, expect, it } from 'vitest'
import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toLocalDateTime } from '@shared/values/localTime'
import { validDraft } from '../support/factories'
import { clerkDesk, openTestServices, unwrap } from '../support/services'
import { crashCopy } from '../support/storeFiles'
import { useTempDirs } from '../support/tempDir'

async function desk(dir: string) {
  const d = await clerkDesk(dir, new Date(2026, 10, 22, 10, 0))
  const create = async () =>
    (
      await d.call(
        'cases:create',
        validDraft({ departmentId: d.departments[0].id, receivedAt: toLocalDateTime(d.clock.now()) }),
      )
    ).number
  return { ...d, create }
}

describe('case numbers are never issued twice (issue 15 #8)', () => {
  const tempDir = useTempDirs()

  it('after a restore of an older backup the next number is higher than any issued', async () => {
    const d = await desk(await tempDir())
    const issued = [await d.create()]
    d.clock.advance(60_000)
    const backup = await d.call('backups:create', { approval: d.approval })
    issued.push(await d.create(), await d.create())
    await d.call('backups:restore', { name: backup.name, approval: d.approval })
    await d.call('auth:signIn', { staffId: d.clerkId, pin: '1357' })
    const next = await d.create()
    expect(issued).toEqual(['KS-20261122-0001', 'KS-20261122-0002', 'KS-20261122-0003'])
    expect(next).toBe('KS-20261122-0004')
    await d.services.close()
  })

  it('after the journal is deleted (a crash before the fold) the next number is higher than any issued', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    await d.services.ctx.store.compact() // the staff are in the live file; the cases only in the journal
    const issued = [await d.create(), await d.create(), await d.create()]
    const crashed = await crashCopy(dir, await tempDir())
    await d.services.close()
    await rm(join(crashed, 'complaint-desk.journal'))
    const services = await openTestServices(crashed, d.clock.now)
    const manager = unwrap(await services.call('auth:signIn', { staffId: d.managerId, pin: '246810' }))
    expect(manager.staff.id).toBe(d.managerId)
    const next = unwrap(
      await services.call(
        'cases:create',
        validDraft({ departmentId: d.departments[0].id, receivedAt: toLocalDateTime(d.clock.now()) }),
      ),
    ).number
    expect(issued.at(-1)).toBe('KS-20261122-0003')
    expect(next).toBe('KS-20261122-0004')
    await services.close()
  })

  it('after a damaged live file is recovered from an older backup the next number is higher than any issued', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    await d.create()
    d.clock.advance(60_000)
    await d.call('backups:create', { approval: d.approval })
    await d.create()
    await d.services.close()
    await writeFile(join(dir, 'complaint-desk.json'), '{"schemaVersion": 3, "cases": [')
    const services = await openTestServices(dir, d.clock.now)
    expect(services.ctx.store.recovery).not.toBeNull()
    unwrap(await services.call('auth:signIn', { staffId: d.clerkId, pin: '1357' }))
    const next = unwrap(
      await services.call(
        'cases:create',
        validDraft({ departmentId: d.departments[0].id, receivedAt: toLocalDateTime(d.clock.now()) }),
      ),
    ).number
    expect(next).toBe('KS-20261122-0003')
    expect((await readdir(dir)).filter((n) => n.startsWith('complaint-desk.numbers'))).toHaveLength(1)
    await services.close()
  })
})
