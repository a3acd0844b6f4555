import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toLocalDateTime } from '@shared/values/localTime'
import type { CaseDraft } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { StoredCase } from '../../electron/store/schema'
import { toRow } from '../../electron/store'
import { archivedSummary } from '../../electron/services/caseRecord'
import { clerkDesk, MANAGER_PIN, unwrap } from '../support/services'
import { makeCase, validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'
import { HAS_POPPLER } from '../support/poppler'

/** A branch with two clerks (李娜 signed in here, 王芳 in another window) and a manager. */
async function desk(dir: string) {
  const d = await clerkDesk(dir, new Date(2026, 10, 22, 10, 0))
  const other = await d.call('staff:add', {
    staff: { name: '王芳', role: 'staff', pin: '2468', pinConfirm: '2468' },
    approval: d.approval,
  })
  const otherDesk = d.services.as('other-window')
  unwrap(await otherDesk('auth:signIn', { staffId: other.id, pin: '2468' }))
  const at = () => toLocalDateTime(d.clock.now())
  const create = (o: Partial<CaseDraft> = {}) =>
    d.call('cases:create', validDraft({ departmentId: d.departments[0].id, receivedAt: at(), ...o }))
  const ids = async (query: Parameters<typeof d.call<'cases:list'>>[1]) =>
    (await d.call('cases:list', query)).items.map((s) => s.number).sort()
  return { ...d, other, otherDesk, at, create, ids }
}

describe('owner and handoff (issue 12)', () => {
  const tempDir = useTempDirs()

  it('a case is owned by the clerk who logged it, and the list shows the owner', async () => {
    const d = await desk(await tempDir())
    const c = await d.create()
    expect(c.workflow.owner).toEqual({ id: d.clerkId, name: '李娜' })
    expect(c.workflow.ownerDepartmentId).toBeNull()
    const [row] = (await d.call('cases:list', {})).items
    expect(row).toMatchObject({ ownerName: '李娜', ownerDepartmentName: null })
    await d.services.close()
  })

  it('reassigned to another active staff member with a note: timeline and audit; the note is required', async () => {
    const d = await desk(await tempDir())
    const c = await d.create()
    expect((await d.refused('cases:assign', { id: c.id, staffId: d.other.id, note: ' ' })).issues).toContainEqual({
      path: 'note',
      message: '此项必填',
    })
    const moved = await d.call('cases:assign', { id: c.id, staffId: d.other.id, note: '王芳负责售后，明天跟进' })
    expect(moved.workflow.owner).toEqual({ id: d.other.id, name: '王芳' })
    expect(moved.timeline.at(-1)).toMatchObject({
      action: 'owner.assigned',
      detail: '王芳负责售后，明天跟进',
      changes: [{ field: 'owner', before: '李娜', after: '王芳' }],
    })
    expect((await d.services.ctx.store.readAudit()).at(-1)).toMatchObject({
      action: 'case.owner.assigned',
      target: c.number,
      changes: [{ field: 'owner', before: '李娜', after: '王芳' }],
    })
    expect((await d.refused('cases:assign', { id: c.id, staffId: d.other.id, note: '再转' })).message).toBe(
      '负责人没有变化。',
    )
    await d.services.close()
  })

  it('only active staff and active departments; nobody and no department is refused', async () => {
    const d = await desk(await tempDir())
    const c = await d.create()
    // No channel deactivates staff yet: the record is marked as a future one would.
    await d.services.ctx.store.update((data) => {
      data.staff.find((x) => x.id === d.other.id)!.active = false
    })
    expect(
      (await d.refused('cases:assign', { id: c.id, staffId: d.other.id, note: '交给王芳' })).issues,
    ).toContainEqual({ path: 'staffId', message: '请选择一项' })
    expect(
      (await d.refused('cases:assign', { id: c.id, departmentId: 'no-such', note: '转部门' })).issues,
    ).toContainEqual({ path: 'departmentId', message: '请选择一项' })
    expect((await d.refused('cases:assign', { id: c.id, note: '转' })).issues).toContainEqual({
      path: 'staffId',
      message: '请选择负责人或部门',
    })
    expect((await d.call('cases:get', { id: c.id })).workflow.owner?.name).toBe('李娜')
    await d.services.close()
  })

  it('handed off to another department: nobody there owns it yet, so it shows as 未分配 until someone takes it', async () => {
    const d = await desk(await tempDir())
    const c = await d.create()
    const afterSales = d.departments[2]
    const handed = await d.call('cases:assign', { id: c.id, departmentId: afterSales.id, note: '需售后上门检测' })
    expect(handed.workflow).toMatchObject({ owner: null, ownerDepartmentId: afterSales.id })
    expect(handed.timeline.at(-1)).toMatchObject({
      action: 'owner.handedOff',
      changes: [
        { field: 'owner', before: '李娜', after: '' },
        { field: 'ownerDepartment', before: '', after: afterSales.name },
      ],
    })
    expect((await d.call('cases:list', { view: 'unassigned' })).items[0]).toMatchObject({
      number: c.number,
      ownerName: null,
      ownerDepartmentName: afterSales.name,
    })
    // 王芳 of after-sales takes it.
    const taken = unwrap(
      await d.otherDesk('cases:assign', {
        id: c.id,
        staffId: d.other.id,
        departmentId: afterSales.id,
        note: '我来跟进',
      }),
    )
    expect(taken.workflow.owner?.name).toBe('王芳')
    await d.services.close()
  })

  it('the list views: 我的 (the caller owns it), 未分配 (nobody does), by department, all', async () => {
    const d = await desk(await tempDir())
    const mine = await d.create({ phone: '13900000101' })
    const hers = await d.create({ phone: '13900000102', departmentId: d.departments[1].id })
    const nobody = await d.create({ phone: '13900000103' })
    await d.call('cases:assign', { id: hers.id, staffId: d.other.id, note: '王芳跟进' })
    await d.call('cases:assign', { id: nobody.id, departmentId: d.departments[2].id, note: '转售后' })
    expect(await d.ids({ view: 'mine' })).toEqual([mine.number])
    expect(await d.ids({ view: 'unassigned' })).toEqual([nobody.number])
    expect(await d.ids({ view: 'all' })).toEqual([mine.number, hers.number, nobody.number].sort())
    expect(await d.ids({})).toEqual([mine.number, hers.number, nobody.number].sort())
    expect(await d.ids({ departmentId: d.departments[1].id })).toEqual([hers.number])
    // 我的 is the caller's own: the other clerk sees hers.
    const theirs = unwrap(await d.otherDesk('cases:list', { view: 'mine' }))
    expect(theirs.items.map((s) => s.number)).toEqual([hers.number])
    // Views combine with the other filters.
    expect(await d.ids({ view: 'mine', q: '13900000101' })).toEqual([mine.number])
    expect(await d.ids({ view: 'mine', q: '13900000102' })).toEqual([])
    await d.services.close()
  })

  it('refused on a closed or voided case', async () => {
    const d = await desk(await tempDir())
    const c = await d.create()
    await d.call('cases:transition', { id: c.id, action: 'void', reason: '重复登记', approval: d.approval })
    expect((await d.refused('cases:assign', { id: c.id, staffId: d.other.id, note: '转' })).message).toBe(
      '该投诉已作废，不能再修改。',
    )
    await d.services.close()
  })

  it('archived cases keep their owner in the list; rows archived before owners existed read 未分配', async () => {
    const d = await desk(await tempDir())
    const owned = makeCase({ workflow: { ...emptyWorkflow(), owner: { id: 's9', name: '赵敏' } } })
    const ctx = d.services.contextFor('test')
    expect(archivedSummary(ctx, toRow(owned, '2026-08'))).toMatchObject({ ownerName: '赵敏' })
    const { ownerId: _id, ownerName: _name, ownerDepartmentId: _dept, ...oldRow } = toRow(owned, '2026-08')
    expect(archivedSummary(ctx, oldRow)).toMatchObject({ ownerName: null, ownerDepartmentName: null })
    await d.services.close()
  })

  it('cases stored before owners existed read with none (未分配)', () => {
    const old = makeCase() as Record<string, unknown> & { workflow: Record<string, unknown> }
    delete old.workflow.owner
    delete old.workflow.ownerDepartmentId
    expect(StoredCase.parse(old).workflow).toMatchObject({ owner: null, ownerDepartmentId: null })
  })

  it('the handover shows each open case with its owner, on screen and on the 交接班表', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    const c = await d.create()
    const nobody = await d.create({ phone: '13900000104' })
    await d.call('cases:assign', { id: c.id, staffId: d.other.id, note: '王芳跟进' })
    await d.call('cases:assign', { id: nobody.id, departmentId: d.departments[2].id, note: '转售后' })
    const snapshot = await d.call('handover:prepare', { hours: 8 })
    expect(snapshot.openCases.map((s) => [s.number, s.ownerName, s.ownerDepartmentName]).sort()).toEqual(
      [
        [c.number, '王芳', null],
        [nobody.number, null, d.departments[2].name],
      ].sort(),
    )
    if (!HAS_POPPLER && !process.env.CI) return
    const handover = await d.call('handover:submit', {
      hours: 8,
      notes: '',
      incoming: { staffId: d.managerId, pin: MANAGER_PIN },
    })
    const file = await d.call('reports:handoverSheet', { id: handover.id })
    const path = join(dir, 'handover.pdf')
    await writeFile(path, Buffer.from(file.base64, 'base64'))
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
    expect(text).toContain('负责人')
    expect(text).toContain('王芳')
    // Handed to a department, nobody there yet: the department, waiting to be picked up.
    expect(text).toContain(d.departments[2].name)
    expect(text).toContain('待认领')
    await d.services.close()
  })
})
