// The branch's link to head office as a user sets it (issue 16): a manager enters the
// connection, the password is never shown again and is sealed where the OS can, the worker
// starts by itself and a case saved at the desk reaches head office.
import { beforeAll, describe, expect, it } from 'vitest'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { openServices } from '../../../electron/services'
import { HEAD_OFFICE_FILE_NAME } from '../../../electron/services/headOfficeLink'
import { startSync } from '../../../electron/sync'
import { recordWrittenReportGenerated } from '../../../electron/services/workflow'
import { MANAGER_PIN, setUpBranch, TEST_SERVICE_OPTIONS, unwrap } from '../../support/services'
import { validDraft } from '../../support/factories'
import { useTempDirs } from '../../support/tempDir'
import { createBranch, linkTo, NO_POSTGRES, PASSWORD, usePostgres } from '../../support/postgres'

/** A stand-in for the OS keychain: sealed text that does not contain the password. */
const secrets = {
  encrypt: (plain: string) => Buffer.from([...plain].reverse().join('')).toString('base64'),
  decrypt: (sealed: string) => [...Buffer.from(sealed, 'base64').toString()].reverse().join(''),
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const v = await read()
    if (done(v) || Date.now() > end) return v
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe.skipIf(NO_POSTGRES && !process.env.CI)('the link to head office, set in the app', { timeout: 60_000 }, () => {
  const cluster = usePostgres()
  const tempDir = useTempDirs()
  beforeAll(async () => {
    await createBranch(cluster(), 'SH01')
  })

  it('a manager sets it; the password never comes back and is sealed; the status goes from off to synced', async () => {
    const dir = await tempDir()
    const first = await setUpBranch(dir)
    await first.services.close()
    const services = await openServices(dir, undefined, { ...TEST_SERVICE_OPTIONS, startSync, secrets })
    const { managerId, departments } = first
    unwrap(await services.call('auth:signIn', { staffId: managerId, pin: MANAGER_PIN }))
    expect(unwrap(await services.call('headoffice:status'))).toMatchObject({ state: 'off' })
    expect(unwrap(await services.call('headoffice:get'))).toBeNull()

    const link = linkTo(cluster(), 'branch_sh01')
    // A manager's action: a clerk's session alone is not enough.
    const refused = await services.dispatch('headoffice:set', link)
    expect(refused.ok).toBe(false)
    const view = unwrap(await services.call('headoffice:set', { ...link, approval: { managerId, pin: MANAGER_PIN } }))
    expect(view).toMatchObject({ passwordSet: true, passwordStorage: 'encrypted', user: 'branch_sh01' })
    expect(JSON.stringify(view)).not.toContain(PASSWORD)
    expect(JSON.stringify(unwrap(await services.call('headoffice:get')))).not.toContain(PASSWORD)
    const file = join(dir, HEAD_OFFICE_FILE_NAME)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readFile(file, 'utf8')).not.toContain(PASSWORD)
    expect((await services.ctx.store.readAudit()).at(-1)).toMatchObject({
      action: 'settings.headoffice',
      approvedBy: { id: managerId },
    })
    expect(JSON.stringify(await services.ctx.store.readAudit())).not.toContain(PASSWORD)

    const c = unwrap(await services.call('cases:create', validDraft({ departmentId: departments[0].id })))
    const status = await until(
      async () => unwrap(await services.call('headoffice:status')),
      (s) => s.state === 'synced',
    )
    expect(status).toMatchObject({ state: 'synced', pending: 0, offlineSince: null })
    const ho = await cluster().connect('app')
    const rows = await ho.query('SELECT case_no FROM ho.cases WHERE branch_code = $1 AND case_id = $2', ['SH01', c.id])
    await ho.end()
    expect(rows.rows).toEqual([{ case_no: c.number }])

    // A Class 2 written report counts as submitted once head office has it: no clerk marks it.
    const serious = unwrap(
      await services.call(
        'cases:create',
        validDraft({ departmentId: departments[0].id, description: '顾客滑倒摔伤了' }),
      ),
    )
    expect(serious.caseClass).toBe(2)
    unwrap(await services.call('cases:recordEscalation', { id: serious.id, who: '陈主管（电话）' }))
    unwrap(await services.call('cases:transition', { id: serious.id, action: 'resolve', resolution: '送医并承担费用' }))
    await recordWrittenReportGenerated(services.contextFor(), serious.id)
    const reported = await until(
      async () => unwrap(await services.call('cases:get', { id: serious.id })),
      (x) => x.status === 'reported',
    )
    expect(reported).toMatchObject({ status: 'reported', workflow: { writtenReport: { submittedTo: '总部' } } })
    expect(reported.timeline.at(-1)).toMatchObject({ action: 'report.written_submitted', by: { name: '总部' } })

    // A blank password keeps the stored one; turning the link off stops the worker.
    const off = unwrap(
      await services.call('headoffice:set', {
        ...link,
        enabled: false,
        password: '',
        approval: { managerId, pin: MANAGER_PIN },
      }),
    )
    expect(off).toMatchObject({ enabled: false, passwordSet: true })
    expect(unwrap(await services.call('headoffice:status')).state).toBe('off')
    await services.close()
  })
})
