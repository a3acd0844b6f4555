import { afterEach, describe, expect, it, vi } from 'vitest'
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { useTempDirs } from '../../support/tempDir'

// Record the order of file-system calls the durable write makes.
const calls: string[] = []
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>()
  return {
    ...real,
    open: vi.fn(async (path: string, flags: string) => {
      const handle = await real.open(path, flags)
      const label = path.endsWith('.tmp') ? 'tmp' : 'dir'
      calls.push(`open:${label}`)
      const sync = handle.sync.bind(handle)
      handle.sync = async () => {
        calls.push(`sync:${label}`)
        return sync()
      }
      return handle
    }),
    rename: vi.fn(async (from: string, to: string) => {
      calls.push('rename')
      return real.rename(from, to)
    }),
  }
})

const { writeFileDurable } = await import('../../../electron/store/durableFile')

describe('the durable write path', () => {
  const tempDir = useTempDirs()
  afterEach(() => {
    calls.length = 0
  })

  it('writes a temp file, fsyncs it, renames it over the target, then fsyncs the directory', async () => {
    const dir = await tempDir()
    const file = join(dir, 'data.json')
    await writeFileDurable(file, '{"a":1}')
    expect(calls).toEqual(['open:tmp', 'sync:tmp', 'rename', 'open:dir', 'sync:dir'])
    expect(await readFile(file, 'utf8')).toBe('{"a":1}')
    expect(await readdir(dir)).toEqual(['data.json'])
  })

  it('leaves the old file whole when the write fails before the rename', async () => {
    const dir = await tempDir()
    const file = join(dir, 'data.json')
    await writeFile(file, '{"old":true}')
    // A directory where the temp file should go makes open() fail.
    await mkdir(join(dir, `.data.json.${process.pid}.tmp`))
    await expect(writeFileDurable(file, '{"new":true}')).rejects.toThrow()
    expect(await readFile(file, 'utf8')).toBe('{"old":true}')
  })
})
