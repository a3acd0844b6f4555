// Issue 14: the intake form is kept as the clerk types (drafts:get/save/clear), per clerk,
// across a restart, and gone once the complaint is saved.
import { describe, expect, it } from 'vitest'
import { readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { IntakeDraftValues } from '@shared/schemas/draft'
import { validDraft } from '../support/factories'
import { CLERK_PIN, clerkDesk, MANAGER_PIN, openTestServices, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const HALF_TYPED: IntakeDraftValues = {
  customerName: '欧阳娜娜',
  phone: '139 1234',
  mood: 'angry',
  category: 'cashier_error',
  demand: '',
  amount: '20元',
  description: '结账时少找了\n十元',
  situations: ['media_present'],
}

const draftFiles = async (dir: string) =>
  (await readdir(join(dir, 'drafts')).catch(() => [])).filter((n) => !n.startsWith('.'))

describe('intake drafts (issue 14)', () => {
  const tempDir = useTempDirs()

  it('keeps what the clerk typed, gives it back to that clerk only, and after a restart', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    expect(await d.call('drafts:get')).toBeNull()
    const saved = await d.call('drafts:save', { values: HALF_TYPED })
    expect(saved).toEqual({ values: HALF_TYPED, savedAt: d.clock.now().toISOString() })
    expect(await d.call('drafts:get')).toEqual(saved)

    // The manager, in another window, has no draft, and their own stays theirs.
    const manager = d.services.as('manager-window')
    unwrap(await manager('auth:signIn', { staffId: d.managerId, pin: MANAGER_PIN }))
    expect(unwrap(await manager('drafts:get'))).toBeNull()
    unwrap(await manager('drafts:save', { values: { customerName: '主管的客户' } }))
    expect(await d.call('drafts:get')).toEqual(saved)

    // Nothing of it in the live file, the journal or the audit trail: a draft is not a record.
    await d.services.ctx.store.compact()
    expect(await readFile(d.services.ctx.store.file, 'utf8')).not.toContain('欧阳娜娜')
    expect(JSON.stringify(await d.services.ctx.store.readAudit())).not.toContain('draft')

    await d.services.close()
    const again = await openTestServices(dir, d.clock.now)
    unwrap(await again.call('auth:signIn', { staffId: d.clerkId, pin: CLERK_PIN }))
    expect(unwrap(await again.call('drafts:get'))).toEqual(saved)
    await again.close()
  })

  it('keeps one file per clerk, readable by the data folder owner only, named by nothing the clerk sent', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    await d.call('drafts:save', { values: HALF_TYPED })
    const files = await draftFiles(dir)
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^[0-9a-f]{32}\.json$/)
    expect(files[0]).not.toContain(d.clerkId)
    expect((await stat(join(dir, 'drafts', files[0]))).mode & 0o777).toBe(0o600)
    await d.services.close()
  })

  it('a later save replaces the draft; saves sent at once end with the last one, whole', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    await d.call('drafts:save', { values: { customerName: '张' } })
    const names = ['张', '张伟', '张伟明', '张伟明先', '张伟明先生']
    await Promise.all(names.map((customerName) => d.call('drafts:save', { values: { customerName } })))
    expect((await d.call('drafts:get'))?.values).toEqual({ customerName: '张伟明先生' })
    expect(await readdir(join(dir, 'drafts'))).toHaveLength(1) // no temp file left behind
    await d.services.close()
  })

  it('clear removes it (a clear sent after a save comes after it); clearing nothing is no error', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    const [, cleared] = await Promise.all([d.call('drafts:save', { values: HALF_TYPED }), d.call('drafts:clear')])
    expect(cleared).toBeNull()
    expect(await d.call('drafts:get')).toBeNull()
    expect(await draftFiles(dir)).toEqual([])
    expect(await d.call('drafts:clear')).toBeNull()
    await d.services.close()
  })

  it("saving the complaint removes the clerk's draft, and only theirs", async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    const manager = d.services.as('manager-window')
    unwrap(await manager('auth:signIn', { staffId: d.managerId, pin: MANAGER_PIN }))
    unwrap(await manager('drafts:save', { values: { customerName: '主管的客户' } }))
    await d.call('drafts:save', { values: HALF_TYPED })
    await d.call('cases:create', validDraft({ departmentId: d.departments[0].id }))
    expect(await d.call('drafts:get')).toBeNull()
    expect(unwrap(await manager('drafts:get'))?.values).toEqual({ customerName: '主管的客户' })
    await d.services.close()
  })

  it('a refused save of the complaint keeps the draft', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    await d.call('drafts:save', { values: HALF_TYPED })
    await d.refused('cases:create', validDraft({ departmentId: 'no-such-department' }))
    expect((await d.call('drafts:get'))?.values).toEqual(HALF_TYPED)
    await d.services.close()
  })

  it('needs a signed-in caller, and refuses payloads that are not a form', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    const tab = d.services.as('signed-out-tab')
    for (const call of [tab('drafts:get'), tab('drafts:save', { values: {} }), tab('drafts:clear')])
      expect(await call).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    for (const bad of [
      { values: { category: 'cosmic' } },
      { values: { situations: ['alien_invasion'] } },
      { values: { description: '长'.repeat(10_001) } },
      { values: 'DROP TABLE' },
      null,
    ])
      expect((await d.refusedUntyped('drafts:save', bad)).code).toBe('VALIDATION')
    expect(await draftFiles(dir)).toEqual([])
    await d.services.close()
  })

  it('a draft file damaged outside the app reads as no draft and is replaced by the next save', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    await d.call('drafts:save', { values: HALF_TYPED })
    const [file] = await draftFiles(dir)
    await writeFile(join(dir, 'drafts', file), '{"values":{"customerName":')
    expect(await d.call('drafts:get')).toBeNull()
    await d.call('drafts:save', { values: { customerName: '王' } })
    expect((await d.call('drafts:get'))?.values).toEqual({ customerName: '王' })
    await d.services.close()
  })

  it('writes nothing where the store may not write', async () => {
    const dir = await tempDir()
    const d = await clerkDesk(dir)
    d.services.ctx.store.state = 'read_only'
    expect((await d.refused('drafts:save', { values: HALF_TYPED })).code).toBe('STORE_UNAVAILABLE')
    expect((await d.refused('drafts:clear')).code).toBe('STORE_UNAVAILABLE')
    expect(await draftFiles(dir)).toEqual([])
    d.services.ctx.store.state = 'ok'
    await d.services.close()
  })
})
