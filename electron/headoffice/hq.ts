// Head office mode's reads (and its one write, 签收) on PostgreSQL, as a head office role:
// docs/architecture.md, "Head office mode". Everything here runs under row-level security as
// a member of complaint_headoffice, which may read every branch and insert only into
// ho.report_acks — head office never edits a branch's case, and the database says so too.
import pg from 'pg'
import type { ClientBase } from 'pg'
import type { DeadlineFacts } from '@shared/rules/deadlines'
import type {
  HqListFilter,
  HqListPage,
  HqListRow,
  HqCaseRecord,
  HqBranch,
  HqCursor,
  HqInboxFilter,
  HqReportRow,
  HqWeekRow,
} from '@shared/schemas/headquarters'
import type { HeadOfficeAck } from '@shared/schemas/workflow'
import { CASE_STATUSES, CATEGORIES, type CaseStatus, type Category } from '@shared/values/options'
import { clientConfig, type HeadOfficeConnection } from './config'

/**
 * How many of the newest cases (those matching the other filters) a text search reads in date
 * order before it turns to the trigram index. A common word fills a page within the first few
 * hundred; a rare one is looked up by the index, whose cost is then bounded by its rarity: fewer
 * than a page in RECENT_SCAN cases means under ~0.5 % of them (≤ ~5,000 rows in a million).
 */
export const RECENT_SCAN = 10_000

/** A text the trigram index can serve: a run of 3+ letters, digits or CJK characters. */
export function trigramSearchable(q: string): boolean {
  return /[\p{L}\p{N}]{3,}/u.test(q)
}

/** The text as ho.cases.search_key holds it (NFKC, lower case), as a LIKE pattern. */
const likePattern = (q: string) =>
  `%${q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\\%_]/g, '\\$&')}%`

/** The columns a list row shows (doc read only for the rows of the page). */
const ROW = `c.branch_code, c.case_id, c.case_no, c.class, c.status, c.category, c.department_name,
  coalesce(c.doc->>'customerName', '') AS customer_name, coalesce(c.doc->>'product', '') AS product,
  c.received_at, c.urgent`
/** Newest first; ties by branch and id (the cursor's order). */
const ORDER = 'ORDER BY c.received_at DESC, c.branch_code DESC, c.case_id DESC'

interface RawRow {
  branch_code: string
  case_id: string
  case_no: string
  class: 1 | 2
  status: CaseStatus
  category: Category
  department_name: string
  customer_name: string
  product: string
  received_at: Date
  urgent: boolean
}

const toRow = (x: RawRow): HqListRow => ({
  branchCode: x.branch_code,
  caseId: x.case_id,
  caseNo: x.case_no,
  caseClass: x.class,
  status: x.status,
  category: x.category,
  departmentName: x.department_name,
  customerName: x.customer_name,
  product: x.product,
  receivedAt: x.received_at.toISOString(),
  urgent: x.urgent,
})

const cursorOf = (r: { branchCode: string; caseId: string; receivedAt: string }): HqCursor => ({
  receivedAt: r.receivedAt,
  branchCode: r.branchCode,
  caseId: r.caseId,
})

/** The WHERE of the filters other than the text, with its parameters numbered from `params`. */
function filters(f: HqListFilter, params: unknown[], after: HqCursor | undefined): string[] {
  const where: string[] = []
  const add = (sql: string, ...values: unknown[]) => {
    let text = sql
    for (const value of values) {
      params.push(value)
      text = text.replace('?', `$${params.length}`)
    }
    where.push(text)
  }
  if (f.branchCode) add('c.branch_code = ?', f.branchCode)
  if (f.category) add('c.category = ?', f.category)
  if (f.status) add('c.status = ?', f.status)
  if (f.caseClass) add('c.class = ?', f.caseClass)
  if (f.from) add('c.received_at >= ?', f.from)
  if (f.to) add('c.received_at < ?', f.to)
  if (after) {
    // The plain bound lets the planner use the date index; the row comparison breaks ties.
    add('c.received_at <= ?', after.receivedAt)
    add(
      '(c.received_at, c.branch_code, c.case_id) < (?::timestamptz, ?, ?)',
      after.receivedAt,
      after.branchCode,
      after.caseId,
    )
  }
  return where
}

const whereOf = (where: string[]) => (where.length ? `WHERE ${where.join(' AND ')}` : '')

/**
 * Head office's case list and search across branches, newest first, a page after `f.after`.
 *
 * Without text: one index-ordered query. With text the planner cannot know how common a word
 * is (it guesses 100 rows for any ILIKE), so the query shape decides instead, in two steps:
 * 1. the newest RECENT_SCAN cases (other filters applied, date index order) are read and
 *    matched, stopping as soon as the page is full — a common word ends here in a few ms;
 * 2. only if the page is not full, the trigram GIN index (search_key) finds the matches older than those
 *    (a MATERIALIZED CTE: the match set first, then its newest) — a rare word, so few rows.
 * A text with no run of 3 characters has no trigrams (pg_trgm would read the whole index), so
 * it stops after step 1 and says how far it read (`partial`); its `next` goes on from there.
 */
