import { describe, expect, it } from 'vitest'
import { readFile } from 'node:fs/promises'
import type { CaseQuery } from '@shared/schemas/case'
import { CLERK_PIN, openTestServices, SETUP_CONTACTS, setUpBranch, testClock, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'

describe('cases: intake, list and detail through the services', () => {
  const tempDir = useTempDirs()

  async function clerkDesk(now?: () => Date) {
    const dir = await tempDir()
    const setup = await setUpBranch(dir, now)
    unwrap(await setup.services.call('auth:signIn', { staffId: setup.clerkId, pin: CLERK_PIN }))
    return { dir, ...setup, draft: (o = {}) => validDraft({ departmentId: setup.departments[0].id, ...o }) }
  }

  it('logs a complaint with a per-day number, the clerk as creator and a first timeline entry', async () => {
    const clock = testClock(new Date(2026, 10, 22, 10, 0))
    const { services, clerkId, draft } = await clerkDesk(clock.now)
    const created = unwrap(await services.call('cases:create', draft({ phone: '+86 138 1234 1234', amount: '299.5' })))
    expect(created).toMatchObject({
      number: 'KS-20261122-0001',
      branchCode: 'SH01',
      status: 'received',
      caseClass: 1,
      phone: '13812341234',
      amountFen: 29950,
      createdBy: { id: clerkId, name: '李娜' },
      departmentName: '前台/服务台',
    })
    expect(created.timeline).toEqual([
      { at: clock.now().toISOString(), by: { id: clerkId, name: '李娜' }, action: 'created' },
    ])
    const second = unwrap(await services.call('cases:create', draft()))
    expect(second.number).toBe('KS-20261122-0002')
    clock.advance(24 * 3600_000)
    const nextDay = unwrap(await services.call('cases:create', draft()))
    expect(nextDay.number).toBe('KS-20261123-0001')
    await services.close()
  })

  it('never reuses a number, even after a restart', async () => {
    const clock = testClock(new Date(2026, 10, 22, 10, 0))
    const { dir, services, clerkId, draft } = await clerkDesk(clock.now)
    unwrap(await services.call('cases:create', draft()))
    unwrap(await services.call('cases:create', draft()))
    await services.close()
    const again = await openTestServices(dir, clock.now)
    unwrap(await again.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    const third = unwrap(await again.call('cases:create', draft()))
    expect(third.number).toBe('KS-20261122-0003')
    const list = unwrap(await again.call('cases:list', {}))
    expect(new Set(list.items.map((c) => c.number)).size).toBe(3)
    await again.close()
  })

  it('rejects bad payloads that bypass the form, naming each field, and saves nothing', async () => {
    const { services, draft } = await clerkDesk()
    const before = await readFile(services.ctx.store.file, 'utf8')
    // Untyped on purpose: a category the contract does not know, as a forged call would send.
    const result = await services.dispatch('cases:create', {
      ...draft({ phone: '12345', amount: '-3', customerName: '' }),
      category: 'cosmic',
    })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.issues).toEqual(
        expect.arrayContaining([
          { path: 'phone', message: '请输入正确的手机号（11 位）或座机号（区号-号码）' },
          { path: 'amount', message: '金额不能为负数' },
          { path: 'customerName', message: '此项必填' },
          { path: 'category', message: '请选择一项' },
        ]),
      )
    }
    const unknownDept = await services.call('cases:create', draft({ departmentId: 'no-such-department' }))
    expect(unknownDept).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'departmentId', message: '请选择一项' }] },
    })
    expect(await readFile(services.ctx.store.file, 'utf8')).toBe(before)
    await services.close()
  })

  it('takes amounts as the form does ("20元", "¥20", "￥20", "20 元") and refuses the rest in words', async () => {
    const { services, draft } = await clerkDesk()
    const created = unwrap(
      await services.call('cases:create', draft({ amount: '20元', lossAmount: '￥20.5', claimAmount: '20 元' })),
    )
    expect(created).toMatchObject({ amountFen: 2000, lossFen: 2050, claimFen: 2000 })
    expect(unwrap(await services.call('cases:create', draft({ amount: '¥299' }))).amountFen).toBe(29900)
    const before = await readFile(services.ctx.store.file, 'utf8')
    const refused = await services.call(
      'cases:create',
      draft({ amount: '20元5', lossAmount: 'abc', claimAmount: '1.234' }),
    )
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        issues: expect.arrayContaining([
          { path: 'amount', message: '请填写数字金额，如 20、20.5、20元 或 ¥20' },
          { path: 'lossAmount', message: '请填写数字金额，如 20、20.5、20元 或 ¥20' },
          { path: 'claimAmount', message: '金额最多两位小数（到分）' },
        ]),
      },
    })
    expect(await readFile(services.ctx.store.file, 'utf8')).toBe(before)
    // The live proposal reads them the same way: a claim of "¥5000元" is above the clerk's authority.
    const preview = unwrap(
      await services.call('cases:classify', {
        ...draft({ category: 'cashier_error', claimAmount: '¥5000元', lossAmount: '20元' }),
      }),
    )
    expect(preview.reasons.map((r) => r.rule)).toContain('over_authority')
    await services.close()
  })

  it('lists with masked phones, filters, searches Chinese text and sorts', async () => {
    const { services, departments, draft } = await clerkDesk()
    const a = unwrap(
      await services.call(
        'cases:create',
        draft({ description: '收银员少找了十元零钱', category: 'cashier_error', customerName: '赵敏' }),
      ),
    )
    const b = unwrap(
      await services.call('cases:create', draft({ phone: '021-87654321', departmentId: departments[1].id })),
    )
    const all = unwrap(await services.call('cases:list', {}))
    expect(all.total).toBe(2)
    expect(all.items.map((c) => c.phoneMasked)).toEqual(expect.arrayContaining(['138****1234', '021-****4321']))
    expect(JSON.stringify(all)).not.toContain('13812341234')

    const search = async (q: CaseQuery) => unwrap(await services.call('cases:list', q)).items.map((c) => c.id)
    expect(await search({ q: '少找' })).toEqual([a.id])
    expect(await search({ q: '赵敏' })).toEqual([a.id])
    expect(await search({ q: '87654321' })).toEqual([b.id])
    expect(await search({ q: b.number })).toEqual([b.id])
    expect(await search({ category: 'cashier_error' })).toEqual([a.id])
    expect(await search({ departmentId: departments[1].id })).toEqual([b.id])
    expect(await search({ sort: 'number', dir: 'asc' })).toEqual([a.id, b.id])
    expect(await search({ sort: 'number', dir: 'desc' })).toEqual([b.id, a.id])
    expect(await search({ status: 'closed' })).toEqual([])
    const limited = unwrap(await services.call('cases:list', { limit: 1 }))
    expect(limited).toMatchObject({ total: 2, items: [expect.anything()] })
    await services.close()
  })

  it('shows the full record, unmasked phone included, on the detail; unknown ids are NOT_FOUND', async () => {
    const { services, draft } = await clerkDesk()
    const created = unwrap(await services.call('cases:create', draft()))
    const detail = unwrap(await services.call('cases:get', { id: created.id }))
    expect(detail).toEqual(created)
    expect(detail.phone).toBe('13812341234')
    expect(await services.call('cases:get', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    await services.close()
  })

  it('refuses to save anything while the data file is damaged', async () => {
    const dir = await tempDir()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(`${dir}/complaint-desk.json`, '{"broken": ')
    const services = await openTestServices(dir)
    const status = unwrap(await services.call('app:status'))
    expect(status.store.state).toBe('corrupt')
    expect(status.setupNeeded).toBe(false)
    const result = await services.call('setup:init', {
      branch: { name: '静安寺店', code: 'SH01' },
      manager: { name: '陈主管', pin: '1234', pinConfirm: '1234' },
      contacts: SETUP_CONTACTS,
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'STORE_UNAVAILABLE', message: expect.stringContaining('数据文件已损坏') },
    })
    expect(await readFile(`${dir}/complaint-desk.json`, 'utf8')).toBe('{"broken": ')
    await services.close()
  })
})
