import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { readFile } from 'node:fs/promises'
import { CHANNEL_NAMES, contract, MANAGER_ACTIONS, MANAGER_CHANNELS } from '@shared/ipc/contract'
import type { CaseDetail } from '@shared/schemas/case'
import type { WorkflowSettings } from '@shared/schemas/settings'
import { CLERK_PIN, MANAGER_PIN, setUpBranch, TEST_SERVICE_OPTIONS, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { toLocalDateTime } from '@shared/values/localTime'

const DAY = 24 * 3600_000
import { useTempDirs } from '../support/tempDir'
import { openServices } from '../../electron/services'
import { fakeHeadquarters } from '../support/headquarters'

type Desk = Awaited<ReturnType<typeof setUpBranch>> & {
  urgent: CaseDetail
  plain: CaseDetail
  settings: WorkflowSettings
  backupName: string
  /** A voided case received 40 months ago, past the branch's 36-month retention period. */
  pastRetention: CaseDetail
  /** A second clerk, not signed in anywhere (one may not deactivate oneself). */
  spareId: string
}

/** A payload for each manager-only action, valid except for the approval. */
const PAYLOADS: Record<string, (d: Desk) => [string, Record<string, unknown>]> = {
  'staff:add': () => ['staff:add', { staff: { name: '新员工', role: 'staff', pin: '2468', pinConfirm: '2468' } }],
  'staff:resetPin': (d) => ['staff:resetPin', { staffId: d.clerkId, pin: '8642', pinConfirm: '8642' }],
  'departments:add': () => ['departments:add', { name: '生鲜部' }],
  'staff:rename': (d) => ['staff:rename', { staffId: d.clerkId, name: '李娜娜' }],
  'staff:setActive': (d) => ['staff:setActive', { staffId: d.spareId, active: false }],
  'departments:rename': (d) => ['departments:rename', { departmentId: d.departments[1].id, name: '收银台' }],
  'departments:setActive': (d) => ['departments:setActive', { departmentId: d.departments[1].id, active: false }],
  'settings:setContacts': () => [
    'settings:setContacts',
    { managerContacts: [{ name: '王经理', role: '区域经理', phone: '13900000000' }], serviceContact: '95588' },
  ],
  'backups:create': () => ['backups:create', {}],
  'backups:restore': (d) => ['backups:restore', { name: d.backupName }],
  'backups:acknowledgeRecovery': () => ['backups:acknowledgeRecovery', {}],
  'settings:update': (d) => ['settings:update', { workflow: { ...d.settings, authorityLimitFen: 500_00 } }],
  'scripts:update': (d) => ['scripts:update', { playbook: d.settings.playbook }],
  'scripts:reset': () => ['scripts:reset', { section: 'avoidWords' }],
  'cases:lowerClass': (d) => ['cases:lowerClass', { id: d.urgent.id, reason: '误判' }],
  'cases:takeOver': (d) => ['cases:takeOver', { id: d.urgent.id }],
  'cases:transition#void': (d) => ['cases:transition', { id: d.plain.id, action: 'void', reason: '重复登记' }],
  'cases:exportCsvUnmasked': () => ['cases:exportCsvUnmasked', {}],
  'retention:anonymise': (d) => ['retention:anonymise', { ids: [d.pastRetention.id] }],
  'headoffice:set': () => [
    'headoffice:set',
    {
      enabled: false,
      host: '127.0.0.1',
      port: 5432,
      database: 'complaint',
      user: 'branch_sh01',
      ssl: 'disable',
      caFile: '',
      password: 'a-long-password-123',
    },
  ],
  'data:exportBundle': () => ['data:exportBundle', {}],
  'data:importBundle': () => [
    'data:importBundle',
    {
      fileName: 'b.json',
      base64: Buffer.from(
        JSON.stringify({
          format: 'complaint-desk-bundle',
          version: 1,
          exportedAt: '2026-11-22T02:00:00.000Z',
          branch: { name: '分店', code: 'SH02' },
          departments: [],
          cases: [],
        }),
      ).toString('base64'),
    },
  ],
  // Head office mode (run on a head office installation, below).
  'hq:signReport': () => ['hq:signReport', { branchCode: 'SH01', caseId: 'case-1', comment: '已阅' }],
  'compensation:offer#above-authority-or-cap': (d) => [
    'compensation:offer',
    {
      id: d.plain.id,
      source: 'custom',
      items: [{ form: 'cash', valueFen: 500_00, note: '' }],
      capReason: '客户强烈要求',
    },
  ],
}

/** Actions of head office mode: tried on an installation set up as head office. */
const HEAD_OFFICE_ACTIONS = new Set(['hq:signReport'])

describe('roles enforced in main: every manager-only action', () => {
  const tempDir = useTempDirs()

  /** A head office installation (its database a stand-in) with the same manager and a clerk signed in. */
  async function headOfficeDesk(): Promise<Desk> {
    const services = await openServices(await tempDir(), undefined, {
      ...TEST_SERVICE_OPTIONS,
      openHeadquarters: fakeHeadquarters(),
    })
    const session = unwrap(
      await services.call('setup:init', {
        kind: 'headoffice',
        branch: { name: '华东总部', code: 'HQ' },
        manager: { name: '陈主管', pin: MANAGER_PIN, pinConfirm: MANAGER_PIN },
      }),
    )
    const approval = { managerId: session.staff.id, pin: MANAGER_PIN }
    const clerk = unwrap(
      await services.call('staff:add', {
        staff: { name: '李娜', role: 'staff', pin: CLERK_PIN, pinConfirm: CLERK_PIN },
        approval,
      }),
    )
    unwrap(
      await services.call('headoffice:set', {
        enabled: true,
        host: '127.0.0.1',
        port: 5432,
        database: 'complaint',
        user: 'ho_zhang',
        ssl: 'disable',
        caFile: '',
        password: 'a-long-password-123',
        approval,
      }),
    )
    unwrap(await services.call('auth:signIn', { staffId: clerk.id, pin: CLERK_PIN }))
    // Only what the head office actions use.
    return { services, managerId: session.staff.id, clerkId: clerk.id } as unknown as Desk
  }

  async function desk(): Promise<Desk> {
    const setup = await setUpBranch(await tempDir())
    const { services, clerkId, departments } = setup
    unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    const make = async (o: object) =>
      unwrap(await services.call('cases:create', validDraft({ departmentId: departments[0].id, ...o })))
    const approval = { managerId: setup.managerId, pin: MANAGER_PIN }
    const old = await make({ phone: '13900000003', receivedAt: toLocalDateTime(new Date(Date.now() - 40 * 31 * DAY)) })
    unwrap(await services.call('cases:transition', { id: old.id, action: 'void', reason: '测试', approval }))
    const current = unwrap(await services.call('settings:get'))
    unwrap(await services.call('settings:update', { workflow: { ...current, retentionMonths: 36 }, approval }))
    const spare = unwrap(
      await services.call('staff:add', {
        staff: { name: '王芳', role: 'staff', pin: '2468', pinConfirm: '2468' },
        approval,
      }),
    )
    return {
      ...setup,
      spareId: spare.id,
      pastRetention: old,
      urgent: await make({ description: '顾客滑倒摔伤了', phone: '13900000001' }),
      plain: await make({ phone: '13900000002', category: 'delivery' }),
      settings: unwrap(await services.call('settings:get')),
      backupName: unwrap(await services.call('backups:list'))[0].name,
    }
  }

  it('the table names every channel whose payload carries a manager approval', () => {
    const withApproval = CHANNEL_NAMES.filter((c) =>
      JSON.stringify(z.toJSONSchema(contract[c].input, { unrepresentable: 'any', io: 'input' })).includes('"approval"'),
    )
    expect(withApproval).toContain('staff:add')
    const listed = new Set(MANAGER_ACTIONS.map((a) => a.split('#')[0]))
    expect(withApproval.filter((c) => !listed.has(c))).toEqual([])
    const carryApproval = new Set<string>(withApproval)
    expect([...listed].filter((c) => !carryApproval.has(c))).toEqual([])
  })

  it('the contract is the list: every manager action has a test payload, and manager channels are not session ones', () => {
    expect(Object.keys(PAYLOADS).sort()).toEqual([...MANAGER_ACTIONS].sort())
    expect(MANAGER_CHANNELS).toContain('backups:restore')
    expect(MANAGER_CHANNELS).not.toContain('cases:transition')
    expect(MANAGER_ACTIONS).toContain('cases:transition#void')
  })

  it.each(MANAGER_ACTIONS)(
    '%s: refused without approval, with a clerk PIN or a wrong PIN; done with a manager PIN',
    async (action) => {
      const d = HEAD_OFFICE_ACTIONS.has(action) ? await headOfficeDesk() : await desk()
      const [channel, payload] = PAYLOADS[action](d)
      const snapshot = async () => {
        const data = JSON.parse(await readFile(d.services.ctx.store.file, 'utf8'))
        for (const s of data.staff) s.failedAttempts = 0 // a wrong PIN is counted, by design
        return JSON.stringify(data)
      }
      const before = await snapshot()

      // Untyped on purpose: each payload is forged per action, without, with a wrong, then with the right approval.
      const none = await d.services.dispatch(channel, payload)
      expect(none.ok).toBe(false)
      if (!none.ok) expect(['VALIDATION', 'FORBIDDEN']).toContain(none.error.code)
      const clerk = await d.services.dispatch(channel, {
        ...payload,
        approval: { managerId: d.clerkId, pin: CLERK_PIN },
      })
      expect(clerk).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      const wrong = await d.services.dispatch(channel, {
        ...payload,
        approval: { managerId: d.managerId, pin: '000000' },
      })
      expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } })
      expect(await snapshot()).toBe(before)

      const done = await d.services.dispatch(channel, {
        ...payload,
        approval: { managerId: d.managerId, pin: MANAGER_PIN },
      })
      expect(done.ok).toBe(true)
      expect((await d.services.ctx.store.readAudit()).at(-1)?.approvedBy).toEqual({ id: d.managerId, name: '陈主管' })
      await d.services.close()
    },
  )

  it('a manager resets a locked clerk: the new PIN works and the lock is lifted', async () => {
    const d = await desk()
    unwrap(await d.services.call('auth:signOut'))
    for (let i = 0; i < 5; i++) await d.services.call('auth:signIn', { staffId: d.clerkId, pin: '9999' })
    expect(await d.services.call('auth:signIn', { staffId: d.clerkId, pin: CLERK_PIN })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    })
    unwrap(await d.services.call('auth:signIn', { staffId: d.managerId, pin: MANAGER_PIN }))
    unwrap(
      await d.services.call('staff:resetPin', {
        staffId: d.clerkId,
        pin: '8642',
        pinConfirm: '8642',
        approval: { managerId: d.managerId, pin: MANAGER_PIN },
      }),
    )
    expect((await d.services.call('auth:signIn', { staffId: d.clerkId, pin: '8642' })).ok).toBe(true)
    await d.services.close()
  })
})
