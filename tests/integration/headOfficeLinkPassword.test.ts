// The head office link saved without a password (issue 16): refused in words at the first save,
// nothing written; turned off, or with a password stored before, a blank one is fine.
import { describe, expect, it } from 'vitest'
import { access } from 'node:fs/promises'
import { join } from 'node:path'
import { HEAD_OFFICE_FILE_NAME } from '../../electron/services/headOfficeLink'
import { MANAGER_PIN, setUpBranch, unwrap } from '../support/services'
import { useTempDirs } from '../support/tempDir'

describe('the head office link’s password', () => {
  const tempDir = useTempDirs()

  it('a link turned on is refused without one, and nothing is saved', async () => {
    const dir = await tempDir()
    const { services, managerId } = await setUpBranch(dir)
    const link = {
      enabled: true,
      host: 'ho-db.example.cn',
      port: 5432,
      database: 'complaint',
      user: 'branch_sh01',
      ssl: 'verify-full' as const,
      caFile: '',
      password: '',
      approval: { managerId, pin: MANAGER_PIN },
    }
    const refused = await services.call('headoffice:set', link)
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ path: 'password', message: '第一次设置总部连接时须输入密码' }] },
    })
    await expect(access(join(dir, HEAD_OFFICE_FILE_NAME))).rejects.toThrow()
    expect(unwrap(await services.call('headoffice:get'))).toBeNull()
    // Off, it needs none; once a password is stored, a blank one keeps it.
    expect(unwrap(await services.call('headoffice:set', { ...link, enabled: false }))).toMatchObject({
      passwordSet: false,
    })
    unwrap(await services.call('headoffice:set', { ...link, password: 'a-long-password-123' }))
    expect(unwrap(await services.call('headoffice:set', link))).toMatchObject({ enabled: true, passwordSet: true })
    await services.close()
  })
})
