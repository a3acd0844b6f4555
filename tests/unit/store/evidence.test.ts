// Issue 13: evidence files in the data folder — stored once by content, durable and private,
// linked into backups, brought back by a restore or a recovery, never removed.
import { describe, expect, it } from 'vitest'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { DATA_FILE_NAME, Store } from '../../../electron/store/store'
import { EvidenceDamagedError, EvidenceFiles, evidenceFile, linkEvidence } from '../../../electron/store/evidence'
import { pruneBackups } from '../../../electron/store/backups'
import { removeStaleTemps } from '../../../electron/store/housekeeping'
import { makePdf, makePng } from '../../support/images'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const names = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort()

describe('evidence files (issue 13)', () => {
  const tempDir = useTempDirs()

  it('are written under their SHA-256, 0600 in a 0700 folder; the same content twice is stored once, even at once', async () => {
    const folder = join(await tempDir(), 'evidence')
    const files = new EvidenceFiles(folder)
    const png = makePng()
    const [a, b] = await Promise.all([files.put(png), files.put(png)])
    expect(a.hash).toBe(sha(png))
    expect(b.hash).toBe(sha(png))
    expect([a.stored, b.stored].sort()).toEqual([false, true])
    expect((await files.put(png)).stored).toBe(false)
    expect(await names(folder)).toEqual([sha(png)])
    expect((await stat(join(folder, sha(png)))).mode & 0o777).toBe(0o600)
    expect((await stat(folder)).mode & 0o777).toBe(0o700)
    expect(await files.read(sha(png))).toEqual(png)
    expect(await files.read('0'.repeat(64))).toBeNull()
  })

  it('a file whose bytes no longer match its name is reported damaged, and a new put of the content repairs it', async () => {
    const folder = join(await tempDir(), 'evidence')
    const files = new EvidenceFiles(folder)
    const pdf = makePdf()
    const { hash } = await files.put(pdf)
    await writeFile(join(folder, hash), 'changed outside the app')
    await expect(files.read(hash)).rejects.toBeInstanceOf(EvidenceDamagedError)
    expect((await files.put(pdf)).stored).toBe(true)
    expect(await files.read(hash)).toEqual(pdf)
  })

  it('names are hashes only: no path can be made of one', () => {
    expect(() => evidenceFile('/data/evidence', '../complaint-desk.json')).toThrow(RangeError)
    expect(() => evidenceFile('/data/evidence', 'AB'.repeat(32))).toThrow(RangeError)
  })

  it('a temp file of a killed write is removed at start; linking adds only what is missing', async () => {
    const dir = await tempDir()
    const folder = join(dir, 'evidence')
    await mkdir(folder)
    const temp = `.${'a'.repeat(64)}.4242.tmp`
    await writeFile(join(folder, temp), 'half')
    expect(await removeStaleTemps(dir)).toEqual([join('evidence', temp)])
    const from = new EvidenceFiles(join(dir, 'from'))
    const to = new EvidenceFiles(join(dir, 'to'))
    const one = await from.put(makePng(4, 4))
    const two = await from.put(makePng(5, 5))
    await to.put(makePng(4, 4))
    expect(await linkEvidence(join(dir, 'from'), join(dir, 'to'))).toBe(1)
    expect(await names(join(dir, 'to'))).toEqual([one.hash, two.hash].sort())
    expect(await linkEvidence(join(dir, 'nothing'), join(dir, 'to'))).toBe(0)
  })

  it('a backup links them beside its live file; pruning removes its folder; a restore brings back what was lost', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    const png = makePng()
    await store.putEvidence(png)
    const name = await store.backup('manual', NOW)
    const folder = join(dir, 'backups', name.replace(/\.json$/, '.evidence'))
    expect(await names(folder)).toEqual([sha(png)])
    await rm(join(dir, 'evidence'), { recursive: true })
    await store.restore(name, new Date(NOW.getTime() + 1000), () => undefined)
    expect(await store.readEvidence(sha(png))).toEqual(png)
    // An evidence file added after the backup stays: a restore never removes evidence.
    const later = makePdf()
    await store.putEvidence(later)
    await store.restore(name, new Date(NOW.getTime() + 2000), () => undefined)
    expect(await store.readEvidence(sha(later))).toEqual(later)
    await store.close()
    await pruneBackups(dir, 'manual', 0)
    expect((await names(join(dir, 'backups'))).filter((n) => n.includes('.manual.'))).toEqual([])
  })

  it("a recovery from a backup at start (damaged live file) links the backup's evidence back", async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    const png = makePng()
    await store.putEvidence(png)
    await store.backup('daily', NOW)
    await store.close()
    await rm(join(dir, 'evidence'), { recursive: true })
    const live = join(dir, DATA_FILE_NAME)
    const text = await readFile(live, 'utf8')
    await writeFile(live, text.slice(0, text.length / 2))
    const reopened = await Store.open(dir, { now })
    expect(reopened.recovery).not.toBeNull()
    expect(await reopened.readEvidence(sha(png))).toEqual(png)
    await reopened.close()
  })

  it('an evidence folder alone, without a live file, is earlier data: never a new installation', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await store.putEvidence(makePng())
    await store.close()
    for (const n of await readdir(dir)) if (n !== 'evidence') await rm(join(dir, n), { recursive: true })
    const reopened = await Store.open(dir, { now })
    expect(reopened.state).toBe('missing')
    expect(reopened.missing?.found.map((f) => f.name)).toEqual(['evidence'])
    await reopened.close()
  })

  it('a store that cannot write refuses to store evidence', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await store.close()
    const again = await Store.open(dir, { now })
    const other = await Store.open(dir, { now }) // locked: the second instance saves nothing
    await expect(other.putEvidence(makePng())).rejects.toThrow()
    expect(await names(join(dir, 'evidence'))).toEqual([])
    await other.close()
    await again.close()
  })
})