export async function listCases(client: ClientBase, f: HqListFilter, recentScan = RECENT_SCAN): Promise<HqListPage> {
  const q = f.q?.trim() ?? ''
  const want = f.limit + 1
  if (!q) {
    const params: unknown[] = []
    const where = filters(f, params, f.after)
    params.push(want)
    const r = await client.query<RawRow>(
      `SELECT ${ROW} FROM ho.cases c ${whereOf(where)} ${ORDER} LIMIT $${params.length}`,
      params,
    )
    return page(r.rows.map(toRow), f.limit, null, null)
  }

  // Step 1: the newest cases in date order, matched as they come; the RECENT_SCAN-th is the edge.
  const params: unknown[] = []
  const where = filters(f, params, f.after)
  params.push(likePattern(q))
  const qParam = `$${params.length}`
  params.push(recentScan)
  const kParam = `$${params.length}`
  params.push(want + 1)
  // Only keys and the search text go through the window (the documents stay on disk); the page's
  // rows are read by key, in a LATERAL join that keeps the date order.
  const r1 = await client.query<RawRow & { hit: boolean; rn: string }>(
    `SELECT x.*, r.hit, r.rn
       FROM (SELECT k.branch_code, k.case_id, k.received_at, k.search_key LIKE ${qParam} AS hit,
                    row_number() OVER (ORDER BY k.received_at DESC, k.branch_code DESC, k.case_id DESC) AS rn
               FROM (SELECT c.branch_code, c.case_id, c.received_at, c.search_key FROM ho.cases c
                      ${whereOf(where)} ${ORDER} LIMIT ${kParam}) k) r
       CROSS JOIN LATERAL (SELECT ${ROW} FROM ho.cases c
                            WHERE c.branch_code = r.branch_code AND c.case_id = r.case_id) x
      WHERE r.hit OR r.rn = ${kParam}
      ORDER BY r.received_at DESC, r.branch_code DESC, r.case_id DESC
      LIMIT $${params.length}`,
    params,
  )
  const hits = r1.rows.filter((x) => x.hit).map(toRow)
  const edgeRow = r1.rows.find((x) => Number(x.rn) === recentScan)
  if (hits.length >= want || !edgeRow) return page(hits, f.limit, null, null)
  const edge = toRow(edgeRow)
  if (!trigramSearchable(q))
    return {
      rows: hits,
      next: cursorOf(edge),
      partial: { scanned: recentScan, since: edge.receivedAt },
    }

  // Step 2: the trigram index for the matches older than the edge; the page's rows read after.
  const params2: unknown[] = []
  const where2 = filters(f, params2, cursorOf(edge))
  params2.push(likePattern(q))
  where2.push(`c.search_key LIKE $${params2.length}`)
  params2.push(want - hits.length)
  const r2 = await client.query<RawRow>(
    `WITH m AS MATERIALIZED (SELECT c.branch_code, c.case_id, c.received_at FROM ho.cases c ${whereOf(where2)})
     SELECT ${ROW}
       FROM (SELECT * FROM m ORDER BY m.received_at DESC, m.branch_code DESC, m.case_id DESC
              LIMIT $${params2.length}) p
       JOIN ho.cases c ON c.branch_code = p.branch_code AND c.case_id = p.case_id
      ${ORDER}`,
    params2,
  )
  return page([...hits, ...r2.rows.map(toRow)], f.limit, null, null)
}

function page(rows: HqListRow[], limit: number, next: HqCursor | null, partial: HqListPage['partial']): HqListPage {
  if (rows.length > limit) return { rows: rows.slice(0, limit), next: cursorOf(rows[limit - 1]), partial }
  return { rows, next, partial }
}

/** Every branch head office knows, by code. */
export async function listBranches(client: ClientBase): Promise<HqBranch[]> {
  const r = await client.query<{ code: string; name: string }>('SELECT code, name FROM ho.branches ORDER BY code')
  return r.rows
}

/** One case as the branch last pushed it, with head office's 签收 if any. */
export async function readCase(client: ClientBase, branchCode: string, caseId: string): Promise<HqCaseRecord | null> {
  const r = await client.query<{
    doc: unknown
    version: string
    pushed_at: Date
    department_name: string
    acked_at: Date | null
    acked_by: string | null
    comment: string | null
  }>(
    `SELECT c.doc, c.version, c.pushed_at, c.department_name, a.acked_at, a.acked_by, a.comment
       FROM ho.cases c LEFT JOIN ho.report_acks a ON a.branch_code = c.branch_code AND a.case_id = c.case_id
      WHERE c.branch_code = $1 AND c.case_id = $2`,
    [branchCode, caseId],
  )
  const x = r.rows[0]
  if (!x) return null
  return {
    doc: x.doc,
    version: Number(x.version),
    pushedAt: x.pushed_at.toISOString(),
    departmentName: x.department_name,
    ack: x.acked_at ? { at: x.acked_at.toISOString(), by: x.acked_by ?? '', comment: x.comment ?? '' } : null,
  }
}

