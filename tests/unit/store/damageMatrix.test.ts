// The damage matrix (issue 15): every file kind the store keeps × every kind of damage. Each
// row starts the store on a data folder as a crash leaves it (saves in the live file, the
// archive, a backup, and one save only in the journal), damages one file, and checks what
// the user is told (store state, recovery, notices, archive problems, the audit check) and
// that no acknowledged save is lost, except those in a damaged file that was their only copy,
// which the notice then names.
import { describe, expect, it } from 'vitest'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Case } from '@shared/schemas/case'
import { emptyWorkflow } from '@shared/schemas/workflow'
import { Store } from '../../../electron/store/store'
import { appendAudit } from '../../../electron/services/context'
import { makeCase } from '../../support/factories'
import { crashCopy } from '../../support/storeFiles'
import { useTempDirs } from '../../support/tempDir'

const NOW = new Date('2026-11-22T02:00:00Z')
const now = () => NOW
const by = { id: 's1', name: '李娜' }

function closedCase(id: string, closedAt: string): Case {
  return makeCase({ id, status: 'closed', receivedAt: closedAt, workflow: { ...emptyWorkflow(), closedAt } })
}

/** Every acknowledged save: L1, L2 live; A8, A9 archived (2026-08, 2026-09); J1 only in the journal. */
const ALL = ['A8', 'A9', 'J1', 'L1', 'L2']

/** A data folder as a crash leaves it, with a backup taken before J1 (holding everything else). */
async function crashedFolder(dir: string, into: string): Promise<string> {
  const store = await Store.open(dir, { now })
  await store.update((d) => {
    d.cases.push(makeCase({ id: 'L1' }), makeCase({ id: 'L2' }))
    d.cases.push(closedCase('A8', '2026-08-03T02:00:00Z'), closedCase('A9', '2026-09-03T02:00:00Z'))
    appendAudit(d, { at: NOW.toISOString(), by, action: 'case.created', target: 'four' })
  })
  await store.compact()
  await store.backup('manual', new Date(NOW.getTime() + 60_000))
  await store.update((d) => {
    d.cases.push(makeCase({ id: 'J1' }))
    appendAudit(d, { at: NOW.toISOString(), by, action: 'case.created', target: 'J1' })
  })
  const crashed = await crashCopy(dir, into)
  await store.close()
  return crashed
}

type FileKind =
  | 'live file'
  | 'journal'
  | 'archive month'
  | 'archive index'
  | 'archive text'
  | 'audit log'
  | 'backup JSON'
  | 'backup index'
  | 'lock file'
type Damage = 'truncated' | 'garbage' | 'deleted' | 'empty' | 'wrong shape' | 'null'

async function pathOf(dir: string, kind: FileKind): Promise<string> {
  switch (kind) {
    case 'live file':
      return join(dir, 'complaint-desk.json')
    case 'journal':
      return join(dir, 'complaint-desk.journal')
    case 'archive month':
      return join(dir, 'archive', 'cases-2026-09.json')
    case 'archive index':
      return join(dir, 'archive', 'index-2026-09.json')
    case 'archive text':
      return join(dir, 'archive', 'text-2026-09.txt')
    case 'audit log':
      return join(dir, 'complaint-desk.audit.jsonl')
    case 'backup JSON':
      return join(
        dir,
        'backups',
        (await readdir(join(dir, 'backups'))).find((n) => n.includes('.manual.') && n.endsWith('.json'))!,
      )
    case 'backup index':
      return join(dir, 'backups', 'index.json')
    case 'lock file':
      return join(dir, 'complaint-desk.lock')
  }
}

/** A lock left by an instance that crashed: its process is gone. */
const STALE_LOCK = JSON.stringify({ pid: 2 ** 22 + 1, started: '1', instance: 'gone', at: NOW.toISOString() })

async function damage(file: string, how: Damage, lines: boolean): Promise<void> {
  const bytes = await readFile(file).catch(() => Buffer.from(STALE_LOCK))
  switch (how) {
    case 'truncated':
      return writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)))
    case 'garbage': {
      // NUL bytes: never valid JSON, not even inside a string.
      const copy = Buffer.from(bytes)
      const at = Math.floor(copy.length / 3)
      copy.fill(0, at, Math.min(copy.length, at + 16))
      return writeFile(file, copy)
    }
    case 'deleted':
      return rm(file, { force: true })
    case 'empty':
      return writeFile(file, '')
    case 'wrong shape':
      return writeFile(file, lines ? '{"unexpected":true}\n' : '{"unexpected":true}')
    case 'null':
      return writeFile(file, lines ? 'null\n' : 'null')
  }
}

