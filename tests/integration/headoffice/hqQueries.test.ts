// Head office mode's queries on a real PostgreSQL (electron/headoffice/hq.ts): the two-step text
// search gives exactly what a plain full query gives, page after page; a text too short for
// trigrams says how far it read and goes on from there; the deadline facts kept by the database
// are the app's own; and a head office login cannot write a branch's case.
import { beforeAll, describe, expect, it } from 'vitest'
import type pg from 'pg'
import type { Case } from '@shared/schemas/case'
import { deadlineFacts } from '@shared/rules/deadlines'
import { emptyWorkflow } from '@shared/schemas/workflow'
import type { HqCursor } from '@shared/schemas/headquarters'
import { pushCases } from '../../../electron/headoffice/push'
import {
  listCases,
  signReport,
  trigramSearchable,
  type ListFilter,
  type ListRow,
} from '../../../electron/headoffice/hq'
import { generateCases } from '../../../bench/data'
import { createBranch, createHeadOffice, NO_POSTGRES, usePostgres } from '../../support/postgres'

const BRANCHES = ['SH01', 'SH02', 'BJ01']
const END = new Date('2026-11-20T04:00:00Z')
const staff = { id: 's1', name: '李娜' }

/** 80 generated cases per branch (common words, rare receipt numbers), ids unique across branches. */
function branchCases(code: string, seed: number): Case[] {
  return generateCases(80, END, seed).map((c) => ({ ...c, id: `${code}-${c.id}`, branchCode: code }))
}

