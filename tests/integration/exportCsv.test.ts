import { describe, expect, it } from 'vitest'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { makeCase, validDraft } from '../support/factories'
import { CLERK_PIN, MANAGER_PIN, setUpBranch, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const decode = (file: { base64: string }) => Buffer.from(file.base64, 'base64')

describe('CSV export of the filtered list', () => {
  const tempDir = useTempDirs()

  async function branch() {
    const setup = await setUpBranch(await tempDir(), () => new Date('2026-11-22T02:00:00Z'))
    const { services, departments, clerkId } = setup
    unwrap(await services.call('auth:signIn', { staffId: clerkId, pin: CLERK_PIN }))
    const live = unwrap(
      await services.call(
        'cases:create',
        validDraft({
          departmentId: departments[0].id,
          customerName: '王秀英',
          phone: '13812341234',
          receivedAt: '2026-11-22T09:30',
        }),
      ),
    )
    const archived = makeCase({
      status: 'closed',
      customerName: '周芳',
      phone: '13900001111',
      description: '=SUM(A1)，噪音大',
      departmentId: departments[0].id,
      receivedAt: '2026-08-01T02:00:00.000Z',
      workflow: { ...emptyWorkflow(), closedAt: '2026-08-03T02:00:00.000Z' },
    })
    await services.ctx.store.update((d) => void d.cases.push(archived))
    await services.ctx.store.compact()
    return { ...setup, live, archived }
  }

  it('opens in Excel with Chinese: BOM, Chinese headers, every matching case, phones masked', async () => {
    const { services, live } = await branch()
    const file = unwrap(await services.call('cases:exportCsv', {}))
    const bytes = decode(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).split('\r\n')
    expect(file.fileName).toMatch(/^投诉清单-20261122-\d{4}\.csv$/)
    expect(lines[0]).toBe(
      '投诉编号,受理时间,状态,一类/二类,投诉类别,客户姓名,联系电话,涉及部门,涉及商品/服务,小票/单号,投诉内容',
    )
    expect(lines).toHaveLength(4) // header, two cases, and the empty end after the last CRLF
    expect(file.rows).toBe(2) // what the toast names
    expect(lines[1]).toContain(live.number)
    expect(lines[1]).toContain('138****1234')
    expect(lines[2]).toContain('139****1111')
    expect(lines[2]).toContain("'=SUM(A1)，噪音大")
    expect(bytes.toString('utf8')).not.toContain('13812341234')
    await services.close()
  })

  it('follows the list filters', async () => {
    const { services, archived } = await branch()
    const file = unwrap(await services.call('cases:exportCsv', { q: '噪音' }))
    const lines = decode(file).toString('utf8').split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(archived.number)
    expect(file.rows).toBe(1)
    await services.close()
  })

  it('full phone numbers only with a manager PIN, and the export is audited', async () => {
    const { services, managerId, clerkId } = await branch()
    const refused = await services.call('cases:exportCsvUnmasked', {
      approval: { managerId: clerkId, pin: CLERK_PIN },
    })
    expect(refused.ok).toBe(false)
    const file = unwrap(await services.call('cases:exportCsvUnmasked', { approval: { managerId, pin: MANAGER_PIN } }))
    expect(decode(file).toString('utf8')).toContain('13812341234')
    const audit = await services.ctx.store.readAudit()
    expect(audit.at(-1)).toMatchObject({
      action: 'cases.exported.unmasked',
      target: '2',
      by: { name: '李娜' },
      approvedBy: { name: '陈主管' },
    })
    await services.close()
  })
})
