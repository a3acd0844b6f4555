import { describe, expect, it } from 'vitest'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { DamagedFileError, DurableJsonAdapter } from '../../../electron/store/durableJsonAdapter'
import { useTempDirs } from '../../support/tempDir'

interface Doc {
  n: number
  name: string
}

describe('the durable lowdb adapter', () => {
  const tempDir = useTempDirs()

  it('reads a missing file as null, so lowdb keeps its default document', async () => {
    const dir = await tempDir()
    const adapter = new DurableJsonAdapter<Doc>(join(dir, 'doc.json'))
    expect(await adapter.read()).toBeNull()
    const db = new Low<Doc>(adapter, { n: 0, name: 'default' })
    await db.read()
    expect(db.data).toEqual({ n: 0, name: 'default' })
  })

  it.each([
    ['invalid JSON', '{"n": 1,'],
    ['an empty file', ''],
    ['a truncated file', '{"n": 1, "name": "静安'],
    ['null', 'null'],
  ])('throws on %s instead of reading it as empty', async (_label, text) => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    await writeFile(file, text)
    const db = new Low<Doc>(new DurableJsonAdapter<Doc>(file), { n: 0, name: 'default' })
    await expect(db.read()).rejects.toBeInstanceOf(DamagedFileError)
    await expect(db.read()).rejects.toMatchObject({ file })
    expect(await readFile(file, 'utf8')).toBe(text) // nothing was written over it
  })

  it('throws when the decoder refuses the content, with its reason', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    await writeFile(file, '{"n": "one"}')
    const adapter = new DurableJsonAdapter<Doc>(file, (text) => {
      const raw = JSON.parse(text) as Doc
      if (typeof raw.n !== 'number') throw new Error('n is not a number')
      return raw
    })
    await expect(adapter.read()).rejects.toThrow(/n is not a number/)
  })

  it('writes durably: exact content, no temp file left behind', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    const db = new Low<Doc>(new DurableJsonAdapter<Doc>(file), { n: 0, name: '' })
    db.data = { n: 7, name: '客诉台' }
    await db.write()
    expect(await readFile(file, 'utf8')).toBe('{"n":7,"name":"客诉台"}')
    expect(await readdir(dir)).toEqual(['doc.json'])
    const again = new Low<Doc>(new DurableJsonAdapter<Doc>(file), { n: 0, name: '' })
    await again.read()
    expect(again.data).toEqual({ n: 7, name: '客诉台' })
  })

  it('tells `written` the text once it is on disk, and only then; decode is given the bytes read', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    const told: string[] = []
    const adapter = new DurableJsonAdapter<Doc>(
      file,
      (text, bytes) => ({ ...(JSON.parse(text) as Doc), n: bytes.length }),
      async (text) => {
        expect(await readFile(file, 'utf8')).toBe(text)
        told.push(text)
      },
    )
    await adapter.write({ n: 7, name: '客诉台' })
    expect(told).toEqual(['{"n":7,"name":"客诉台"}'])
    expect(await adapter.read()).toEqual({ n: Buffer.byteLength(told[0]), name: '客诉台' })
    await mkdir(join(dir, `.doc.json.${process.pid}.tmp`)) // the next write fails
    await expect(adapter.write({ n: 8, name: 'new' })).rejects.toThrow()
    expect(told).toHaveLength(1)
  })

  it('a write that fails leaves the old document whole', async () => {
    const dir = await tempDir()
    const file = join(dir, 'doc.json')
    await writeFile(file, '{"n":1,"name":"old"}')
    await mkdir(join(dir, `.doc.json.${process.pid}.tmp`)) // the temp file cannot be made
    const db = new Low<Doc>(new DurableJsonAdapter<Doc>(file), { n: 0, name: '' })
    db.data = { n: 2, name: 'new' }
    await expect(db.write()).rejects.toThrow()
    await db.read()
    expect(db.data).toEqual({ n: 1, name: 'old' })
  })
})
