import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { clerkDesk, setUpBranch } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

describe('what a signed-out window may change', () => {
  const tempDir = useTempDirs()

  it('switching the language before sign-in changes that window only and writes nothing', async () => {
    const { services } = await setUpBranch(await tempDir())
    await services.call('auth:signOut')
    await services.ctx.store.compact()
    const before = await readFile(services.ctx.store.file, 'utf8')
    const auditBefore = (await services.ctx.store.readAudit()).length
    expect(await services.call('app:setLocale', { locale: 'en' })).toEqual({ ok: true, data: 'en' })
    await services.ctx.store.compact()
    expect(await readFile(services.ctx.store.file, 'utf8')).toBe(before)
    expect((await services.ctx.store.readAudit()).length).toBe(auditBefore)
    // This window now reads English, refusals included; another window keeps the branch's language.
    expect(await services.call('app:status')).toMatchObject({ ok: true, data: { locale: 'en' } })
    expect(await services.call('cases:list', {})).toMatchObject({ error: { message: 'Please sign in first.' } })
    expect(await services.as('other')('app:status')).toMatchObject({ ok: true, data: { locale: 'zh-CN' } })
    await services.close()
  })
})

describe('required text', () => {
  const tempDir = useTempDirs()

  it('is not satisfied by invisible characters alone', async () => {
    const desk = await clerkDesk(await tempDir())
    const error = await desk.refused(
      'cases:create',
      validDraft({
        departmentId: desk.departments[0].id,
        customerName: '\u200B\u200C\u200D',
        description: '\u2060 \uFEFF',
      }),
    )
    expect(error.code).toBe('VALIDATION')
    expect(error.issues?.map((i) => i.path).sort()).toEqual(['customerName', 'description'])
    await desk.services.close()
  })
})
