// Head office's schema on a real PostgreSQL (tests/support/postgres.ts): roles and row-level
// security, idempotent pushes that never go backwards, and bad input refused by the database.
import { describe, expect, it, beforeAll } from 'vitest'
import type pg from 'pg'
import type { Case } from '@shared/schemas/case'
import { pushCases } from '../../../electron/headoffice/push'
import { MIGRATIONS, migrate } from '../../../electron/headoffice/migrate'
import { weekFigures } from '../../../electron/headoffice/hq'
import { makeCase } from '../../support/factories'
import { createBranch, createHeadOffice, NO_POSTGRES, OWNER, usePostgres } from '../../support/postgres'

const row = (c: Case, version: number) => ({ caseId: c.id, version, doc: c, departmentName: '收银' })

/** Runs `fn` with a client as `user`, closed afterwards. */
async function as<T>(
  cluster: ReturnType<ReturnType<typeof usePostgres>>,
  user: string,
  fn: (c: pg.Client) => Promise<T>,
) {
  const client = await cluster.connect(user)
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

// Real database round trips: seconds each on a loaded 2-core machine.
describe.skipIf(NO_POSTGRES)('head office schema (PostgreSQL)', { timeout: 60_000 }, () => {
  const cluster = usePostgres()
  let sh: string
  let bj: string

  beforeAll(async () => {
    sh = await createBranch(cluster(), 'SH01', '静安寺店')
    bj = await createBranch(cluster(), 'BJ-02', '王府井店')
    await createHeadOffice(cluster(), 'ho_zhang')
  })

  it('migrates once, records it, and a second run changes nothing', async () => {
    await as(cluster(), OWNER, async (owner) => {
      expect(await migrate(owner)).toEqual({ applied: [], current: MIGRATIONS.length })
      const r = await owner.query('SELECT version, name FROM ho.schema_migrations ORDER BY version')
      expect(r.rows).toEqual([
        { version: 1, name: '001_init.sql' },
        { version: 2, name: '002_headquarters.sql' },
        { version: 3, name: '003_week_index.sql' },
      ])
    })
  })

  it('branch and head office roles are not superusers and cannot create roles', async () => {
    await as(cluster(), OWNER, async (owner) => {
      const r = await owner.query(
        `SELECT rolname, rolsuper, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = ANY($1) ORDER BY rolname`,
        [[sh, bj, 'ho_zhang']],
      )
      expect(r.rows).toHaveLength(3)
      for (const role of r.rows)
        expect([role.rolsuper, role.rolcreaterole, role.rolbypassrls]).toEqual([false, false, false])
    })
    expect(sh).toBe('branch_sh01')
    expect(bj).toBe('branch_bj_02')
  })

  it('a branch pushes its own cases; replaying a batch or an older version changes nothing', async () => {
    const a = makeCase({ branchCode: 'SH01', description: '收银差错少找零五元' })
    const b = makeCase({ branchCode: 'SH01' })
    await as(cluster(), sh, async (c) => {
      expect(await pushCases(c, 'SH01', [row(a, 10), row(b, 11)])).toBe(2)
      expect(await pushCases(c, 'SH01', [row(a, 10), row(b, 11)])).toBe(0) // replay
      const newer = { ...a, status: 'in_progress' as const }
      expect(await pushCases(c, 'SH01', [row(newer, 12)])).toBe(1)
      expect(await pushCases(c, 'SH01', [row(a, 10)])).toBe(0) // the older one again: ignored
      const r = await c.query('SELECT case_id, version, status, case_no, search_text FROM ho.cases ORDER BY case_id')
      expect(r.rows.map((x) => [x.case_id, Number(x.version), x.status])).toEqual([
        [a.id, 12, 'in_progress'],
        [b.id, 11, 'received'],
      ])
      expect(r.rows[0].case_no).toBe(a.number)
      // A plain UPDATE to an older version is refused by the database itself.
      await expect(c.query('UPDATE ho.cases SET version = 5 WHERE case_id = $1', [a.id])).rejects.toThrow(/version/)
      // No DELETE for a branch.
      await expect(c.query('DELETE FROM ho.cases')).rejects.toThrow(/permission denied/)
    })
  })

  it('RLS: a branch cannot read, write or forge another branch', async () => {
    const theirs = makeCase({ branchCode: 'BJ-02' })
    await as(cluster(), bj, (c) => pushCases(c, 'BJ-02', [row(theirs, 1)]))
    await as(cluster(), sh, async (c) => {
      // Reads only its own rows.
      const seen = await c.query('SELECT DISTINCT branch_code FROM ho.cases')
      expect(seen.rows).toEqual([{ branch_code: 'SH01' }])
      expect((await c.query('SELECT * FROM ho.cases WHERE case_id = $1', [theirs.id])).rowCount).toBe(0)
      // A forged branch code (a document and row claiming BJ-02) is refused.
      await expect(pushCases(c, 'BJ-02', [row({ ...theirs }, 99)])).rejects.toThrow(/row-level security/)
      const forged = makeCase({ branchCode: 'BJ-02' })
      await expect(pushCases(c, 'BJ-02', [row(forged, 1)])).rejects.toThrow(/row-level security/)
      // Updating another branch's row touches nothing (invisible), nor can a row be moved there.
      const upd = await c.query("UPDATE ho.cases SET department_name = 'x' WHERE branch_code = 'BJ-02'")
      expect(upd.rowCount).toBe(0)
      await expect(c.query("UPDATE ho.cases SET branch_code = 'BJ-02'")).rejects.toThrow(
        /row-level security|keeps its branch/,
      )
      // Only its own branch row; no acks insert.
      expect((await c.query('SELECT code FROM ho.branches')).rows).toEqual([{ code: 'SH01' }])
      await expect(
        c.query("INSERT INTO ho.report_acks (branch_code, case_id, acked_by) VALUES ('SH01', 'x', 'me')"),
      ).rejects.toThrow(/permission denied/)
    })
    await as(cluster(), bj, async (c) => {
      const r = await c.query('SELECT case_id, version FROM ho.cases')
      expect(r.rows.map((x) => [x.case_id, Number(x.version)])).toEqual([[theirs.id, 1]])
    })
  })

  it('head office reads every branch, signs Class 2 reports and never edits a case', async () => {
    const class2 = makeCase({ branchCode: 'SH01', caseClass: 2 })
    const class1 = makeCase({ branchCode: 'SH01', caseClass: 1 })
    await as(cluster(), sh, (c) => pushCases(c, 'SH01', [row(class2, 1), row(class1, 1)]))
    await as(cluster(), 'ho_zhang', async (c) => {
      const r = await c.query('SELECT DISTINCT branch_code FROM ho.cases ORDER BY 1')
      expect(r.rows.map((x) => x.branch_code)).toEqual(['BJ-02', 'SH01'])
      await c.query(
        "INSERT INTO ho.report_acks (branch_code, case_id, acked_by, comment) VALUES ('SH01', $1, '总部 张伟', '已阅，按规定处理')",
        [class2.id],
      )
      await expect(
        c.query("INSERT INTO ho.report_acks (branch_code, case_id, acked_by) VALUES ('SH01', $1, '张伟')", [class1.id]),
      ).rejects.toThrow(/Class 2/)
      await expect(c.query("UPDATE ho.cases SET department_name = 'x'")).rejects.toThrow(/permission denied/)
      await expect(pushCases(c, 'SH01', [row(class1, 50)])).rejects.toThrow(/permission denied/)
      await expect(c.query('DELETE FROM ho.report_acks')).rejects.toThrow(/permission denied/)
    })
    await as(cluster(), sh, async (c) => {
      const acks = await c.query('SELECT case_id, acked_by, comment, acked_role FROM ho.report_acks')
      expect(acks.rows).toEqual([
        { case_id: class2.id, acked_by: '总部 张伟', comment: '已阅，按规定处理', acked_role: 'ho_zhang' },
      ])
    })
    await as(cluster(), bj, async (c) => {
      expect((await c.query('SELECT * FROM ho.report_acks')).rowCount).toBe(0)
    })
  })

  it("head office's week is read from one index without visiting the table (migration 003)", async () => {
    const weekOf = (day: number) => new Date(Date.UTC(2026, 10, 16 + day, 3)).toISOString()
    const cases = Array.from({ length: 40 }, (_, i) =>
      makeCase({ branchCode: 'SH01', receivedAt: weekOf(i % 7), createdAt: weekOf(i % 7) }),
    )
    await as(cluster(), sh, (c) =>
      pushCases(
        c,
        'SH01',
        cases.map((x) => row(x, 1)),
      ),
    )
    // Once vacuumed (autovacuum does this in a running database), every page is known visible to all.
    await as(cluster(), OWNER, (c) => c.query('VACUUM ANALYZE ho.cases'))
    const plans = await as(cluster(), 'ho_zhang', async (c) => {
      // A handful of rows: the planner would rightly read the table; the question is what it can use.
      await c.query('SET enable_seqscan = off')
      await c.query('SET enable_bitmapscan = off')
      // weekFigures' own queries, explained instead of run.
      const seen: unknown[] = []
      const explaining = {
        query: async (sql: string, params: unknown[]) => {
          const r = await c.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`, params)
          seen.push(r.rows[0]['QUERY PLAN'][0].Plan)
          return { rows: [] }
        },
      } as unknown as pg.ClientBase
      await weekFigures(explaining, new Date(weekOf(0)), new Date(weekOf(7)))
      return seen
    })
    const scans = (plan: unknown): { type: string; index?: string; heapFetches?: number }[] => {
      const p = plan as { 'Node Type': string; 'Index Name'?: string; 'Heap Fetches'?: number; Plans?: unknown[] }
      const own = p['Node Type'].includes('Scan')
        ? [{ type: p['Node Type'], index: p['Index Name'], heapFetches: p['Heap Fetches'] }]
        : []
      return [...own, ...(p.Plans ?? []).flatMap(scans)]
    }
    expect(plans).toHaveLength(2) // the counts, and the open cases' deadline facts
    for (const plan of plans)
      expect(scans(plan)).toEqual([{ type: 'Index Only Scan', index: 'cases_week', heapFetches: 0 }])
  })

  it('bad input is refused by the database, not only by the app', async () => {
    const good = makeCase({ branchCode: 'SH01' })
    const refused = async (doc: unknown, version = 1, caseId = good.id) =>
      as(cluster(), sh, (c) =>
        c.query(`INSERT INTO ho.cases (branch_code, case_id, version, doc) VALUES ('SH01', $1, $2, $3::jsonb)`, [
          caseId,
          version,
          JSON.stringify(doc),
        ]),
      )
    await expect(refused({ ...good, caseClass: 3 })).rejects.toThrow(/check constraint/)
    await expect(refused(good, 0)).rejects.toThrow(/check constraint/)
    await expect(refused(good, -4)).rejects.toThrow(/check constraint/)
    await expect(refused({ ...good, status: 'lost' })).rejects.toThrow(/check constraint/)
    await expect(refused({ ...good, category: 'whatever' })).rejects.toThrow(/check constraint/)
    await expect(refused({ ...good, receivedAt: null })).rejects.toThrow(/null value|not-null/)
    await expect(refused({ ...good, receivedAt: '昨天下午' })).rejects.toThrow(/received_at/)
    // A time without its offset would depend on the server's time zone: refused too.
    await expect(refused({ ...good, receivedAt: '2026-11-22 10:00' })).rejects.toThrow(/received_at/)
    await expect(
      refused({ ...good, workflow: { ...good.workflow, closedAt: '2020-01-01T00:00:00.000Z' } }),
    ).rejects.toThrow(/closed_after_received/)
    await expect(refused({ ...good, number: '' })).rejects.toThrow(/check constraint/)
    await expect(refused({ ...good, id: 'other-id' })).rejects.toThrow(/doc_matches_row/)
    await expect(refused({ ...good, id: "x'; drop" }, 1, "x'; drop")).rejects.toThrow(/check constraint/)
    await expect(refused({ ...good, workflow: undefined })).rejects.toThrow(/urgent/)
    await expect(refused({ ...good, caseClass: '二类' })).rejects.toThrow(/invalid input syntax/)
    // The derived columns are the database's: a client cannot set them.
    await expect(
      as(cluster(), sh, (c) =>
        c.query(`INSERT INTO ho.cases (branch_code, case_id, version, doc, class) VALUES ('SH01', $1, 1, $2, 1)`, [
          good.id,
          JSON.stringify(good),
        ]),
      ),
    ).rejects.toThrow(/non-DEFAULT value into column "class"/)
    await expect(refused([good])).rejects.toThrow(/check constraint|doc_matches_row|null value/)
    // A branch code that breaks the format never becomes a branch.
    await expect(createBranch(cluster(), "x'y", '')).rejects.toThrow(/branch code/)
    await expect(createBranch(cluster(), 'SH01', '')).rejects.toThrow(/already exists|duplicate/)
  })
})
