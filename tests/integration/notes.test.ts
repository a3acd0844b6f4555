import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { toLocalDateTime } from '@shared/values/localTime'
import { StoredCase } from '../../electron/store/schema'
import { clerkDesk } from '../support/services'
import { makeCase, validDraft } from '../support/factories'
import { useTempDirs } from '../support/tempDir'
import { HAS_POPPLER } from '../support/poppler'

const HOUR = 3600_000

async function desk(dir: string) {
  const d = await clerkDesk(dir, new Date(2026, 10, 22, 10, 0))
  const at = (msAgo = 0) => toLocalDateTime(new Date(d.clock.now().getTime() - msAgo))
  const c = await d.call('cases:create', validDraft({ departmentId: d.departments[0].id, receivedAt: at(HOUR) }))
  const audit = async () => (await d.services.ctx.store.readAudit()).at(-1)
  return { ...d, at, c, audit }
}

describe('internal notes and customer updates (issue 12)', () => {
  const tempDir = useTempDirs()

  it('a note goes on the case and into the timeline and audit trail; one over 1000 characters is refused', async () => {
    const d = await desk(await tempDir())
    const noted = await d.call('cases:addNote', { id: d.c.id, text: '  客户情绪已稳定，下午再联系仓库核实批次。 ' })
    expect(noted.workflow.notes).toEqual([
      {
        id: expect.any(String),
        text: '客户情绪已稳定，下午再联系仓库核实批次。',
        at: d.clock.now().toISOString(),
        by: { id: d.clerkId, name: '李娜' },
      },
    ])
    expect(noted.timeline.at(-1)).toMatchObject({
      action: 'note.added',
      detail: '客户情绪已稳定，下午再联系仓库核实批次。',
    })
    expect(await d.audit()).toMatchObject({ action: 'case.note.added', target: d.c.number })
    const long = await d.refused('cases:addNote', { id: d.c.id, text: '长'.repeat(1001) })
    expect(long.issues).toContainEqual({ path: 'text', message: '最多 1000 个字' })
    expect((await d.refused('cases:addNote', { id: d.c.id, text: '   ' })).issues).toContainEqual({
      path: 'text',
      message: '此项必填',
    })
    expect((await d.call('cases:get', { id: d.c.id })).workflow.notes).toHaveLength(1)
    await d.services.close()
  })

  it('a customer update records when, how and what was said; a time in the future is refused', async () => {
    const d = await desk(await tempDir())
    const when = d.at(HOUR / 2)
    const updated = await d.call('cases:recordCustomerUpdate', {
      id: d.c.id,
      at: when,
      method: 'phone',
      said: '告知仓库正在核实批次，明天回复。',
    })
    expect(updated.workflow.customerUpdates).toEqual([
      {
        id: expect.any(String),
        informedAt: new Date(d.clock.now().getTime() - HOUR / 2).toISOString(),
        method: 'phone',
        said: '告知仓库正在核实批次，明天回复。',
        at: d.clock.now().toISOString(),
        by: { id: d.clerkId, name: '李娜' },
      },
    ])
    expect(updated.timeline.at(-1)).toMatchObject({
      action: 'customerUpdate.phone',
      detail: `${when.replace('T', ' ')} · 告知仓库正在核实批次，明天回复。`,
    })
    const future = toLocalDateTime(new Date(Date.now() + 2 * HOUR))
    const err = await d.refused('cases:recordCustomerUpdate', { id: d.c.id, at: future, method: 'visit', said: 'x' })
    expect(err.issues).toContainEqual({ path: 'at', message: '时间不能晚于现在' })
    const noMethod = await d.refusedUntyped('cases:recordCustomerUpdate', {
      id: d.c.id,
      at: when,
      method: 'fax',
      said: 'x',
    })
    expect(noMethod.issues).toContainEqual({ path: 'method', message: '请选择一项' })
    await d.services.close()
  })

  it('neither is accepted on a closed or voided case', async () => {
    const d = await desk(await tempDir())
    await d.call('cases:transition', { id: d.c.id, action: 'void', reason: '重复登记', approval: d.approval })
    expect((await d.refused('cases:addNote', { id: d.c.id, text: '备注' })).message).toBe('该投诉已作废，不能再修改。')
    expect(
      (await d.refused('cases:recordCustomerUpdate', { id: d.c.id, at: d.at(), method: 'phone', said: '进展' }))
        .message,
    ).toBe('该投诉已作废，不能再修改。')
    await d.services.close()
  })

  it('cases stored before notes existed read with none', () => {
    const old = makeCase() as Record<string, unknown> & { workflow: Record<string, unknown> }
    delete old.workflow.notes
    delete old.workflow.customerUpdates
    const parsed = StoredCase.parse(old)
    expect(parsed.workflow).toMatchObject({ notes: [], customerUpdates: [] })
  })

  it.skipIf(!HAS_POPPLER && !process.env.CI)('notes are never printed on the customer receipt', async () => {
    const dir = await tempDir()
    const d = await desk(dir)
    await d.call('cases:addNote', { id: d.c.id, text: '内部备注：客户曾在其他门店闹事' })
    await d.call('cases:recordCustomerUpdate', { id: d.c.id, at: d.at(), method: 'phone', said: '告知处理进度XYZ' })
    const file = await d.call('reports:caseReceipt', { id: d.c.id })
    const path = join(dir, 'receipt.pdf')
    await writeFile(path, Buffer.from(file.base64, 'base64'))
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
    expect(text).toContain(d.c.number)
    expect(text).not.toContain('闹事')
    expect(text).not.toContain('内部备注')
    await d.services.close()
  })
})
