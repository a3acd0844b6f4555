// Issue 15, point 1, through the services: a save refused for want of disk space says so in
// the user's language, and intake resumes with new numbers once space is back.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { open, unlink, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { CLERK_PIN, openTestServices, setUpBranch, testClock, unwrap } from '../support/services'
import { validDraft } from '../support/factories'
import { fillUp, mountSmallDisk } from '../support/smallDisk'
import { useTempDirs } from '../support/tempDir'

async function signedInClerk(dir: string, now: () => Date) {
  const setup = await setUpBranch(dir, now)
  unwrap(await setup.services.call('auth:signIn', { staffId: setup.clerkId, pin: CLERK_PIN }))
  return { ...setup, draft: () => validDraft({ departmentId: setup.departments[0].id }) }
}

describe('a full disk, as the user sees it (issue 15, point 1)', () => {
  const tempDir = useTempDirs()
  afterEach(() => {
    vi.restoreAllMocks()
  })

  async function fileHandleProto(file: string): Promise<FileHandle> {
    const handle = await open(file, 'r')
    const proto = Object.getPrototypeOf(handle) as FileHandle
    await handle.close()
    return proto
  }
  const noSpace = () =>
    Promise.reject(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))

  it('refuses the save with 磁盘空间不足，未保存 (or its English), saves nothing, and takes the next one', async () => {
    const clock = testClock(new Date(2026, 10, 22, 10, 0))
    const dir = await tempDir()
    const { services, draft } = await signedInClerk(dir, clock.now)
    const first = unwrap(await services.call('cases:create', draft()))
    const proto = await fileHandleProto(join(dir, 'complaint-desk.json'))

    vi.spyOn(proto, 'write').mockImplementation(noSpace as never)
    const zh = await services.call('cases:create', draft())
    expect(zh).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
    expect(!zh.ok && zh.error.message).toContain('磁盘空间不足，未保存')
    vi.restoreAllMocks()

    unwrap(await services.call('app:setLocale', { locale: 'en' }))
    vi.spyOn(proto, 'write').mockImplementation(noSpace as never)
    const en = await services.call('cases:create', draft())
    expect(en).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } })
    expect(!en.ok && en.error.message).toMatch(/not enough disk space/i)
    vi.restoreAllMocks()

    const next = unwrap(await services.call('cases:create', draft()))
    expect(next.number > first.number).toBe(true)
    const list = unwrap(await services.call('cases:list', {}))
    expect(list.items.map((r) => r.id).sort()).toEqual([first.id, next.id].sort())
    await services.close()
  })

  it('on a real full file system: refused while full, new numbers once space is back, everything there after a restart', async (ctx) => {
    const disk = await mountSmallDisk(1024)
    if ('skipped' in disk) {
      console.warn(`skipped: ${disk.skipped}`)
      ctx.skip()
      return
    }
    try {
      const clock = testClock(new Date(2026, 10, 22, 10, 0))
      const { services, draft } = await signedInClerk(disk.dir, clock.now)
      const saved = [unwrap(await services.call('cases:create', draft()))]
      const filler = join(disk.dir, 'filler')
      fillUp(filler)
      let refusals = 0
      for (let i = 0; i < 5; i++) {
        const result = await services.call('cases:create', draft())
        if (result.ok) saved.push(result.data)
        else {
          refusals += 1
          expect(result.error).toMatchObject({
            code: 'DISK_FULL',
            message: expect.stringContaining('磁盘空间不足，未保存'),
          })
        }
      }
      expect(refusals).toBeGreaterThan(0)
      await unlink(filler)
      saved.push(unwrap(await services.call('cases:create', draft())))
      await services.close()

      const again = await openTestServices(disk.dir, clock.now)
      const numbers = again.ctx.store.data.cases.map((c) => c.number)
      expect(numbers).toEqual(saved.map((c) => c.number))
      expect(new Set(numbers).size).toBe(numbers.length)
      await again.close()
    } finally {
      await disk.unmount()
    }
  })
})
