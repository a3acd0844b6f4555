import { readFileSync } from 'node:fs'
import type { ClientConfig } from 'pg'

/** How the connection to head office's PostgreSQL is secured (libpq's sslmode names). */
export const SSL_MODES = ['disable', 'require', 'verify-full'] as const
export type SslMode = (typeof SSL_MODES)[number]

/** A connection to head office as the settings hold it (the password decrypted by the caller). */
export interface HeadOfficeConnection {
  host: string
  port: number
  database: string
  user: string
  password: string
  ssl: SslMode
  /** PEM file of the CA that signed the server's certificate (verify-full). */
  caFile?: string
  /** Give up connecting after this long (the desk never waits on it; the worker retries). */
  connectTimeoutMs?: number
}

/**
 * The node-postgres client config for a connection:
 * - `disable`: plain TCP (a LAN or a VPN that is encrypted already);
 * - `require`: TLS, the server's certificate not checked (encrypts, does not authenticate);
 * - `verify-full`: TLS, the certificate must chain to `caFile` (or the system CAs) and name the host.
 */
export function clientConfig(c: HeadOfficeConnection, readCa: (file: string) => string = readCaFile): ClientConfig {
  const base: ClientConfig = {
    host: c.host,
    port: c.port,
    database: c.database,
    user: c.user,
    password: c.password,
    connectionTimeoutMillis: c.connectTimeoutMs ?? 10_000,
    // A half-open line (Wi-Fi gone) must not hang a push for ever.
    keepAlive: true,
    query_timeout: 120_000,
    application_name: 'complaint-desk',
  }
  switch (c.ssl) {
    case 'disable':
      return { ...base, ssl: false }
    case 'require':
      return { ...base, ssl: { rejectUnauthorized: false } }
    case 'verify-full':
      return {
        ...base,
        ssl: { rejectUnauthorized: true, servername: c.host, ...(c.caFile ? { ca: readCa(c.caFile) } : {}) },
      }
  }
}

function readCaFile(file: string): string {
  return readFileSync(file, 'utf8')
}

/**
 * A connection from a postgres:// URL (the migrate command; tests). `sslmode` and `sslrootcert`
 * in the query string map onto `ssl` and `caFile`; libpq's `prefer`/`allow` are refused
 * (they fall back to plain text silently), `verify-ca` is taken as verify-full.
 */
export function connectionFromUrl(url: string): HeadOfficeConnection {
  const u = new URL(url)
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:')
    throw new Error(`not a postgres:// URL: ${u.protocol}`)
  const mode = u.searchParams.get('sslmode') ?? 'disable'
  const ssl: SslMode =
    mode === 'verify-ca'
      ? 'verify-full'
      : (SSL_MODES as readonly string[]).includes(mode)
        ? (mode as SslMode)
        : bad(mode)
  const host = decodeURIComponent(u.hostname || u.searchParams.get('host') || 'localhost')
  return {
    host: host.startsWith('[') ? host.slice(1, -1) : host,
    port: Number(u.port || u.searchParams.get('port') || 5432),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    ssl,
    ...(u.searchParams.get('sslrootcert') ? { caFile: u.searchParams.get('sslrootcert')! } : {}),
  }
}

function bad(mode: string): never {
  throw new Error(`sslmode ${mode} is not supported: use disable, require or verify-full`)
}
