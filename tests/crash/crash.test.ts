// Kills a writing process with SIGKILL over and over, mid-save, mid-fold and mid-archive,
// and checks after every kill that the store opens undamaged with every acknowledged save.
// CRASH_KILLS sets how many (CI runs a smaller count; `npm run crash` runs 300).
import { beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { build } from 'vite'
import { Store } from '../../electron/store/store'
import { usableBackup } from '../../electron/store/backups'
import { useTempDirs } from '../support/tempDir'

const KILLS = Number(process.env.CRASH_KILLS ?? 25)
const root = fileURLToPath(new URL('../..', import.meta.url))
const outDir = join(root, 'node_modules/.cache/crash-writer')

/** Runs the writer from `start` until it has acknowledged something, then kills it at a random moment. */
function runAndKill(dir: string, args: string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(outDir, 'writer.mjs'), dir, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const acked: number[] = []
    let buffer = ''
    let stderr = ''
    let timer: NodeJS.Timeout | null = null
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const lines = buffer.split('\n')
      buffer = lines.pop()!
      for (const line of lines) if (line.startsWith('ack ')) acked.push(Number(line.slice(4)))
      timer ??= setTimeout(() => child.kill('SIGKILL'), Math.random() * 120)
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (_code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`writer stopped by itself: ${stderr}`))
      else resolve(acked)
    })
  })
}

/** Runs the writer to its end (a seed) or until it kills itself at a step; its output and how it stopped. */
function runWriter(args: string[]): Promise<{ out: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(outDir, 'writer.mjs'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`writer failed: ${stderr}`))
      else resolve({ out: stdout.split('\n').filter(Boolean), killed: signal === 'SIGKILL' })
    })
  })
}

/** Every case id in the store, live and archived (each once). */
async function caseIds(store: Store): Promise<Set<string>> {
  const archive = await store.archived()
  const ids = [...store.data.cases.map((c) => c.id), ...archive.list().map((r) => r.id)]
  expect(new Set(ids).size).toBe(ids.length)
  return new Set(ids)
}

/** No backup is offered that a restore would refuse: each one listed usable is read whole and checked. */
async function noHalfBackupOffered(dir: string, store: Store): Promise<void> {
  for (const b of await store.listBackups()) if (b.usable) await usableBackup(dir, b.name, new Date())
}

