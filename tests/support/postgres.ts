// A throwaway PostgreSQL cluster for tests and the bench (README, "Head office"): initdb in a
// temp folder, a free port on 127.0.0.1, the unix socket in the temp folder, torn down after.
// As root the server runs as the `postgres` user (it refuses root); otherwise as the caller.
// With no PostgreSQL binaries the tests are skipped with a note — except in CI, where that fails.
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll } from 'vitest'

/** The folder holding initdb and pg_ctl: $PG_BIN, `pg_config --bindir`, or the newest /usr/lib/postgresql/N/bin. */
export function findPostgresBin(): string | null {
  const candidates: string[] = []
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN)
  try {
    candidates.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: 'pipe' }).trim())
  } catch {
    // no pg_config on the PATH
  }
  const root = '/usr/lib/postgresql'
  if (existsSync(root))
    for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a))) candidates.push(join(root, v, 'bin'))
  return candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) ?? null
}

export const PG_BIN = findPostgresBin()
const inCi = Boolean(process.env.CI)
if (!PG_BIN && inCi) throw new Error('PostgreSQL is required in CI (apt-get install -y postgresql): initdb not found')
/** True when the PostgreSQL tests cannot run here (no binaries, not in CI): they are skipped with a note. */
export const NO_POSTGRES = PG_BIN === null
if (NO_POSTGRES)
  console.warn(
    'PostgreSQL tests skipped: no initdb/pg_ctl found (Debian/Ubuntu: sudo apt-get install -y postgresql; or set PG_BIN)',
  )

const asRoot = process.getuid?.() === 0

/** Runs a PostgreSQL program as the user the server runs as. */
function pgRun(program: string, args: string[]): void {
  const bin = join(PG_BIN!, program)
  const r = asRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
    : spawnSync(bin, args, { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${program} failed (${r.status}): ${r.stderr || r.stdout}`)
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export const DATABASE = 'complaint'
export const OWNER = 'ho_owner'
export const PASSWORD = 'test-password-123'

export interface PgCluster {
  dir: string
  port: number
  /** A postgres:// URL for `user` (every test role has PASSWORD). */
  url(user: string, database?: string): string
  /** A connected client as `user` (closed by the caller). */
  connect(user: string, database?: string): Promise<pg.Client>
  /** Stops the server (`immediate`: as if it crashed) and starts it again on the same port. */
  stop(mode?: 'fast' | 'immediate'): void
  start(): void
  destroy(): void
}

export interface ClusterOptions {
  /** Server settings (-c name=value); tests turn fsync off, the bench keeps the defaults. */
  settings?: Record<string, string>
  /**
   * Migrates the database as its owner (a postgres:// URL): by default electron/headoffice's
   * migrate, loaded only then (it imports the SQL through Vite; Playwright runs the built CLI).
   */
  migrateWith?: (ownerUrl: string) => Promise<void>
}

/**
 * Starts a cluster with a superuser `app` (used only to set up), a database `complaint` owned
 * by `ho_owner` (CREATEROLE, not a superuser) and head office's schema migrated by that owner.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  if (!PG_BIN) throw new Error('no PostgreSQL binaries')
  const dir = mkdtempSync(join(tmpdir(), 'complaint-desk-pg-'))
  if (asRoot) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), -1)
  chmodSync(dir, 0o700)
  const pwfile = join(dir, 'pw')
  writeFileSync(pwfile, `${PASSWORD}\n`)
  if (asRoot) chownSync(pwfile, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), -1)
  pgRun('initdb', [
    '-D',
    join(dir, 'db'),
    '-U',
    'app',
    `--pwfile=${pwfile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ])
  const port = await freePort()
  const settings = { listen_addresses: '127.0.0.1', unix_socket_directories: dir, ...options.settings }
  const serverOptions = [`-p ${port}`, ...Object.entries(settings).map(([k, v]) => `-c ${k}=${v}`)].join(' ')
  const start = () =>
    pgRun('pg_ctl', ['-D', join(dir, 'db'), '-l', join(dir, 'log'), '-o', serverOptions, '-w', '-t', '60', 'start'])
  const stop = (mode: 'fast' | 'immediate' = 'fast') =>
    pgRun('pg_ctl', ['-D', join(dir, 'db'), '-m', mode, '-w', '-t', '60', 'stop'])
  start()
  const url = (user: string, database = DATABASE) =>
    `postgres://${encodeURIComponent(user)}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`
  const connect = async (user: string, database = DATABASE) => {
    const client = new pg.Client({ connectionString: url(user, database) })
    await client.connect()
    return client
  }
  const cluster: PgCluster = {
    dir,
    port,
    url,
    connect,
    stop,
    start,
    destroy: () => {
      try {
        stop('immediate')
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
  try {
    const admin = await connect('app', 'postgres')
    await admin.query(`CREATE ROLE ${OWNER} LOGIN CREATEROLE PASSWORD '${PASSWORD}'`)
    await admin.query(`CREATE DATABASE ${DATABASE} OWNER ${OWNER}`)
    await admin.end()
    if (options.migrateWith) await options.migrateWith(url(OWNER))
    else {
      const { migrate } = await import('../../electron/headoffice/migrate')
      const owner = await connect(OWNER)
      await migrate(owner)
      await owner.end()
    }
  } catch (err) {
    cluster.destroy()
    throw err
  }
  return cluster
}

/** One cluster for a test file: started in beforeAll, destroyed in afterAll. */
export function usePostgres(options: ClusterOptions = { settings: { fsync: 'off' } }): () => PgCluster {
  let cluster: PgCluster | null = null
  beforeAll(async () => {
    if (!NO_POSTGRES) cluster = await startCluster(options)
  }, 120_000)
  afterAll(() => cluster?.destroy())
  return () => {
    if (!cluster) throw new Error('no cluster (PostgreSQL not found)')
    return cluster
  }
}

/** The link a manager saves under 设置 to reach this cluster as `user` (plain TCP on 127.0.0.1). */
export function linkTo(cluster: PgCluster, user: string) {
  return {
    enabled: true,
    host: '127.0.0.1',
    port: cluster.port,
    database: DATABASE,
    user,
    ssl: 'disable' as const,
    caFile: '',
    password: PASSWORD,
  }
}

/** Creates a branch's role as the schema owner; its login is `branch_<code>` with PASSWORD. */
export async function createBranch(cluster: PgCluster, code: string, name = ''): Promise<string> {
  const owner = await cluster.connect(OWNER)
  try {
    const r = await owner.query<{ role: string }>('SELECT ho.create_branch_role($1, $2, $3) AS role', [
      code,
      name,
      PASSWORD,
    ])
    return r.rows[0].role
  } finally {
    await owner.end()
  }
}

/** Creates a head office login as the schema owner. */
export async function createHeadOffice(cluster: PgCluster, login: string): Promise<string> {
  const owner = await cluster.connect(OWNER)
  try {
    await owner.query('SELECT ho.create_headoffice_role($1, $2)', [login, PASSWORD])
    return login
  } finally {
    await owner.end()
  }
}
