import { describe, expect, it } from 'vitest'
import { appendFile, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Case } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { DATA_FILE_NAME, JOURNAL_FILE_NAME, Store } from '../../../electron/store/store'
import { interpret } from '../../../electron/store/snapshot'
import { makeCase } from '../../support/factories'
import { effectiveLoss } from '@shared/rules/amounts'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW

/** A data directory whose live file holds `cases` (journal folded in). */
async function storeWith(dir: string, cases: Case[]): Promise<void> {
  const store = await Store.open(dir, { now })
  await store.update((d) => {
    d.branch = { name: '静安寺店', code: 'SH01' }
    d.cases.push(...cases)
  })
  await store.close()
}

async function editLive(dir: string, edit: (data: { cases: Record<string, unknown>[] }) => void): Promise<string> {
  const data = JSON.parse(await readFile(join(dir, DATA_FILE_NAME), 'utf8'))
  edit(data)
  const text = JSON.stringify(data)
  await writeFile(join(dir, DATA_FILE_NAME), text)
  return text
}

describe('data read from disk is parsed, never cast', () => {
  const tempDir = useTempDirs()

  it('a current-version live file whose case does not fit is damaged, named by its first wrong place', async () => {
    const dir = await tempDir()
    await storeWith(dir, [makeCase(), makeCase()])
    const text = await editLive(dir, (d) => delete d.cases[1].workflow)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('corrupt')
    expect(store.detail).toMatch(/^cases\[1\]\.workflow: /)
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(text)
    await store.close()
  })

  it.each([
    ['a status the app does not have', (c: Record<string, unknown>) => (c.status = 'lost'), /cases\[0\]\.status/],
    ['an amount that is text', (c: Record<string, unknown>) => (c.amountFen = '12.00'), /cases\[0\]\.amountFen/],
    ['a workflow that is not one', (c: Record<string, unknown>) => (c.workflow = []), /cases\[0\]\.workflow/],
  ])('so is %s', async (_label, edit, where) => {
    const dir = await tempDir()
    await storeWith(dir, [makeCase()])
    const found = interpret(await editLive(dir, (d) => edit(d.cases[0])), NOW)
    expect(found).toEqual({ kind: 'corrupt', reason: expect.stringMatching(where) })
  })

  it('a case saved before 损失金额 existed opens, and the chooser reads its loss as blank (docs/domain.md §3a)', async () => {
    const dir = await tempDir()
    await storeWith(dir, [makeCase({ category: 'service_attitude', amountFen: 299_00 })])
    await editLive(dir, (d) => delete d.cases[0].lossFen)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    const [old] = store.data.cases
    expect(old).not.toHaveProperty('lossFen')
    expect(effectiveLoss(old)).toEqual({ fen: 0, source: 'none' })
    await store.close()
  })

  it('a current-version file reads no audit trail of its own (a stray one is dropped, not taken for damage)', async () => {
    const dir = await tempDir()
    await storeWith(dir, [makeCase()])
    const found = interpret(await editLive(dir, (d) => Object.assign(d, { audit: 'stray' })), NOW)
    expect(found).toMatchObject({ kind: 'ok', legacyAudit: [] })
  })

  it('a journal record that is whole JSON but not a record the app writes is damage, not a torn line (set aside, issue 15 point 5)', async () => {
    const dir = await tempDir()
    await storeWith(dir, [])
    const bad = { n: 2, cases: [{ ...makeCase(), workflow: null }] }
    await appendFile(join(dir, JOURNAL_FILE_NAME), `${JSON.stringify(bad)}\n`)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    expect(store.unreadSaves).toMatchObject([
      { line: 1, saves: 1, reason: expect.stringMatching(/^cases\[0\]\.workflow: /) },
    ])
    await store.close()
  })

  it('journal records read at start are the parsed ones (what the schema declares)', async () => {
    const dir = await tempDir()
    await storeWith(dir, [])
    const c = makeCase({ customerName: '张伟' })
    await appendFile(join(dir, JOURNAL_FILE_NAME), `${JSON.stringify({ n: 2, cases: [{ ...c, stray: 'x' }] })}\n`)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    expect(store.data.cases).toEqual([c])
    await store.close()
  })

  it('an archived month whose case does not fit is reported damaged when read, naming the file', async () => {
    const dir = await tempDir()
    const closedAt = '2026-09-10T00:00:00.000Z'
    const old = makeCase({ status: 'closed', workflow: { ...emptyWorkflow(), closedAt } })
    await storeWith(dir, [old])
    const month = join(dir, 'archive', 'cases-2026-09.json')
    const cases = JSON.parse(await readFile(month, 'utf8'))
    cases[0].createdBy = null
    await writeFile(month, JSON.stringify(cases))
    const store = await Store.open(dir, { now })
    expect((await store.archived()).row(old.id)).toBeDefined() // the index still lists it
    await expect(store.readCase(old.id)).rejects.toThrow(/cases-2026-09\.json: \[0\]\.createdBy: /)
    await store.close()
  })
})