describe.skipIf(NO_POSTGRES && !process.env.CI)('head office queries on PostgreSQL', { timeout: 120_000 }, () => {
  const cluster = usePostgres()
  const all: Case[] = []
  let ho: pg.Client

  beforeAll(async () => {
    await createHeadOffice(cluster(), 'ho_query')
    for (const [i, code] of BRANCHES.entries()) {
      await createBranch(cluster(), code, `${code} 店`)
      const cases = branchCases(code, 11 + i)
      // A few cases written in full-width and with commitments, escalations and reports, for the facts.
      cases[0] = { ...cases[0], product: 'ＭＢ－４０ 电饭煲', description: '用了三天不加热' }
      cases[1] = {
        ...cases[1],
        status: 'in_progress',
        caseClass: 2,
        workflow: {
          ...emptyWorkflow(),
          escalation: { notified: [{ who: '陈主管', at: cases[1].receivedAt, by: staff }], takenOverBy: null },
          commitments: [
            {
              id: 'm1',
              what: '回电',
              owner: '李娜',
              dueAt: '2026-11-21T02:00:00.000Z',
              status: 'open',
              createdAt: cases[1].receivedAt,
              createdBy: staff,
              keptAt: null,
              reagreed: [],
            },
            {
              id: 'm2',
              what: '退款',
              owner: '李娜',
              dueAt: '2026-11-19T02:00:00.000Z',
              status: 'open',
              createdAt: cases[1].receivedAt,
              createdBy: staff,
              keptAt: null,
              reagreed: [],
            },
            {
              id: 'm3',
              what: '道歉',
              owner: '李娜',
              dueAt: '2026-11-18T02:00:00.000Z',
              status: 'kept',
              createdAt: cases[1].receivedAt,
              createdBy: staff,
              keptAt: cases[1].receivedAt,
              reagreed: [],
            },
          ],
        },
      }
      cases[2] = {
        ...cases[2],
        status: 'reported',
        caseClass: 2,
        workflow: {
          ...emptyWorkflow(),
          resolvedAt: cases[2].receivedAt,
          writtenReport: {
            generatedAt: cases[2].receivedAt,
            generatedBy: staff,
            submittedTo: '总部',
            submittedAt: cases[2].receivedAt,
          },
        },
      }
      all.push(...cases)
      const branch = await cluster().connect(`branch_${code.toLowerCase()}`)
      await pushCases(
        branch,
        code,
        cases.map((doc) => ({ caseId: doc.id, version: 1, doc, departmentName: '收银' })),
      )
      await branch.end()
    }
    ho = await cluster().connect('ho_query')
    return () => ho.end()
  })

  /** Every case matching, by a plain full query: what the pages must add up to. */
  async function everything(f: Omit<ListFilter, 'limit' | 'after'>): Promise<string[]> {
    const p = f.q ? `%${f.q.normalize('NFKC').toLowerCase()}%` : '%'
    const r = await ho.query(
      `SELECT branch_code || '/' || case_id AS k FROM ho.cases
        WHERE search_key LIKE $1 AND ($2::text IS NULL OR branch_code = $2) AND ($3::text IS NULL OR category = $3)
          AND ($4::timestamptz IS NULL OR received_at >= $4) AND ($5::timestamptz IS NULL OR received_at < $5)
        ORDER BY received_at DESC, branch_code DESC, case_id DESC`,
      [p, f.branchCode ?? null, f.category ?? null, f.from ?? null, f.to ?? null],
    )
    return r.rows.map((x) => x.k)
  }

  /** Page after page (small pages, a small recent scan so that both steps run), as keys. */
  async function pages(
    f: Omit<ListFilter, 'limit' | 'after'>,
    scan: number,
  ): Promise<{ keys: string[]; partials: number }> {
    const keys: string[] = []
    let after: HqCursor | undefined
    let partials = 0
    for (let i = 0; i < 200; i++) {
      const page = await listCases(ho, { ...f, limit: 7, after }, scan)
      keys.push(...page.rows.map((r: ListRow) => `${r.branchCode}/${r.caseId}`))
      if (page.partial) partials++
      if (!page.next) break
      after = page.next
    }
    return { keys, partials }
  }

  it('a search gives, page after page, exactly what a full query gives (common, rare, none, full-width, filtered)', async () => {
    const rare = all[37].receiptNo
    const searches: Omit<ListFilter, 'limit' | 'after'>[] = [
      { q: '电饭煲' },
      { q: '空气炸锅' },
      { q: rare },
      { q: rare.toLowerCase() },
      { q: 'mb-40' },
      { q: '没有这样的词语' },
      { q: '电饭煲', branchCode: 'SH02' },
      { q: '用了三天', category: all[5].category },
      { q: '不加热', from: new Date('2026-11-19T00:00:00Z'), to: new Date('2026-11-20T00:00:00Z') },
      { q: '50%_\\' },
      {},
      { branchCode: 'BJ01' },
    ]
    for (const f of searches) {
      const expected = await everything(f)
      for (const scan of [5, 40, 10_000]) {
        const got = await pages(f, scan)
        expect({ f, scan, keys: got.keys }).toEqual({ f, scan, keys: expected })
        // Only a text without a run of 3 characters stops short (and goes on through `next`).
        if (!f.q || trigramSearchable(f.q)) expect(got.partials).toBe(0)
      }
    }
    // The full-width product was found by its ASCII name, and a rare receipt number by the trigram step.
    expect(await everything({ q: 'mb-40' })).toContain(`SH01/${all[0].id}`)
    expect((await everything({ q: rare })).length).toBeLessThan(3)
  })

  it('a text too short for trigrams reads the newest cases, says so, and goes on from there', async () => {
    expect(trigramSearchable('秀英')).toBe(false)
    expect(trigramSearchable('王秀英')).toBe(true)
    expect(trigramSearchable('A1 B2')).toBe(false)
    const expected = await everything({ q: '秀英' })
    expect(expected.length).toBeGreaterThan(0)
    const first = await listCases(ho, { q: '秀英', limit: 50 }, 30)
    expect(first.partial).toMatchObject({ scanned: 30 })
    expect(first.next).not.toBeNull()
    // The page holds every match among the 30 newest, and "since" is the 30th's time.
    const newest30 = (await everything({})).slice(0, 30)
    expect(first.rows.map((r) => `${r.branchCode}/${r.caseId}`)).toEqual(expected.filter((k) => newest30.includes(k)))
    const got = await pages({ q: '秀英' }, 30)
    expect(got.keys).toEqual(expected)
    expect(got.partials).toBeGreaterThan(0)
    // With fewer cases than the scan (a branch filter, say) it is complete at once.
    const one = await listCases(ho, { q: '秀英', branchCode: 'SH01', limit: 100 }, 10_000)
    expect(one.partial).toBeNull()
    expect(one.rows.map((r) => `${r.branchCode}/${r.caseId}`)).toEqual(
      await everything({ q: '秀英', branchCode: 'SH01' }),
    )
  })

  it('keeps the deadline facts the app’s rule reads, for every case', async () => {
    const r = await ho.query<{ branch_code: string; case_id: string; deadline_facts: Record<string, unknown> }>(
      'SELECT branch_code, case_id, deadline_facts FROM ho.cases',
    )
    expect(r.rows).toHaveLength(all.length)
    const byKey = new Map(all.map((c) => [`${c.branchCode}/${c.id}`, c]))
    for (const row of r.rows) {
      const {
        status: _s,
        caseClass: _c,
        receivedAt: _r,
        ...facts
      } = deadlineFacts(byKey.get(`${row.branch_code}/${row.case_id}`)!)
      expect(row.deadline_facts).toEqual(facts)
    }
    const withDues = r.rows.find((x) => x.case_id === all[1].id)!.deadline_facts
    expect(withDues).toMatchObject({
      responded: true,
      openDues: ['2026-11-19T02:00:00.000Z', '2026-11-21T02:00:00.000Z'],
    })
  })

  it('a head office login reads every branch but cannot insert, change or delete a case', async () => {
    const counts = await ho.query('SELECT branch_code, count(*)::int AS n FROM ho.cases GROUP BY 1 ORDER BY 1')
    expect(counts.rows).toEqual([
      { branch_code: 'BJ01', n: 80 },
      { branch_code: 'SH01', n: 80 },
      { branch_code: 'SH02', n: 80 },
    ])
    const c = all[10]
    await expect(ho.query(`UPDATE ho.cases SET version = version + 1 WHERE case_id = $1`, [c.id])).rejects.toThrow(
      /permission denied/,
    )
    await expect(ho.query(`DELETE FROM ho.cases WHERE case_id = $1`, [c.id])).rejects.toThrow(/permission denied/)
    await expect(
      pushCases(ho, c.branchCode, [
        { caseId: `${c.id}-x`, version: 1, doc: { ...c, id: `${c.id}-x` }, departmentName: '' },
      ]),
    ).rejects.toThrow(/permission denied/)
    await expect(ho.query(`UPDATE ho.report_acks SET comment = 'x'`)).rejects.toThrow(/permission denied/)
    // Its one write: a 签收, of a Class 2 case with a written report, once.
    const reported = all.find((x) => x.branchCode === 'SH02' && x.workflow.writtenReport)!
    expect(await signReport(ho, { branchCode: 'SH02', caseId: reported.id }, '张总', '已阅')).toMatchObject({
      ok: true,
      ack: { by: '张总', comment: '已阅' },
    })
    expect(await signReport(ho, { branchCode: 'SH02', caseId: reported.id }, '张总', '')).toEqual({
      ok: false,
      reason: 'already_signed',
    })
    const class1 = all.find((x) => x.branchCode === 'SH02' && x.caseClass === 1)!
    expect(await signReport(ho, { branchCode: 'SH02', caseId: class1.id }, '张总', '')).toEqual({
      ok: false,
      reason: 'not_class2',
    })
    const noReport = all.find((x) => x.branchCode === 'SH02' && x.caseClass === 2 && !x.workflow.writtenReport)!
    expect(await signReport(ho, { branchCode: 'SH02', caseId: noReport.id }, '张总', '')).toEqual({
      ok: false,
      reason: 'no_report',
    })
    expect(await signReport(ho, { branchCode: 'SH02', caseId: 'nope' }, '张总', '')).toEqual({
      ok: false,
      reason: 'not_found',
    })
    // And the version the branch pushed is untouched.
    const v = await ho.query('SELECT version FROM ho.cases WHERE case_id = $1', [c.id])
    expect(v.rows).toEqual([{ version: '1' }])
  })
})