interface Told {
  state: string
  recovery: boolean
  notices: string[]
  unreadSaves: number
  archiveProblems: string[]
  auditOk: boolean | null
}

/** What a start on the damaged folder shows: what the user is told, which saves are there, whether saving works. */
async function startOn(dir: string, backupName: string) {
  const store = await Store.open(dir, { now })
  const archive = await store.archived().catch(() => null)
  const present = [...store.data.cases.map((c) => c.id), ...(archive?.list().map((r) => r.id) ?? [])].sort()
  // Each archived case opened, as the case page would: a damaged month says so (and is then reported).
  const unreadable: string[] = []
  for (const id of present) await store.readCase(id).catch((err: Error) => unreadable.push(`${id}: ${err.name}`))
  const audit = store.state === 'ok' ? await store.verifyAudit() : null
  const told: Told = {
    state: store.state,
    recovery: store.recovery !== null,
    notices: store.notices.map((n) => n.key),
    unreadSaves: (store as unknown as { unreadSaves?: readonly unknown[] }).unreadSaves?.length ?? 0,
    archiveProblems: store.archiveProblems,
    auditOk: audit?.ok ?? null,
  }
  const restore = await store
    .restore(backupName, NOW, () => undefined)
    .then(
      () => 'restored',
      (err: NodeJS.ErrnoException) => err.code ?? err.constructor.name,
    )
  const saves = await store
    .update((d) => void d.cases.push(makeCase({ id: 'after' })))
    .then(
      () => true,
      () => false,
    )
  await store.close()
  return { told, present, unreadable, restore, saves }
}

const OK: Told = { state: 'ok', recovery: false, notices: [], unreadSaves: 0, archiveProblems: [], auditOk: true }

/**
 * One row's expectation: what the user is told, the saves not readable afterwards (each one
 * must be named by what the user is told), cases that say they are damaged when opened, and
 * what a restore of the manual backup does. `todo`: the sibling's point that makes the row hold.
 */
interface Row {
  told?: Partial<Told>
  lost?: string[]
  unreadable?: string[]
  restore?: string
  /** Whether a save works at once after the start (not while data is missing). */
  saves?: boolean
  todo?: string
}

const LIVE_DAMAGED: Row = {
  // The newest backup is put back; the damaged file and its journal are kept aside, and the
  // recovery notice says what time later changes are missing from: J1 (only in the journal).
  told: { recovery: true },
  lost: ['J1'],
}
const MONTH_DAMAGED: Row = {
  // Not parsed at start (cheap check: months and counts only); opening its case says so and
  // reports the month (the same warning as at start) with the way back: a backup.
  told: { archiveProblems: ['2026-09'] },
  unreadable: ['A9: ArchiveMonthDamagedError'],
}
const BACKUP_DAMAGED: Row = { restore: 'BackupUnusableError' }