describe('crash test: SIGKILL in the middle of writes', () => {
  const tempDir = useTempDirs()

  beforeAll(async () => {
    await build({
      configFile: false,
      logLevel: 'warn',
      resolve: { alias: { '@shared': join(root, 'shared') } },
      build: {
        ssr: join(root, 'tests/crash/writer.ts'),
        outDir,
        emptyOutDir: true,
        rollupOptions: { output: { entryFileNames: 'writer.mjs', format: 'es' } },
      },
    })
  }, 60_000)

  it(`after each of ${KILLS} kills the store opens undamaged with every acknowledged save`, async () => {
    const dir = await tempDir()
    const acknowledged = new Set<string>()
    let folds = 0
    for (let k = 0; k < KILLS; k++) {
      // Each run numbers its cases apart: a save done but not yet acknowledged is never repeated.
      for (const n of await runAndKill(dir, [String((k + 1) * 1_000_000)])) acknowledged.add(`w-${n}`)
      const store = await Store.open(dir)
      expect(store.state).toBe('ok')
      expect(store.recovery).toBeNull()
      const archive = await store.archived()
      const present = new Set([...store.data.cases.map((c) => c.id), ...archive.list().map((r) => r.id)])
      const lost = [...acknowledged].filter((id) => !present.has(id))
      expect(lost).toEqual([])
      expect(present.size).toBe(store.data.cases.length + archive.size) // no case twice
      const audit = await store.verifyAudit()
      expect(audit.ok).toBe(true)
      expect(audit.entries).toBeGreaterThanOrEqual(acknowledged.size)
      if (archive.size > 0) folds += 1
      await store.close()
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS) // the kills did land mid-run, after real work
    expect(folds).toBeGreaterThan(0) // and archiving happened along the way
  }, 600_000)

  /** A data folder with 360 acknowledged saves (some archived) and a 'manual' backup taken after the first 300. */
  async function seeded(): Promise<{ dir: string; acknowledged: string[]; backup: string }> {
    const dir = await tempDir()
    const { out } = await runWriter([dir, 'seed', '5000000'])
    const acknowledged = out.filter((l) => l.startsWith('ack ')).map((l) => `w-${l.slice(4)}`)
    const backup = out.find((l) => l.startsWith('seeded '))!.slice(7)
    expect(acknowledged).toHaveLength(360)
    return { dir, acknowledged, backup }
  }

  it('a backup killed at each of its steps in turn: no half backup is offered, nothing acknowledged is lost', async () => {
    const seed = await seeded()
    let steps = 0
    for (let k = 1; ; k++) {
      const dir = await tempDir()
      await cp(seed.dir, dir, { recursive: true })
      const { out, killed } = await runWriter([dir, 'backup', String(k)])
      const store = await Store.open(dir)
      expect(store.state).toBe('ok')
      const ids = await caseIds(store)
      expect(seed.acknowledged.filter((id) => !ids.has(id))).toEqual([])
      await noHalfBackupOffered(dir, store)
      await store.close()
      if (!killed) {
        steps = Number(out.at(-1)!.split(' ')[1])
        break
      }
    }
    expect(steps).toBeGreaterThan(5) // it was killed at every one of them
  }, 600_000)

  it('a restore killed at each of its steps in turn is undone at the next start: nothing acknowledged is lost', async () => {
    const seed = await seeded()
    let steps = 0
    for (let k = 1; ; k++) {
      const dir = await tempDir()
      await cp(seed.dir, dir, { recursive: true })
      const { out, killed } = await runWriter([dir, 'restore', String(k), seed.backup])
      const store = await Store.open(dir)
      expect(store.state).toBe('ok')
      const ids = await caseIds(store)
      if (killed) {
        // Not acknowledged: the data is as before the restore, every save there.
        expect(seed.acknowledged.filter((id) => !ids.has(id))).toEqual([])
      } else {
        // Done: the backup's 300 cases, and the 60 later ones are in the pre-restore backup.
        expect(seed.acknowledged.slice(0, 300).filter((id) => !ids.has(id))).toEqual([])
        expect(ids.has(seed.acknowledged.at(-1)!)).toBe(false)
        const pre = (await store.listBackups()).find((b) => b.label === 'pre-restore')!
        expect(pre).toMatchObject({ usable: true, cases: 360 })
      }
      expect((await store.verifyAudit()).ok).toBe(true)
      await noHalfBackupOffered(dir, store)
      await store.close()
      if (!killed) {
        steps = Number(out.at(-1)!.split(' ')[1])
        break
      }
    }
    expect(steps).toBeGreaterThan(5)
  }, 900_000)

  it('a start recovering a damaged live file, killed at each of its steps in turn (and again in the repeat): the next start finishes it; never a new installation, the damaged file never lost', async () => {
    const seed = await seeded()
    // The live file damaged (a power cut mid-write of another tool, say) with saves in the journal.
    const liveFile = join(seed.dir, 'complaint-desk.json')
    const live = await readFile(liveFile)
    const damagedLive = live.subarray(0, Math.floor(live.length / 2))
    await writeFile(liveFile, damagedLive)
    const journal = Buffer.from('{"n":999999,"core":"what the damaged file had in its journal"}\n')
    await writeFile(join(seed.dir, 'complaint-desk.journal'), journal)
    let steps = 0
    for (let k = 1; ; k++) {
      const dir = await tempDir()
      await cp(seed.dir, dir, { recursive: true })
      const first = await runWriter([dir, 'recover', String(k)])
      // A start that repeats the recovery is killed at the same step count too.
      if (first.killed) await runWriter([dir, 'recover', String(k)])
      const store = await Store.open(dir)
      expect(store.state).toBe('ok')
      expect(store.recovery).toMatchObject({ backup: seed.backup })
      // The backup's 300 saves, not an empty new installation.
      const ids = await caseIds(store)
      expect(seed.acknowledged.slice(0, 300).filter((id) => !ids.has(id))).toEqual([])
      // The damaged file and its journal, byte for byte, once each.
      expect(await readFile(store.recovery!.damagedFile!)).toEqual(damagedLive)
      const names = await readdir(dir)
      expect(names.filter((n) => n.startsWith('complaint-desk.damaged.'))).toHaveLength(1)
      const journalAside = names.filter((n) => n.startsWith('complaint-desk.journal.damaged.'))
      expect(journalAside).toHaveLength(1)
      expect(await readFile(join(dir, journalAside[0]))).toEqual(journal)
      expect(names).not.toContain('complaint-desk.recovery.json')
      expect((await store.verifyAudit()).ok).toBe(true)
      await store.close()
      if (!first.killed) {
        steps = Number(first.out.at(-1)!.split(' ')[1])
        break
      }
    }
    expect(steps).toBeGreaterThan(5) // it was killed at every one of them
  }, 900_000)
})
