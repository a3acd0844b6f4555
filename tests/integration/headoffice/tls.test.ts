// The link to head office over TLS on a real PostgreSQL with ssl=on (issue 16): verify-full
// connects only to a server whose certificate chains to the CA file and names the host;
// require encrypts without checking; a certificate that fails is said as such (problem 'tls').
import { afterAll, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connector, problemOf } from '../../../electron/headoffice/sync'
import type { HeadOfficeConnection } from '../../../electron/headoffice/config'
import { createBranch, DATABASE, NO_POSTGRES, PASSWORD, usePostgres } from '../../support/postgres'

/** A CA and a server certificate it signed for localhost / 127.0.0.1 (and another CA that signed nothing). */
function makeCertificates(): { dir: string; ca: string; otherCa: string; cert: string; key: string } {
  const dir = mkdtempSync(join(tmpdir(), 'complaint-desk-tls-'))
  chmodSync(dir, 0o755)
  const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
  const ca = (name: string) =>
    ssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
    )
  ca('ca')
  ca('other-ca')
  ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', 'server.key', '-out', 'server.csr')
  execFileSync('sh', ['-c', 'printf "subjectAltName=DNS:localhost,IP:127.0.0.1" > san.ext'], { cwd: dir })
  ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'ca.pem',
    '-CAkey',
    'ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.pem',
  )
  const key = join(dir, 'server.key')
  chmodSync(key, 0o600)
  // The server runs as `postgres` when the tests run as root: it must own its key.
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(key, uid, -1)
  }
  return { dir, ca: join(dir, 'ca.pem'), otherCa: join(dir, 'other-ca.pem'), cert: join(dir, 'server.pem'), key }
}

const certs = NO_POSTGRES ? null : makeCertificates()

describe.skipIf(NO_POSTGRES)('the head office link over TLS (PostgreSQL, ssl=on)', { timeout: 60_000 }, () => {
  const cluster = usePostgres({
    settings: { fsync: 'off', ssl: 'on', ssl_cert_file: certs!.cert, ssl_key_file: certs!.key },
  })
  afterAll(() => rmSync(certs!.dir, { recursive: true, force: true }))

  const link = (c: Partial<HeadOfficeConnection>): HeadOfficeConnection => ({
    host: 'localhost',
    port: cluster().port,
    database: DATABASE,
    user: 'branch_tls1',
    password: PASSWORD,
    ssl: 'verify-full',
    connectTimeoutMs: 10_000,
    ...c,
  })
  /** Whether the session is encrypted, as the server sees it. */
  const encrypted = async (c: HeadOfficeConnection) => {
    const client = await connector(c)()
    try {
      return (await client.query('SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0].ssl as boolean
    } finally {
      await client.end()
    }
  }

  it('verify-full connects to the server its CA signed, by name; require encrypts; disable does not', async () => {
    await createBranch(cluster(), 'TLS1')
    expect(await encrypted(link({ caFile: certs!.ca }))).toBe(true)
    expect(await encrypted(link({ host: '127.0.0.1', caFile: certs!.ca }))).toBe(true)
    expect(await encrypted(link({ ssl: 'require' }))).toBe(true)
    expect(await encrypted(link({ ssl: 'disable' }))).toBe(false)
  })

  it('verify-full refuses a certificate another CA signed, or none at all, and says it is the certificate', async () => {
    const refused = async (c: HeadOfficeConnection) => {
      const err = await connector(c)().then(
        (client) => client.end().then(() => null),
        (e: unknown) => e,
      )
      expect(err, 'connected').not.toBeNull()
      return problemOf(err)
    }
    expect(await refused(link({ caFile: certs!.otherCa }))).toBe('tls')
    expect(await refused(link({}))).toBe('tls') // the system's CAs know nothing of it
  })
})
