// The head office connection's TLS settings map onto node-postgres as libpq's sslmode would.
import { describe, expect, it } from 'vitest'
import { clientConfig, connectionFromUrl, type HeadOfficeConnection } from '../../../electron/headoffice/config'

const base: HeadOfficeConnection = {
  host: 'ho.example.cn',
  port: 5432,
  database: 'complaint',
  user: 'branch_sh01',
  password: 'secret-secret',
  ssl: 'disable',
}

describe('head office connection config', () => {
  it('disable: plain TCP', () => {
    expect(clientConfig(base).ssl).toBe(false)
  })

  it('require: TLS without checking the certificate', () => {
    expect(clientConfig({ ...base, ssl: 'require' }).ssl).toEqual({ rejectUnauthorized: false })
  })

  it('verify-full: the certificate must chain to the CA file and name the host', () => {
    const read = (file: string) => `PEM of ${file}`
    expect(clientConfig({ ...base, ssl: 'verify-full', caFile: '/etc/ho-ca.pem' }, read).ssl).toEqual({
      rejectUnauthorized: true,
      servername: 'ho.example.cn',
      ca: 'PEM of /etc/ho-ca.pem',
    })
    // Without a CA file the system's CAs are used, still verified.
    expect(clientConfig({ ...base, ssl: 'verify-full' }).ssl).toEqual({
      rejectUnauthorized: true,
      servername: 'ho.example.cn',
    })
  })

  it('carries the credentials and a connect timeout, so the worker never hangs on a dead line', () => {
    const c = clientConfig({ ...base, connectTimeoutMs: 3000 })
    expect(c).toMatchObject({ host: 'ho.example.cn', port: 5432, user: 'branch_sh01', password: 'secret-secret' })
    expect(c.connectionTimeoutMillis).toBe(3000)
    expect(c.keepAlive).toBe(true)
  })

  it('reads postgres:// URLs with sslmode and sslrootcert; refuses the modes that fall back to plain text', () => {
    expect(
      connectionFromUrl('postgres://ho_owner:p%40ss@db.ho.cn:6543/complaint?sslmode=verify-full&sslrootcert=/ca.pem'),
    ).toEqual({
      host: 'db.ho.cn',
      port: 6543,
      database: 'complaint',
      user: 'ho_owner',
      password: 'p@ss',
      ssl: 'verify-full',
      caFile: '/ca.pem',
    })
    expect(connectionFromUrl('postgresql://u:p@127.0.0.1/db').ssl).toBe('disable')
    expect(connectionFromUrl('postgres://u:p@h/db?sslmode=require').ssl).toBe('require')
    expect(connectionFromUrl('postgres://u:p@h/db?sslmode=verify-ca').ssl).toBe('verify-full')
    expect(() => connectionFromUrl('postgres://u:p@h/db?sslmode=prefer')).toThrow(/not supported/)
    expect(() => connectionFromUrl('mysql://u:p@h/db')).toThrow(/postgres/)
  })
})
