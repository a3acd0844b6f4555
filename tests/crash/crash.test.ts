// Kills a writing process with SIGKILL over and over, mid-save, mid-fold and mid-archive,
// and checks after every kill that the store opens undamaged with every acknowledged save.
// CRASH_KILLS sets how many (CI runs a smaller count; `npm run crash` runs 300).
import { beforeAll, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { build } from 'vite'
import { Store } from '../../electron/store/store'
import { useTempDirs } from '../support/tempDir'

const KILLS = Number(process.env.CRASH_KILLS ?? 25)
const root = fileURLToPath(new URL('../..', import.meta.url))
const outDir = join(root, 'node_modules/.cache/crash-writer')

/** Runs the writer from `start` until it has acknowledged something, then kills it at a random moment. */
function runAndKill(dir: string, start: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(outDir, 'writer.mjs'), dir, String(start)], {
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
      for (const n of await runAndKill(dir, (k + 1) * 1_000_000)) acknowledged.add(`w-${n}`)
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
})