const MATRIX: Record<FileKind, Record<Damage, Row>> = {
  'live file': {
    truncated: LIVE_DAMAGED,
    garbage: LIVE_DAMAGED,
    // Data missing, never a new installation: nothing is written, and saves and the restore of
    // a chosen backup wait for the newest backup to be put back (restoreMissing), tested below.
    deleted: {
      told: { state: 'missing', auditOk: null },
      lost: ['A8', 'A9', 'J1', 'L1', 'L2'],
      restore: 'StoreUnavailableError',
      saves: false,
    },
    empty: LIVE_DAMAGED,
    'wrong shape': LIVE_DAMAGED,
    null: LIVE_DAMAGED,
  },
  journal: {
    // The journal is a save's only copy until the next fold; the journal mark (journalMark.ts)
    // says which save it acknowledged last, so saves removed, emptied or cut away outside the
    // app are named in the notice, and what is left of a cut line is set aside.
    truncated: { told: { unreadSaves: 1 }, lost: ['J1'] },
    garbage: { told: { unreadSaves: 1 }, lost: ['J1'] },
    deleted: { told: { unreadSaves: 1 }, lost: ['J1'] },
    empty: { told: { unreadSaves: 1 }, lost: ['J1'] },
    // Set aside and named in the unread-saves notice (the record itself was overwritten).
    'wrong shape': { told: { unreadSaves: 1 }, lost: ['J1'] },
    null: { told: { unreadSaves: 1 }, lost: ['J1'] },
  },
  'archive month': {
    truncated: MONTH_DAMAGED,
    garbage: MONTH_DAMAGED,
    deleted: { told: { archiveProblems: ['2026-09'] }, lost: ['A9'] },
    empty: MONTH_DAMAGED,
    'wrong shape': MONTH_DAMAGED,
    null: MONTH_DAMAGED,
  },
  // Index and text files are rebuilt from the month file: nothing lost, nothing to tell.
  'archive index': { truncated: {}, garbage: {}, deleted: {}, empty: {}, 'wrong shape': {}, null: {} },
  'archive text': { truncated: {}, garbage: {}, deleted: {}, empty: {}, 'wrong shape': {}, null: {} },
  // The audit warning (AppStatus.audit ok=false with where it breaks); the data is whole.
  'audit log': Object.fromEntries(DAMAGES_LIST().map((d) => [d, { told: { auditOk: false } }])) as Record<Damage, Row>,
  // A backup is a copy: nothing of the data is lost; a restore of the damaged one is refused.
  'backup JSON': {
    truncated: BACKUP_DAMAGED,
    garbage: BACKUP_DAMAGED,
    deleted: { restore: 'ENOENT' }, // not listed any more: the services answer NOT_FOUND
    empty: BACKUP_DAMAGED,
    'wrong shape': BACKUP_DAMAGED,
    null: BACKUP_DAMAGED,
  },
  // Described as empty and rebuilt: every backup is listed unchecked, then checked.
  'backup index': { truncated: {}, garbage: {}, deleted: {}, empty: {}, 'wrong shape': {}, null: {} },
  // A stale lock in any state is taken over.
  'lock file': { truncated: {}, garbage: {}, deleted: {}, empty: {}, 'wrong shape': {}, null: {} },
}

function DAMAGES_LIST(): Damage[] {
  return ['truncated', 'garbage', 'deleted', 'empty', 'wrong shape', 'null']
}

const FILES: FileKind[] = [
  'live file',
  'journal',
  'archive month',
  'archive index',
  'archive text',
  'audit log',
  'backup JSON',
  'backup index',
  'lock file',
]
const DAMAGES: Damage[] = DAMAGES_LIST()

describe('damage matrix (issue 15)', () => {
  it('live file deleted: putting the newest backup back brings its saves, with the journal set aside', async () => {
    const dir = await crashedFolder(await tempDir(), await tempDir())
    await rm(join(dir, 'complaint-desk.json'))
    const store = await Store.open(dir, { now })
    expect(store.state).toBe('missing')
    await store.restoreMissing()
    expect(store.state).toBe('ok')
    expect(store.recovery).not.toBeNull()
    const archive = await store.archived()
    const present = [...store.data.cases.map((c) => c.id), ...archive.list().map((r) => r.id)].sort()
    // The manual backup's saves are back; J1 lived only in the journal, which is set aside, not read.
    expect(present).toEqual(['A8', 'A9', 'L1', 'L2'])
    expect(
      (await readdir(dir)).some((n) => n.startsWith('complaint-desk.journal') && n.includes('without-live-file')),
    ).toBe(true)
    await store.close()
  })

  const tempDir = useTempDirs()
  for (const kind of FILES)
    for (const how of DAMAGES) {
      const row = MATRIX[kind][how]
      const title = `${kind}, ${how}`
      if (row.todo) {
        it.todo(`${title} — ${row.todo}`)
        continue
      }
      it(title, async () => {
        const source = await tempDir()
        const dir = await crashedFolder(source, await tempDir())
        const backupName = (await readdir(join(dir, 'backups'))).find(
          (n) => n.includes('.manual.') && n.endsWith('.json'),
        )!
        await damage(
          await pathOf(dir, kind),
          how,
          kind === 'journal' || kind === 'audit log' || kind === 'archive text',
        )
        const outcome = await startOn(dir, backupName)
        expect(outcome.told).toEqual({ ...OK, ...row.told })
        expect(ALL.filter((id) => !outcome.present.includes(id))).toEqual(row.lost ?? [])
        expect(outcome.unreadable).toEqual(row.unreadable ?? [])
        expect(outcome.saves).toBe(row.saves ?? true)
        // A restore of the manual backup: done when it is whole, refused (with nothing changed) when not.
        expect(outcome.restore).toBe(row.restore ?? 'restored')
      })
    }
})
