// Issue 15, point 16: what a start tidies and checks in the data folder.
import { afterEach, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { chmod, lstat, mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { Store } from '../../../electron/store/store'
import { appendAudit } from '../../../electron/services/context'
import { makeCase } from '../../support/factories'
import { useTempDirs } from '../../support/tempDir'

const now = () => new Date('2026-11-22T02:00:00Z')

describe('temp files left by killed writes (issue 15, point 16)', () => {
  const tempDir = useTempDirs()

  it('are removed at start: ours only, in the data folder, the archive and backups', async () => {
    const dir = await tempDir()
    const store = await Store.open(dir, { now })
    await store.backup('manual', now())
    await store.close()
    await mkdir(join(dir, 'archive'), { recursive: true })
    const ours = [
      '.complaint-desk.json.4242.tmp',
      '.complaint-desk.audit.jsonl.17.tmp',
      'archive/.cases-2026-10.json.4242.tmp',
      'archive/.index-2026-10.json.4242.tmp',
      'archive/.text-2026-10.txt.4242.tmp',
      'backups/.complaint-desk.daily.2026-11-21T02-00-00-000Z.json.4242.tmp',
      'backups/.index.json.4242.tmp',
    ]
    const notOurs = [
      '.notes.txt.4242.tmp', // not a file of ours
      'complaint-desk.json.4242.tmp', // not our naming (no leading dot)
      '.complaint-desk.json.tmp', // no pid
      'archive/.photo.jpg.4242.tmp',
      'my.tmp',
    ]
    for (const name of [...ours, ...notOurs]) await writeFile(join(dir, name), 'half a write')
    const reopened = await Store.open(dir, { now })
    const left = [
      ...(await readdir(dir)),
      ...(await readdir(join(dir, 'archive'))).map((n) => `archive/${n}`),
      ...(await readdir(join(dir, 'backups'))).map((n) => `backups/${n}`),
    ]
    for (const name of ours) expect(left).not.toContain(name)
    for (const name of notOurs) expect(left).toContain(name)
    await reopened.close()
  })

  it('are left alone by an instance that did not get the lock', async () => {
    const dir = await tempDir()
    const first = await Store.open(dir, { now })
    await writeFile(join(dir, '.complaint-desk.json.4242.tmp'), 'half a write')
    const second = await Store.open(dir, { now })
    expect(second.state).toBe('locked')
    expect(await readdir(dir)).toContain('.complaint-desk.json.4242.tmp')
    await second.close()
    await first.close()
  })
})

describe('the lock file (issue 15, point 16)', () => {
  const tempDir = useTempDirs()
  const children: ChildProcess[] = []
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL')
  })

  /** An unrelated live process (a `sleep`), started now. */
  async function unrelatedProcess(): Promise<number> {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' })
    children.push(child)
    await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject))
    return child.pid!
  }

  /** A process's start time as /proc gives it (clock ticks since boot), or null without /proc. */
  async function startTicks(pid: number): Promise<string | null> {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null)
    return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  }

  it('naming a live process that is not the app that wrote it is stale and taken over', async (ctx) => {
    const dir = await tempDir()
    const pid = await unrelatedProcess()
    if ((await startTicks(pid)) === null) {
      console.warn('skipped: no /proc to tell one process from another with the same pid')
      ctx.skip()
      return
    }
    // Written by an app (pid since reused) that started at another time than this process.
    await writeFile(join(dir, 'complaint-desk.lock'), JSON.stringify({ pid, started: '1', instance: 'gone' }))
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    await store.update((d) => void (d.caseCounters.x = 1))
    await store.close()
  })

  it('an old lock holding only a pid, of a process started after the lock was written, is stale', async (ctx) => {
    const dir = await tempDir()
    const pid = await unrelatedProcess()
    if ((await startTicks(pid)) === null) {
      console.warn('skipped: no /proc to tell when a process started')
      ctx.skip()
      return
    }
    const lock = join(dir, 'complaint-desk.lock')
    await writeFile(lock, String(pid))
    const anHourAgo = new Date(Date.now() - 3600_000)
    await utimes(lock, anHourAgo, anHourAgo)
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('ok')
    await store.close()
  })

  it('still keeps out a second instance: a lock naming a live process that did write it holds', async () => {
    const dir = await tempDir()
    const first = await Store.open(dir, { now })
    const lock = JSON.parse(await readFile(join(dir, 'complaint-desk.lock'), 'utf8')) as { pid: number }
    expect(lock.pid).toBe(process.pid)
    const second = await Store.open(dir, { now })
    expect(second.state).toBe('locked')
    await second.close()
    await first.close()
    // Another process that really wrote its lock: its pid and its own start time.
    const pid = await unrelatedProcess()
    const started = await startTicks(pid)
    await writeFile(join(dir, 'complaint-desk.lock'), started === null ? String(pid) : JSON.stringify({ pid, started }))
    const third = await Store.open(dir, { now })
    expect(third.state).toBe('locked')
    expect(third.detail).toContain(String(pid))
    await third.close()
  })
})

describe('who may read the data files (issue 15, point 16)', () => {
  const tempDir = useTempDirs()
  const posix = process.platform !== 'win32'

  /** Every file and folder under `dir` (itself included) with its permission bits. */
  async function modes(dir: string): Promise<Map<string, number>> {
    const found = new Map<string, number>([['.', (await stat(dir)).mode & 0o777]])
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      const path = join(entry.parentPath, entry.name)
      found.set(relative(dir, path), (await lstat(path)).mode & 0o777)
    }
    return found
  }

  /** A store with a journal, an archived month, a backup with its archive, and a lock. */
  async function fullStore(dir: string) {
    const store = await Store.open(dir, { now })
    const closedAt = '2026-09-01T08:00:00.000Z'
    await store.update((d) => {
      d.cases.push(makeCase({ status: 'closed', workflow: { ...emptyWorkflow(), closedAt } }))
      appendAudit(d, { at: now().toISOString(), by: null, action: 'test.seeded', target: '1' })
    })
    await store.compact()
    await store.backup('manual', now())
    await store.update((d) => void d.cases.push(makeCase()))
    return store
  }

  function expectPrivate(found: Map<string, number>) {
    const open = [...found].filter(([, mode]) => (mode & 0o077) !== 0).map(([p, m]) => `${p} ${m.toString(8)}`)
    expect(open).toEqual([])
  }

  it.runIf(posix)('are created for the user alone: files 0600, folders 0700', async () => {
    const dir = join(await tempDir(), 'data')
    const store = await fullStore(dir)
    const found = await modes(dir)
    for (const name of [
      'complaint-desk.json',
      'complaint-desk.journal',
      'complaint-desk.audit.jsonl',
      'complaint-desk.lock',
    ])
      expect(found.get(name)?.toString(8)).toBe('600')
    expect([...found.keys()].some((p) => p.startsWith('archive/cases-'))).toBe(true)
    expect([...found.keys()].some((p) => /^backups\/.*\.archive\/cases-/.test(p))).toBe(true)
    expect(found.get('.')?.toString(8)).toBe('700')
    expectPrivate(found)
    await store.close()
  })

  it.runIf(posix)('made by an older version (0644 files, 0755 folders) are closed at start', async () => {
    const dir = join(await tempDir(), 'data')
    const store = await fullStore(dir)
    await store.close()
    for (const [path] of await modes(dir)) {
      const full = join(dir, path)
      await chmod(full, (await stat(full)).isDirectory() ? 0o755 : 0o644)
    }
    const reopened = await Store.open(dir, { now })
    expectPrivate(await modes(dir))
    await reopened.close()
  })
})
