import type { ClientBase } from 'pg'
import type { Case } from '@shared/schemas/case'

/** One case as a branch pushes it: the database derives every other column from `doc`. */
export interface CaseRow {
  caseId: string
  version: number
  doc: Case
  departmentName: string
}

/**
 * Pushes a batch of one branch's cases in one statement (so one transaction): a multi-row
 * upsert keyed by branch + case that takes a row only when its version is newer than the one
 * head office holds. Pushing the same batch again, or an older one, changes nothing; a batch
 * the database refuses (RLS, a constraint) changes nothing either. Returns how many rows were
 * inserted or updated. A case may appear only once per batch (the worker coalesces).
 */
export async function pushCases(client: ClientBase, branchCode: string, rows: readonly CaseRow[]): Promise<number> {
  if (rows.length === 0) return 0
  return (await client.query(upsertStatement(branchCode, rows))).rowCount ?? 0
}

/** The upsert for pushCases: one VALUES row per case, each document its own parameter (parsed once, as jsonb). */
export function upsertStatement(branchCode: string, rows: readonly CaseRow[]): { text: string; values: unknown[] } {
  if (rows.length === 0) return { text: 'SELECT 0', values: [] }
  const values: unknown[] = []
  const tuples = rows.map((r) => {
    const n = values.push(branchCode, r.caseId, r.version, JSON.stringify(r.doc), r.departmentName)
    return `($${n - 4}, $${n - 3}, $${n - 2}::bigint, $${n - 1}::jsonb, $${n})`
  })
  return {
    text: `INSERT INTO ho.cases AS c (branch_code, case_id, version, doc, department_name)
     VALUES ${tuples.join(', ')}
     ON CONFLICT (branch_code, case_id) DO UPDATE
       SET version = EXCLUDED.version, doc = EXCLUDED.doc, department_name = EXCLUDED.department_name,
           pushed_at = now()
       WHERE c.version < EXCLUDED.version`,
    values,
  }
}

/** Head office's 签收 of a Class 2 report, as a branch reads it back. */
export interface ReportAck {
  caseId: string
  ackedAt: string
  ackedBy: string
  comment: string
}

/** The acks of this branch's reports signed after `since` (RLS shows a branch only its own). */
export async function acksSince(client: ClientBase, since: string | null): Promise<ReportAck[]> {
  const r = await client.query<{ case_id: string; acked_at: Date; acked_by: string; comment: string }>(
    `SELECT case_id, acked_at, acked_by, comment FROM ho.report_acks
      WHERE $1::timestamptz IS NULL OR acked_at > $1::timestamptz ORDER BY acked_at`,
    [since],
  )
  return r.rows.map((row) => ({
    caseId: row.case_id,
    ackedAt: row.acked_at.toISOString(),
    ackedBy: row.acked_by,
    comment: row.comment,
  }))
}
