import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import { CHANNEL_NAMES, contract } from '@shared/ipc/contract'
import { openTestServices, setUpBranch, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const MALFORMED: unknown[] = [42, 'x', [], { nonsense: true }, { id: 7, input: null }, { staff: 'x' }]

describe('dispatch: every channel checks its input before anything runs', () => {
  const tempDir = useTempDirs()

  it.each(CHANNEL_NAMES)('%s rejects malformed input with VALIDATION and changes nothing', async (channel) => {
    const { services } = await setUpBranch(await tempDir())
    const before = await readFile(services.ctx.store.file, 'utf8')
    for (const payload of MALFORMED) {
      // Some payloads are valid for lenient channels (e.g. an object for cases:list); skip those.
      if (contract[channel].input.safeParse(payload).success) continue
      // Untyped on purpose: malformed payloads, as a compromised renderer could send.
      const result = await services.dispatch(channel, payload)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('VALIDATION')
        expect(result.error.message).toBe('提交的内容有误，未保存。')
      }
    }
    expect(await readFile(services.ctx.store.file, 'utf8')).toBe(before)
    await services.close()
  })

  it('keeps the desktop-only file channels out of the browser host', async () => {
    const { services } = await setUpBranch(await tempDir())
    expect(unwrap(await services.call('app:status'))).toMatchObject({ host: 'browser' })
    expect(await services.call('files:openPdf', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED', message: '此操作只能在桌面版中使用。' },
    })
    await services.close()
  })

  it('refuses an unknown channel', async () => {
    const services = await openTestServices(await tempDir())
    // Untyped on purpose: a channel the contract does not have.
    const result = await services.dispatch('cases:deleteAll', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    await services.close()
  })

  it('refuses every session channel before sign-in, even with valid input', async () => {
    const { services } = await setUpBranch(await tempDir())
    unwrap(await services.call('auth:signOut'))
    const result = await services.call('cases:list', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录。' } })
    expect(await services.call('departments:list')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
    await services.close()
  })

  it('answers in the language the branch chose', async () => {
    const { services } = await setUpBranch(await tempDir())
    unwrap(await services.call('app:setLocale', { locale: 'en' }))
    expect((await services.ctx.store.readAudit()).at(-1)).toMatchObject({
      action: 'settings.locale',
      changes: [{ field: 'locale', before: 'zh-CN', after: 'en' }],
    })
    // Untyped on purpose: a draft with every field but one missing.
    const result = await services.dispatch('cases:create', { customerName: '' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.message).toBe('Some input is invalid; nothing was saved.')
      expect(result.error.issues).toContainEqual({ path: 'customerName', message: 'Required' })
    }
    await services.close()
  })

  it('turns an unexpected failure into INTERNAL without leaking details', async () => {
    const services = await openTestServices(await tempDir())
    const { createDispatch } = await import('../../electron/services/dispatch')
    const { handlers } = await import('../../electron/services/handlers')
    const logged: unknown[] = []
    const dispatch = createDispatch(services.ctx, {
      handlers: {
        ...handlers,
        'app:status': () => {
          throw new Error('disk on fire')
        },
      },
      log: { error: (...a: unknown[]) => logged.push(a) },
    })
    const result = await dispatch('app:status', undefined, 'test')
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '发生内部错误，未保存。请重试或联系管理员。' },
    })
    expect(logged).toHaveLength(1)
    await services.close()
  })
})
