import type { ClientBase } from 'pg'

/** One row of the weekly tracking report: a branch's department over the period. */
export interface WeeklyRow {
  branchCode: string
  departmentId: string
  departmentName: string
  total: number
  class2: number
  urgent: number
  open: number
  closed: number
  voided: number
}

/**
 * The weekly tracking report across branches (head office): cases received in [from, to) per
 * branch and department. Served by the received_at index; runs as a head office role.
 */
export async function weeklyByBranch(client: ClientBase, from: Date, to: Date): Promise<WeeklyRow[]> {
  const r = await client.query(
    `SELECT branch_code, department_id, max(department_name) AS department_name, count(*)::int AS total,
            count(*) FILTER (WHERE class = 2)::int AS class2,
            count(*) FILTER (WHERE urgent)::int AS urgent,
            count(*) FILTER (WHERE status NOT IN ('closed', 'voided'))::int AS open,
            count(*) FILTER (WHERE status = 'closed')::int AS closed,
            count(*) FILTER (WHERE status = 'voided')::int AS voided
       FROM ho.cases
      WHERE received_at >= $1 AND received_at < $2
      GROUP BY branch_code, department_id
      ORDER BY branch_code, department_id`,
    [from, to],
  )
  return r.rows.map((x) => ({
    branchCode: x.branch_code,
    departmentId: x.department_id,
    departmentName: x.department_name,
    total: x.total,
    class2: x.class2,
    urgent: x.urgent,
    open: x.open,
    closed: x.closed,
    voided: x.voided,
  }))
}

/** A case in head office's lists. */
export interface CaseListRow {
  branchCode: string
  caseId: string
  caseNo: string
  class: number
  status: string
  category: string
  departmentName: string
  receivedAt: Date
  urgent: boolean
}

export interface CaseFilter {
  branchCode?: string
  category?: string
  status?: string
  class?: 1 | 2
  from?: Date
  to?: Date
  /** Text anywhere in the number, customer, product, receipt, staff or description (pg_trgm). */
  q?: string
  limit?: number
  offset?: number
}

const LIST_COLUMNS = `branch_code, case_id, case_no, class, status, category, department_name, received_at, urgent`

/** Head office's case list and search across branches: newest first, one page. */
export async function listCases(client: ClientBase, f: CaseFilter): Promise<CaseListRow[]> {
  const where: string[] = []
  const params: unknown[] = []
  const add = (sql: string, value: unknown) => {
    params.push(value)
    where.push(sql.replace('?', `$${params.length}`))
  }
  if (f.branchCode) add('branch_code = ?', f.branchCode)
  if (f.category) add('category = ?', f.category)
  if (f.status) add('status = ?', f.status)
  if (f.class) add('class = ?', f.class)
  if (f.from) add('received_at >= ?', f.from)
  if (f.to) add('received_at < ?', f.to)
  if (f.q?.trim()) add(`search_text ILIKE ? ESCAPE '\\'`, `%${f.q.trim().replace(/[\\%_]/g, '\\$&')}%`)
  params.push(Math.min(f.limit ?? 50, 500), f.offset ?? 0)
  const r = await client.query(
    `SELECT ${LIST_COLUMNS} FROM ho.cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY received_at DESC, branch_code, case_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  )
  return r.rows.map((x) => ({
    branchCode: x.branch_code,
    caseId: x.case_id,
    caseNo: x.case_no,
    class: x.class,
    status: x.status,
    category: x.category,
    departmentName: x.department_name,
    receivedAt: x.received_at,
    urgent: x.urgent,
  }))
}
