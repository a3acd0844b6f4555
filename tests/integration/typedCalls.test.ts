import { describe, expect, it } from 'vitest'
import { createDispatch } from '../../electron/services/dispatch'
import { handlers } from '../../electron/services/handlers'
import { validDraft } from '../support/factories'
import { clerkDesk, openTestServices, setUpBranch, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

/*
 * The `@ts-expect-error` lines below are the test: `npm run typecheck` fails if any of them
 * compiles (TS2578, unused directive), so a typed call cannot drift from the contract.
 */
describe('typed calls: the contract types every call end to end', () => {
  const tempDir = useTempDirs()

  it('does not compile a mistyped channel, a wrong payload, or a field the answer does not have', async () => {
    const { services, departments } = await setUpBranch(await tempDir())

    // @ts-expect-error a channel the contract does not have
    expect(await services.call('cases:nope', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } })
    // @ts-expect-error an id is a string
    expect(await services.call('cases:get', { id: 5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    // @ts-expect-error a channel that takes input needs it
    expect(await services.call('cases:get')).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    // @ts-expect-error a channel without input takes none
    expect(await services.call('app:status', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    // @ts-expect-error a manager-only channel needs the approval in its payload
    expect(await services.call('departments:add', { name: '生鲜部' })).toMatchObject({ ok: false })

    const created = unwrap(await services.call('cases:create', validDraft({ departmentId: departments[0].id })))
    expect(created.phone).toBe('13812341234')
    // @ts-expect-error a case has no such field
    expect(created.deletedAt).toBeUndefined()
    const listed = unwrap(await services.call('cases:list', {}))
    expect(listed.items[0].phoneMasked).toBe('138****1234')
    // @ts-expect-error the list carries only the masked phone, never the full one
    expect(listed.items[0].phone).toBeUndefined()

    // Another window or tab is another caller, typed the same, with its own sign-in.
    const other = services.as('other')
    expect(await other('cases:list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
    // @ts-expect-error an id is a string, whoever calls
    expect(await other('cases:get', { id: 5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    await services.close()
  })

  it("types the desk helpers' answers and payloads from the contract too", async () => {
    const d = await clerkDesk(await tempDir())
    const c = await d.call('cases:create', validDraft({ departmentId: d.departments[0].id }))
    const options = await d.call('compensation:propose', { id: c.id })
    expect(options.length).toBeGreaterThan(0)
    // @ts-expect-error a proposal has no such field
    expect(options[0].approvedBy).toBeUndefined()
    // @ts-expect-error a channel the contract does not have
    expect((await d.refused('cases:nope', {})).code).toBe('UNKNOWN_CHANNEL')
    // @ts-expect-error a transition names one of the contract's actions
    expect((await d.refused('cases:transition', { id: c.id, action: 'delete' })).code).toBe('VALIDATION')
    await d.services.close()
  })

  it('checks every answer against the contract: a handler answering the wrong shape is INTERNAL', async () => {
    const services = await openTestServices(await tempDir())
    const logged: unknown[] = []
    const dispatch = createDispatch(services.ctx, {
      checkOutputs: true,
      handlers: {
        ...handlers,
        // @ts-expect-error a handler must answer the contract's output type
        'app:status': () => ({ setupNeeded: 'no', host: 'mainframe' }),
      },
      log: { error: (...a: unknown[]) => logged.push(a) },
    })
    expect(await dispatch('app:status', undefined, 'test')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: '发生内部错误，未保存。请重试或联系管理员。' },
    })
    expect(logged).toHaveLength(1)
    // The real handler's answer passes the same check.
    expect(await services.call('app:status')).toMatchObject({ ok: true, data: { setupNeeded: true } })
    await services.close()
  })
})
