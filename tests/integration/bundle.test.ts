import { describe, expect, it } from 'vitest'
import { gunzipSync, gzipSync } from 'node:zlib'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { makeCase, validDraft } from '../support/factories'
import { MANAGER_PIN, setUpBranch, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

const NOW = () => new Date('2026-11-22T02:00:00Z')

describe('data bundles: a branch exports, head office imports', () => {
  const tempDir = useTempDirs()

  /** A branch with one live case (through the app) and one archived (closed in August). */
  async function branch(code: string, name: string) {
    const b = await setUpBranch(await tempDir(), NOW)
    await b.services.ctx.store.update((d) => void (d.branch = { name, code }))
    unwrap(
      await b.services.call(
        'cases:create',
        validDraft({ departmentId: b.departments[0].id, customerName: `${name}的顾客` }),
      ),
    )
    const old = makeCase({
      id: `${code}-old`,
      branchCode: code,
      status: 'closed',
      customerName: '归档顾客',
      departmentId: b.departments[1].id,
      receivedAt: '2026-08-01T02:00:00.000Z',
      workflow: { ...emptyWorkflow(), closedAt: '2026-08-03T02:00:00.000Z' },
    })
    await b.services.ctx.store.update((d) => void d.cases.push(old))
    await b.services.ctx.store.compact()
    const approval = { managerId: b.managerId, pin: MANAGER_PIN }
    const file = unwrap(await b.services.call('data:exportBundle', { approval }))
    return { ...b, file, approval }
  }

  const importInto = async (hq: Awaited<ReturnType<typeof branch>>, file: { fileName: string; base64: string }) =>
    hq.services.call('data:importBundle', { ...file, approval: hq.approval })

  it('exports every case, live and archived, as gzipped JSON without staff or PINs', async () => {
    const a = await branch('SH02', '徐汇店')
    expect(a.file.fileName).toMatch(/^客诉台数据包-SH02-\d{8}-\d{4}\.json\.gz$/)
    const json = gunzipSync(Buffer.from(a.file.base64, 'base64')).toString('utf8')
    const bundle = JSON.parse(json)
    expect(bundle).toMatchObject({
      format: 'complaint-desk-bundle',
      version: 2,
      branch: { code: 'SH02', name: '徐汇店' },
    })
    expect(bundle.cases.map((c: { customerName: string }) => c.customerName).sort()).toEqual(
      ['徐汇店的顾客', '归档顾客'].sort(),
    )
    expect(json).not.toMatch(/scrypt|"pin"|"salt"/)
    expect((await a.services.ctx.store.readAudit()).at(-1)).toMatchObject({
      action: 'data.exported',
      target: '2',
      approvedBy: { name: '陈主管' },
    })
    await a.services.close()
  })

  it('head office merges two branches; importing again changes nothing', async () => {
    const a = await branch('SH02', '徐汇店')
    const b = await branch('SH03', '浦东店')
    const hq = await branch('HQ', '总部')
    const first = unwrap(await importInto(hq, a.file))
    expect(first).toMatchObject({ branch: { code: 'SH02' }, added: 2, unchanged: 0, conflicts: [] })
    expect(first.departmentsAdded).toBe(a.departments.length)
    unwrap(await importInto(hq, b.file))
    const list = unwrap(await hq.services.call('cases:list', {}))
    expect(list.total).toBe(6) // HQ's own two, and two from each branch
    expect(list.items.map((c) => c.departmentName)).toContain(`${a.departments[0].name} · SH02`)
    // Head office sees which branch each case came from; its own cases carry no mark.
    expect(new Set(list.items.map((c) => c.fromBranch))).toEqual(new Set(['SH02', 'SH03', null]))
    // The archived case went to the archive, and can be opened.
    expect((await hq.services.ctx.store.archived()).row('SH02-old')).toBeTruthy()
    const again = unwrap(await importInto(hq, a.file))
    expect(again).toMatchObject({ added: 0, unchanged: 2, departmentsAdded: 0, conflicts: [] })
    expect(unwrap(await hq.services.call('cases:list', {})).total).toBe(6)
    expect(hq.services.ctx.store.data.departments).toHaveLength(
      hq.departments.length + a.departments.length + b.departments.length,
    )
    for (const s of [a, b, hq]) await s.services.close()
  })

  it('reports a case that is here with different content as a conflict and keeps what is here', async () => {
    const a = await branch('SH02', '徐汇店')
    const hq = await branch('HQ', '总部')
    unwrap(await importInto(hq, a.file))
    const bundle = JSON.parse(gunzipSync(Buffer.from(a.file.base64, 'base64')).toString('utf8'))
    bundle.cases[0].description = '后来被改过的内容'
    const changed = { fileName: 'b.json.gz', base64: gzipSync(JSON.stringify(bundle)).toString('base64') }
    const result = unwrap(await importInto(hq, changed))
    expect(result.added).toBe(0)
    expect(result.conflicts).toEqual([
      { branchCode: 'SH02', number: bundle.cases[0].number, id: bundle.cases[0].id, fields: ['description'] },
    ])
    const kept = await hq.services.ctx.store.readCase(bundle.cases[0].id)
    expect(kept?.description).not.toBe('后来被改过的内容')
    for (const s of [a, hq]) await s.services.close()
  })

  it('refuses a damaged or malformed file with a message, and imports nothing', async () => {
    const hq = await branch('HQ', '总部')
    const before = unwrap(await hq.services.call('cases:list', {})).total
    const damaged = await importInto(hq, {
      fileName: 'x.json.gz',
      base64: Buffer.from([0x1f, 0x8b, 1, 2, 3]).toString('base64'),
    })
    expect(damaged).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '无法读取这个文件：它不是客诉台数据包，或已损坏。' },
    })
    const malformed = await importInto(hq, {
      fileName: 'x.json',
      base64: Buffer.from(
        JSON.stringify({
          format: 'complaint-desk-bundle',
          version: 1,
          exportedAt: '2026-11-22T02:00:00.000Z',
          branch: { name: 'x', code: 'X' },
          departments: [],
          cases: [{ id: 1 }],
        }),
      ).toString('base64'),
    })
    expect(malformed).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(malformed.ok || malformed.error.message).toMatch(/格式不对（位置：cases\.0\./)
    expect(unwrap(await hq.services.call('cases:list', {})).total).toBe(before)
    await hq.services.close()
  })
})
