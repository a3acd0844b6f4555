// The live file's seal (electron/store/liveSeal.ts): bytes the app wrote and the schema passed
// open without the zod parse; any other byte, another schema, or no seal, and they are parsed
// in full, so a file changed outside the app still goes the damaged-file path.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { DATA_FILE_NAME, Store } from '../../../electron/store/store'
import { Snapshot } from '../../../electron/store/schema'
import { digestOf, LiveSeal, SEAL_SUFFIX } from '../../../electron/store/liveSeal'
import { LiveDocument } from '../../../electron/store/liveDocument'
import { schemaFingerprint } from '../../../electron/store/schemaFingerprint'
import { makeCase } from '../../support/factories'
import { crashCopy } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW

describe('the live file seal', () => {
  const tempDir = useTempDirs()
  afterEach(() => vi.restoreAllMocks())

  /** A data folder closed cleanly after saving `cases` (the close folds, so the live file is written and sealed). */
  async function written(cases = [makeCase({ id: 'c1', customerName: '王秀英' })]): Promise<string> {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await store.update((d) => void d.cases.push(...cases))
    await store.close()
    return dir
  }

  /** Opens `dir`, counting the Snapshot parses the open made. */
  async function openCounting(dir: string): Promise<{ store: Store; parses: number }> {
    const parse = vi.spyOn(Snapshot, 'safeParse')
    const store = await Store.open(dir, { now })
    const parses = parse.mock.calls.length
    parse.mockRestore()
    return { store, parses }
  }

  /** Changes the live file outside the app, keeping its size and modification time. */
  async function editLive(dir: string, from: string, to: string): Promise<void> {
    expect(to.length).toBe(from.length)
    const file = join(dir, DATA_FILE_NAME)
    const { atime, mtime } = await stat(file)
    const text = await readFile(file, 'utf8')
    expect(text).toContain(from)
    await writeFile(file, text.replace(from, to))
    await utimes(file, atime, mtime)
  }

  it('a live file the app wrote opens without the zod parse, and holds what was saved', async () => {
    const dir = await written()
    const { store, parses } = await openCounting(dir)
    expect(parses).toBe(0)
    expect(store.state).toBe('ok')
    expect(store.data.cases.map((c) => [c.id, c.customerName])).toEqual([['c1', '王秀英']])
    // Read as the full parse reads it: the same data.
    expect(store.data.cases[0]).toEqual(Snapshot.parse(JSON.parse(await readFile(store.file, 'utf8'))).cases[0])
    await store.close()
  })

  it('cases read through the seal are frozen as parsed ones are: a change in place throws', async () => {
    const dir = await written()
    const { store, parses } = await openCounting(dir)
    expect(parses).toBe(0)
    await expect(store.update((d) => void d.cases[0].timeline.push(d.cases[0].timeline[0]))).rejects.toThrow(TypeError)
    await expect(store.update((d) => void (d.cases[0].workflow.owner = null))).rejects.toThrow(TypeError)
    await store.close()
  })

  it('one byte changed outside the app, size and time kept, is parsed and goes the damaged-file path', async () => {
    const dir = await written()
    await editLive(dir, '"status":"received"', '"status":"receivez"')
    const before = await readFile(join(dir, DATA_FILE_NAME), 'utf8')
    const { store, parses } = await openCounting(dir)
    expect(parses).toBeGreaterThan(0)
    expect(store.state).toBe('corrupt') // no backup to put back
    expect(store.detail).toMatch(/cases\[0\]\.status/)
    await store.close()
    expect(await readFile(join(dir, DATA_FILE_NAME), 'utf8')).toBe(before) // never written over
  })

  it('one byte changed outside the app that the schema takes is read as it is now, not as sealed', async () => {
    const dir = await written()
    await editLive(dir, '王秀英', '王秀兰')
    const { store, parses } = await openCounting(dir)
    expect(parses).toBeGreaterThan(0)
    expect(store.data.cases[0].customerName).toBe('王秀兰')
    await store.close()
    // Parsed and found whole, it is sealed again: the next start trusts it.
    const again = await openCounting(dir)
    expect(again.parses).toBe(0)
    expect(again.store.data.cases[0].customerName).toBe('王秀兰')
    await again.store.close()
  })

  it('a seal made under another schema, a damaged seal or none: the file is parsed in full', async () => {
    const dir = await written()
    const sealFile = join(dir, DATA_FILE_NAME + SEAL_SUFFIX)
    const seal = JSON.parse(await readFile(sealFile, 'utf8')) as { sha256: string; schema: string }
    for (const damage of [
      () => writeFile(sealFile, JSON.stringify({ ...seal, schema: '0'.repeat(64) })),
      () => writeFile(sealFile, JSON.stringify(seal).slice(0, 40)),
      () => rm(sealFile),
    ]) {
      await damage()
      const { store, parses } = await openCounting(dir)
      expect(parses).toBeGreaterThan(0)
      expect(store.data.cases.map((c) => c.id)).toEqual(['c1'])
      await store.close()
    }
  })

  it('a file the schema would change (a text it trims) is not sealed: it is parsed at every start', async () => {
    const dir = await written([makeCase({ id: 'c1', staffComplainedAbout: ' 收银员小李 ' })])
    for (let start = 0; start < 2; start++) {
      const { store, parses } = await openCounting(dir)
      expect(parses).toBeGreaterThan(0)
      expect(store.data.cases[0].staffComplainedAbout).toBe('收银员小李') // as the parse gives it
      await store.close()
    }
  })

  it('data a save got wrong is never sealed: the next start finds the file damaged, as without a seal', async () => {
    const dir = await written()
    const store = await Store.open(dir, { now })
    await store.update((d) => {
      d.cases = d.cases.map((c) => ({ ...c, status: 'lost' as never }))
    })
    await store.close()
    const { store: again, parses } = await openCounting(dir)
    expect(parses).toBeGreaterThan(0)
    expect(again.state).toBe('corrupt')
    await again.close()
  })

  it('a file read whole is sealed, except by a store that must write nothing (read-only)', async () => {
    const dir = await written()
    const file = join(dir, DATA_FILE_NAME)
    await rm(file + SEAL_SUFFIX)
    const readOnly = new LiveDocument(file, join(dir, 'journal'), now)
    expect((await readOnly.read(false))?.kind).toBe('ok')
    await expect(stat(file + SEAL_SUFFIX)).rejects.toMatchObject({ code: 'ENOENT' })
    const writable = new LiveDocument(file, join(dir, 'journal'), now)
    expect((await writable.read())?.kind).toBe('ok')
    expect((await stat(file + SEAL_SUFFIX)).isFile()).toBe(true)
  })

  it('a fold does not parse what it wrote: the check waits until the app is idle, and close seals the last fold', async () => {
    const dir = await written()
    const store = await Store.open(dir, { now })
    await store.update((d) => void d.cases.push(makeCase({ id: 'c2' })))
    const parse = vi.spyOn(Snapshot, 'safeParse')
    await store.compact()
    expect(parse).not.toHaveBeenCalled()
    const sealed = async () =>
      (JSON.parse(await readFile(store.file + SEAL_SUFFIX, 'utf8')) as { sha256: string }).sha256 ===
      digestOf(await readFile(store.file))
    expect(await sealed()).toBe(false)
    await store.close()
    expect(parse).toHaveBeenCalled()
    expect(await sealed()).toBe(true)
  })

  it('left to itself, the check runs a moment after the write; bytes the schema would change stay unsealed', async () => {
    const dir = await written()
    const file = join(dir, DATA_FILE_NAME)
    const text = (await readFile(file, 'utf8')).replace('王秀英', '王秀兰')
    const stripped = text.replace('"id":"c1"', '"id":"c1","extra":1') // the schema drops what it does not know
    const sealedBy = async (bytes: string) => new LiveSeal(file).vouchesFor(digestOf(bytes))
    const seal = new LiveSeal(file, 10)
    await seal.vouchesFor('')
    seal.written(text)
    expect(await sealedBy(text)).toBe(false)
    await vi.waitFor(async () => expect(await sealedBy(text)).toBe(true))
    expect(stripped).not.toBe(text)
    seal.written(stripped)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await seal.flush()
    expect(await sealedBy(stripped)).toBe(false)
    expect(await sealedBy(text)).toBe(true) // the seal still vouches for the bytes it was made for
  })

  it('after a crash, a sealed live file and the saves in the journal open whole', async () => {
    const dir = await written()
    const store = await Store.open(dir, { now })
    await store.update((d) => void d.cases.push(makeCase({ id: 'c2' })))
    const crashed = await crashCopy(dir, await tempDir())
    await store.close()
    const { store: reopened } = await openCounting(crashed)
    expect(reopened.data.cases.map((c) => c.id).sort()).toEqual(['c1', 'c2'])
    await reopened.close()
    // The start folded the journal in and sealed what it wrote.
    const again = await openCounting(crashed)
    expect(again.parses).toBe(0)
    expect(again.store.data.cases.map((c) => c.id).sort()).toEqual(['c1', 'c2'])
    await again.store.close()
  })
})