/** A branch's case documents received in [from, to) (its weekly tracking is counted from them). */
export async function branchDocs(
  client: ClientBase,
  branchCode: string,
  from: Date,
  to: Date,
): Promise<{ doc: unknown; departmentName: string }[]> {
  const r = await client.query<{ doc: unknown; department_name: string }>(
    `SELECT doc, department_name FROM ho.cases
      WHERE branch_code = $1 AND received_at >= $2 AND received_at < $3 ORDER BY received_at`,
    [branchCode, from, to],
  )
  return r.rows.map((x) => ({ doc: x.doc, departmentName: x.department_name }))
}

export type WeekCounts = Omit<HqWeekRow, 'branchName' | 'open' | 'overdue'>

/**
 * Every branch's counts for cases received in [from, to), and the deadline facts of those still
 * open (the overdue count is the deadline rule's, run by the caller on them: closed and voided
 * cases are never overdue, so they are not read).
 */
export async function weekFigures(
  client: ClientBase,
  from: Date,
  to: Date,
): Promise<{ counts: WeekCounts[]; live: { branchCode: string; facts: DeadlineFacts }[] }> {
  const q = (s: string) => `'${s}'`
  const counts = await client.query(
    `SELECT branch_code, count(*)::int AS total,
            count(*) FILTER (WHERE class = 1)::int AS class1, count(*) FILTER (WHERE class = 2)::int AS class2,
            count(*) FILTER (WHERE urgent)::int AS urgent,
            ${CASE_STATUSES.map((s, i) => `count(*) FILTER (WHERE status = ${q(s)})::int AS s${i}`).join(', ')},
            ${CATEGORIES.map((s, i) => `count(*) FILTER (WHERE category = ${q(s)})::int AS k${i}`).join(', ')}
       FROM ho.cases WHERE received_at >= $1 AND received_at < $2
      GROUP BY branch_code ORDER BY branch_code`,
    [from, to],
  )
  // received_at as the ISO text the rule reads: parsing tens of thousands of timestamps into
  // Dates, only to write them out again, was a third of this query's time in Node.
  const live = await client.query<{
    branch_code: string
    class: 1 | 2
    status: CaseStatus
    received_at: string
    deadline_facts: Omit<DeadlineFacts, 'status' | 'caseClass' | 'receivedAt'>
  }>(
    `SELECT branch_code, class, status, deadline_facts,
            to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS received_at
       FROM ho.cases WHERE received_at >= $1 AND received_at < $2 AND status NOT IN ('closed', 'voided')`,
    [from, to],
  )
  return {
    counts: counts.rows.map((x: Record<string, number | string>) => ({
      branchCode: String(x.branch_code),
      total: Number(x.total),
      class1: Number(x.class1),
      class2: Number(x.class2),
      urgent: Number(x.urgent),
      byStatus: Object.fromEntries(CASE_STATUSES.map((s, i) => [s, Number(x[`s${i}`])])) as Record<CaseStatus, number>,
      byCategory: Object.fromEntries(CATEGORIES.map((s, i) => [s, Number(x[`k${i}`])])) as Record<Category, number>,
    })),
    live: live.rows.map((x) => ({
      branchCode: x.branch_code,
      facts: { ...x.deadline_facts, status: x.status, caseClass: x.class, receivedAt: x.received_at },
    })),
  }
}

export type ReportRow = Omit<HqReportRow, 'branchName'>

