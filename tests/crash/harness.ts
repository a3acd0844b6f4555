// What the crash tests share: the writer (tests/crash/writer.ts, built once per test file into
// its own folder, so files run side by side), running it, killing it, and reading the store after.
import { beforeAll, expect } from 'vitest'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { basename } from 'node:path'
import { Store } from '../../electron/store/store'
import { usableBackup } from '../../electron/store/backups'
import { buildScript } from '../support/buildScript'

let writer = ''

/** Builds the writer for the test file `testFile` (its import.meta.url) before its tests. */
export function useWriter(testFile: string): void {
  const folder = `crash-writer/${basename(fileURLToPath(testFile), '.test.ts')}`
  beforeAll(async () => void (writer = await buildScript('tests/crash/writer.ts', folder, 'writer')), 60_000)
}

/** Runs the writer from `start` until it has acknowledged something, then kills it at a random moment. */
export function runAndKill(dir: string, args: string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dir, ...args], {
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
export function runWriter(args: string[]): Promise<{ out: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
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
export async function caseIds(store: Store): Promise<Set<string>> {
  const archive = await store.archived()
  const ids = [...store.data.cases.map((c) => c.id), ...archive.list().map((r) => r.id)]
  expect(new Set(ids).size).toBe(ids.length)
  return new Set(ids)
}

/** No backup is offered that a restore would refuse: each one listed usable is read whole and checked. */
export async function noHalfBackupOffered(dir: string, store: Store): Promise<void> {
  for (const b of await store.listBackups()) if (b.usable) await usableBackup(dir, b.name, new Date())
}

/** A data folder with 360 acknowledged saves (some archived) and a 'manual' backup taken after the first 300. */
export async function seeded(
  tempDir: () => Promise<string>,
): Promise<{ dir: string; acknowledged: string[]; backup: string }> {
  const dir = await tempDir()
  const { out } = await runWriter([dir, 'seed', '5000000'])
  const acknowledged = out.filter((l) => l.startsWith('ack ')).map((l) => `w-${l.slice(4)}`)
  const backup = out.find((l) => l.startsWith('seeded '))!.slice(7)
  expect(acknowledged).toHaveLength(360)
  return { dir, acknowledged, backup }
}
