import { createHash } from 'node:crypto'
import type { ClientBase } from 'pg'
import init from './migrations/001_init.sql?raw'
import headquarters from './migrations/002_headquarters.sql?raw'
import weekIndex from './migrations/003_week_index.sql?raw'

/** The migrations, in order: files under migrations/, frozen once released (a change is a new file). */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  { version: 1, name: '001_init.sql', sql: init },
  { version: 2, name: '002_headquarters.sql', sql: headquarters },
  { version: 3, name: '003_week_index.sql', sql: weekIndex },
]

/** Any number: one migrate at a time per database (a session advisory lock). */
const LOCK_KEY = 7_231_016

export interface MigrateResult {
  applied: string[]
  current: number
}

/**
 * Brings head office's schema up to date (run by the schema owner, `npm run headoffice --
 * migrate`): each migration not yet in ho.schema_migrations runs in its own transaction
 * together with its row there, so a failed one leaves nothing half done. A migration that was
 * applied with other text (an edited file) stops everything.
 */
export async function migrate(client: ClientBase): Promise<MigrateResult> {
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY])
  try {
    await client.query('CREATE SCHEMA IF NOT EXISTS ho')
    await client.query(`CREATE TABLE IF NOT EXISTS ho.schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      sha256 text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const done = await client.query<{ version: number; name: string; sha256: string }>(
      'SELECT version, name, sha256 FROM ho.schema_migrations ORDER BY version',
    )
    const known = new Map(done.rows.map((r) => [r.version, r]))
    const newest = Math.max(0, ...known.keys())
    if (newest > MIGRATIONS.length)
      throw new Error(`the database is at migration ${newest}, newer than this app (${MIGRATIONS.length})`)
    const applied: string[] = []
    for (const m of MIGRATIONS) {
      const sha = createHash('sha256').update(m.sql).digest('hex')
      const row = known.get(m.version)
      if (row) {
        if (row.sha256 !== sha)
          throw new Error(`migration ${m.name} was applied with other text (edited after release?)`)
        continue
      }
      await client.query('BEGIN')
      try {
        await client.query(m.sql)
        await client.query('INSERT INTO ho.schema_migrations (version, name, sha256) VALUES ($1, $2, $3)', [
          m.version,
          m.name,
          sha,
        ])
        await client.query('COMMIT')
      } catch (err) {
        await client.query('ROLLBACK')
        throw new Error(`migration ${m.name} failed: ${(err as Error).message}`, { cause: err })
      }
      applied.push(m.name)
    }
    return { applied, current: MIGRATIONS.length }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY])
  }
}

/** Creates a branch's login role (schema owner only); returns the role's name. */
export async function createBranchRole(
  client: ClientBase,
  code: string,
  name: string,
  password: string,
): Promise<string> {
  const r = await client.query<{ role: string }>('SELECT ho.create_branch_role($1, $2, $3) AS role', [
    code,
    name,
    password,
  ])
  return r.rows[0].role
}

/** Creates a head office login role (schema owner only). */
export async function createHeadOfficeRole(client: ClientBase, login: string, password: string): Promise<string> {
  const r = await client.query<{ role: string }>('SELECT ho.create_headoffice_role($1, $2) AS role', [login, password])
  return r.rows[0].role
}