/** The Class 2 written reports head office has: unsigned first, then the newest report. */
export async function reportsInbox(
  client: ClientBase,
  f: HqInboxFilter,
): Promise<{ rows: ReportRow[]; unsigned: number; hasMore: boolean }> {
  const where = ['c.class = 2', 'c.report_generated_at IS NOT NULL']
  const params: unknown[] = []
  if (f.branchCode) {
    params.push(f.branchCode)
    where.push(`c.branch_code = $${params.length}`)
  }
  const base = where.join(' AND ')
  const state =
    f.state === 'unsigned' ? 'AND a.case_id IS NULL' : f.state === 'signed' ? 'AND a.case_id IS NOT NULL' : ''
  const r = await client.query(
    `SELECT c.branch_code, c.case_id, c.case_no, c.status, c.category, c.department_name, c.received_at,
            c.report_generated_at, left(coalesce(c.doc->>'description', ''), 80) AS summary,
            a.acked_at, a.acked_by, a.comment
       FROM ho.cases c LEFT JOIN ho.report_acks a ON a.branch_code = c.branch_code AND a.case_id = c.case_id
      WHERE ${base} ${state}
      ORDER BY (a.case_id IS NOT NULL), c.report_generated_at DESC, c.branch_code, c.case_id
      LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit + 1, f.offset],
  )
  const unsigned = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ho.cases c
      WHERE ${base} AND NOT EXISTS (SELECT 1 FROM ho.report_acks a WHERE a.branch_code = c.branch_code AND a.case_id = c.case_id)`,
    params,
  )
  const rows = r.rows.slice(0, f.limit).map((x) => ({
    branchCode: x.branch_code,
    caseId: x.case_id,
    caseNo: x.case_no,
    status: x.status,
    category: x.category,
    departmentName: x.department_name,
    receivedAt: x.received_at.toISOString(),
    reportAt: x.report_generated_at.toISOString(),
    summary: x.summary,
    ack: x.acked_at ? { at: x.acked_at.toISOString(), by: x.acked_by, comment: x.comment } : null,
  }))
  return { rows, unsigned: unsigned.rows[0].n, hasMore: r.rows.length > f.limit }
}

export type SignOutcome =
  { ok: true; ack: HeadOfficeAck } | { ok: false; reason: 'not_found' | 'not_class2' | 'no_report' | 'already_signed' }

/**
 * 签收 of a Class 2 written report: one row in ho.report_acks (the only table head office may
 * write). The branch pulls it after its next push and shows it on the case.
 */
export async function signReport(
  client: ClientBase,
  ref: { branchCode: string; caseId: string },
  by: string,
  comment: string,
): Promise<SignOutcome> {
  const r = await client.query<{ acked_at: Date; acked_by: string; comment: string }>(
    `INSERT INTO ho.report_acks (branch_code, case_id, acked_by, comment)
     SELECT branch_code, case_id, $3, $4 FROM ho.cases
      WHERE branch_code = $1 AND case_id = $2 AND class = 2 AND report_generated_at IS NOT NULL
     ON CONFLICT (branch_code, case_id) DO NOTHING
     RETURNING acked_at, acked_by, comment`,
    [ref.branchCode, ref.caseId, by, comment],
  )
  const x = r.rows[0]
  if (x) return { ok: true, ack: { at: x.acked_at.toISOString(), by: x.acked_by, comment: x.comment } }
  const why = await client.query<{ class: number; report: boolean; signed: boolean }>(
    `SELECT c.class, c.report_generated_at IS NOT NULL AS report,
            EXISTS (SELECT 1 FROM ho.report_acks a WHERE a.branch_code = c.branch_code AND a.case_id = c.case_id) AS signed
       FROM ho.cases c WHERE c.branch_code = $1 AND c.case_id = $2`,
    [ref.branchCode, ref.caseId],
  )
  const c = why.rows[0]
  if (!c) return { ok: false, reason: 'not_found' }
  if (c.signed) return { ok: false, reason: 'already_signed' }
  return { ok: false, reason: c.class !== 2 ? 'not_class2' : 'no_report' }
}

/** What pattern detection reads of the cases received in (from, to], voided ones left out. */
export async function patternCases(
  client: ClientBase,
  from: Date,
  to: Date,
): Promise<
  {
    branchCode: string
    caseId: string
    caseNo: string
    category: Category
    receivedAt: string
    product: string
    description: string
  }[]
> {
  const r = await client.query(
    `SELECT branch_code, case_id, case_no, category, received_at,
            coalesce(doc->>'product', '') AS product, left(coalesce(doc->>'description', ''), 1000) AS description
       FROM ho.cases WHERE received_at > $1 AND received_at <= $2 AND status <> 'voided'`,
    [from, to],
  )
  return r.rows.map((x) => ({
    branchCode: x.branch_code,
    caseId: x.case_id,
    caseNo: x.case_no,
    category: x.category,
    receivedAt: x.received_at.toISOString(),
    product: x.product,
    description: x.description,
  }))
}

/** Whether the connected login is a head office role (member of complaint_headoffice). */
export async function isHeadOfficeRole(client: ClientBase): Promise<boolean> {
  const r = await client.query<{ hq: boolean }>(
    `SELECT pg_has_role(current_user, 'complaint_headoffice', 'MEMBER') AS hq`,
  )
  return r.rows[0].hq
}

/** A small pool of connections as the head office login (a few screens read at once). */
export function headOfficePool(c: HeadOfficeConnection): pg.Pool {
  const pool = new pg.Pool({ ...clientConfig(c), max: 3, idleTimeoutMillis: 60_000 })
  // A connection that drops while idle is replaced at the next query; it must not crash main.
  pool.on('error', () => {})
  return pool
}