describe('the schema fingerprint', () => {
  it('is the same for a fresh copy of the schema code (as in the next process), so a seal outlives a restart', async () => {
    vi.resetModules()
    const fresh = await import('../../../electron/store/schema')
    const { schemaFingerprint: freshPrint } = await import('../../../electron/store/schemaFingerprint')
    expect(fresh.Snapshot).not.toBe(Snapshot)
    expect(freshPrint(fresh.Snapshot)).toBe(schemaFingerprint(Snapshot))
  })

  it('is the same for the same schema and changes with any change to what it accepts or gives', () => {
    const base = z.object({ name: z.string().trim().max(30), n: z.number().int().default(0) })
    const fingerprint = schemaFingerprint(base)
    expect(schemaFingerprint(base)).toBe(fingerprint)
    expect(schemaFingerprint(Snapshot)).toBe(schemaFingerprint(Snapshot))
    const changed = [
      z.object({ name: z.string().trim().max(31), n: z.number().int().default(0) }),
      z.object({ name: z.string().max(30), n: z.number().int().default(0) }),
      z.object({ name: z.string().trim().max(30), n: z.number().int().default(1) }),
      z.object({ name: z.string().trim().max(30), n: z.number().int().default(0), extra: z.string().optional() }),
      z.object({
        name: z
          .string()
          .trim()
          .max(30)
          .refine((s) => s !== ''),
        n: z.number().int().default(0),
      }),
      z.object({
        name: z
          .string()
          .trim()
          .max(30)
          .refine((s) => s !== 'x'),
        n: z.number().int().default(0),
      }),
      z.preprocess((x) => x, base),
    ]
    const prints = changed.map(schemaFingerprint)
    expect(new Set([fingerprint, ...prints]).size).toBe(changed.length + 1)
  })
})
