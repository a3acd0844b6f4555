import { dirname } from 'node:path'
import { Low } from 'lowdb'
import type { Case } from '@shared/schemas/case'
import { AppendLog } from './appendLog'
import { JournalMark } from './journalMark'
import { DamagedFileError, DurableJsonAdapter } from './durableJsonAdapter'
import { interpretLive, type Interpreted } from './snapshot'
import { digestOf, LiveSeal } from './liveSeal'
import {
  emptyData,
  type AuditEntry,
  type Core,
  type DbData,
  type Draft,
  type JournalRecord,
  type Snapshot,
} from './schema'

/** What the document records besides the data, kept as it is until a fold writes it anew. */
export type Marks = Pick<Snapshot, 'auditHead' | 'archiveMonths'>

function coreOf(data: DbData): Core {
  const { cases: _c, handovers: _h, suggestions: _s, ...core } = data
  return core
}

/**
 * Live cases are never edited in place: an update replaces the case with a changed copy. A
 * draft shares the live cases and a save finds what changed by identity, so a case changed in
 * place would be seen but never saved; frozen, the change throws instead.
 */
function freeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) freezeAll(value)
  return value
}

// Indexed and for-in loops: Object.values() made an array per object, a third of a start's freezing.
function freezeAll(value: object): void {
  Object.freeze(value)
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i]
      if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeAll(v)
    }
  } else {
    for (const k in value) {
      const v: unknown = (value as Record<string, unknown>)[k]
      if (typeof v === 'object' && v !== null && !Object.isFrozen(v)) freezeAll(v)
    }
  }
}

/**
 * The live data (docs/architecture.md, "Data"): a lowdb document (`complaint-desk.json`,
 * settings, staff, open and recently finished cases) plus the journal of what changed since
 * it was written. A save appends one fsynced journal line, whatever the size of the document;
 * only a fold writes the document itself (db.write(): temp file, fsync, rename), then empties
 * the journal. `db.data` is always the current document, journal included.
 */
export class LiveDocument {
  readonly db: Low<Snapshot>
  /** db.data without its bookkeeping (journalSeq, archivedCases): what readers see. */
  private live: DbData
  private coreText = ''
  private journal: AppendLog | null = null
  private mark: JournalMark | null = null
  private found: Interpreted | null = null
  private marks: Marks = {}
  /** Vouches for the live file's bytes once the schema has passed them (liveSeal.ts). */
  private readonly seal: LiveSeal
  /** The digest of bytes just read that the schema took as they are and no seal vouched for yet. */
  private unsealed: string | null = null

  constructor(
    readonly file: string,
    readonly journalFile: string,
    now: () => Date,
  ) {
    // The document is read the way the app reads any data file (interpret: parse, shape,
    // migration in memory), unless its seal vouches for its bytes; what it found besides the
    // data (a migration, a newer version) is kept for the store to act on. A damaged file
    // throws and is never taken for empty. Bytes the schema took as they are get sealed.
    this.seal = new LiveSeal(file)
    const adapter = new DurableJsonAdapter<Snapshot>(
      file,
      async (text, bytes) => {
        const digest = digestOf(bytes)
        const { found, asIs } = interpretLive(text, now(), await this.seal.vouchesFor(digest))
        this.found = found
        if (found.kind === 'corrupt') throw new DamagedFileError(file, found.reason)
        if (asIs) this.unsealed = digest
        return found.data
      },
      async (text) => this.seal.written(text),
    )
    this.live = emptyData()
    this.db = new Low<Snapshot>(adapter, { ...this.live, journalSeq: 0, archivedCases: 0 })
    this.coreText = JSON.stringify(coreOf(this.live))
  }

  /**
   * Reads the document: null when there is none yet (a new installation). Bytes the schema
   * took as they are get sealed, unless `writable` is false (a read-only store writes nothing).
   */
  async read(writable = true): Promise<Interpreted | null> {
    this.found = null
    this.unsealed = null
    try {
      await this.db.read()
    } catch (err) {
      if (!(err instanceof DamagedFileError)) throw err
      return { kind: 'corrupt', reason: err.reason }
    }
    if (writable && this.unsealed !== null) await this.seal.seal(this.unsealed)
    const found = this.found as Interpreted | null
    if (found?.kind === 'ok') this.set(found.data)
    // A file from a newer version is shown as it is and never written (the store refuses saves).
    if (found?.kind === 'too_new') this.live = found.data
    return found
  }

  /** The live data, without the document's bookkeeping (journalSeq, archivedCases). */
  get data(): DbData {
    return this.live
  }

  /** What the file said when it was read (or the backup put back): where the audit trail ended. */
  get recorded(): Marks {
    return this.marks
  }

  get journalSeq(): number {
    return this.db.data.journalSeq
  }

  /** Bytes in the journal: a fold is due when it has grown enough. */
  get journalBytes(): number {
    return this.journal?.size ?? 0
  }

  /** Makes `data` the document (read from disk, a backup being put back, or migrated). */
  set(data: Snapshot): void {
    const { journalSeq, archivedCases, auditHead, archiveMonths, ...rest } = data
    this.marks = { auditHead, archiveMonths }
    this.replace(
      {
        ...rest,
        cases: rest.cases.map(freeze),
        handovers: rest.handovers ?? [],
        suggestions: (rest.suggestions ?? []).map(freeze),
      },
      journalSeq,
      archivedCases,
    )
  }

  private replace(
    data: DbData,
    journalSeq: number,
    archivedCases = this.db.data.archivedCases,
    coreText = JSON.stringify(coreOf(data)),
  ): void {
    this.live = data
    this.db.data = { ...data, journalSeq, archivedCases, ...this.marks }
    this.coreText = coreText
  }

  /** Replays one journal record: every part is the whole new version, so replaying twice is harmless. */
  replay(record: JournalRecord): void {
    const live = this.live
    const cases = new Map(live.cases.map((c) => [c.id, c]))
    for (const c of record.cases ?? []) cases.set(c.id, freeze(c))
    const handoverIds = new Set(live.handovers.map((h) => h.id))
    const handovers = [...live.handovers, ...(record.handovers ?? []).filter((h) => !handoverIds.has(h.id))]
    const suggestions = new Map(live.suggestions.map((s) => [s.id, s]))
    for (const s of record.suggestions ?? []) suggestions.set(s.id, freeze(s))
    this.replace(
      {
        ...(record.core ?? coreOf(live)),
        cases: [...cases.values()],
        handovers,
        suggestions: [...suggestions.values()],
      },
      record.n,
    )
  }

  /** Opens the journal for appending after its first `validBytes` (the rest is a torn line). */
  async openJournal(validBytes: number): Promise<void> {
    this.journal = await AppendLog.open(this.journalFile, validBytes)
    // What the journal holds from now on is counted from here (the start compared the last mark first).
    this.mark?.close()
    this.mark = await JournalMark.open(dirname(this.journalFile), this.journalSeq)
  }

  /** A backup's data was put back: its numbering of saves starts the mark again. */
  resetMark(): Promise<void> {
    return this.mark?.reset(this.journalSeq) ?? Promise.resolve()
  }

  /** A copy of the live data for an update to change (cases are shared: they are frozen). */
  draft(auditHead: Draft['auditHead']): Draft {
    const before = this.live
    return {
      ...structuredClone(coreOf(before)),
      cases: before.cases.slice(),
      handovers: before.handovers.slice(),
      suggestions: before.suggestions.slice(),
      audit: [],
      auditHead,
    }
  }

  /**
   * Makes a changed draft the live data once its journal line is on disk. Returns the
   * audit entries it added and the cases it changed, or null when nothing changed (and
   * nothing was written).
   */
  async commit(draft: Draft): Promise<{ audit: AuditEntry[]; cases: readonly Case[] } | null> {
    const before = this.live
    const { audit, auditHead: _h, ...after } = draft
    const known = new Set(before.cases)
    const record: JournalRecord = { n: this.journalSeq + 1 }
    const core = coreOf(after)
    const coreText = JSON.stringify(core)
    if (coreText !== this.coreText) record.core = core
    const cases = after.cases.filter((c) => !known.has(c))
    if (cases.length > 0) record.cases = cases
    const handovers = after.handovers.slice(before.handovers.length)
    if (handovers.length > 0) record.handovers = handovers
    const knownSuggestions = new Set(before.suggestions)
    const suggestions = after.suggestions.filter((s) => !knownSuggestions.has(s))
    if (suggestions.length > 0) record.suggestions = suggestions
    if (audit.length > 0) record.audit = audit
    if (Object.keys(record).length === 1) return null
    await this.journal!.append([JSON.stringify(record)])
    this.mark?.note(record.n)
    cases.forEach(freeze)
    suggestions.forEach(freeze)
    this.replace(after, record.n, undefined, coreText)
    return { audit, cases }
  }

  /** Takes cases out of the live data (they went to the archive; the fold writes that). */
  remove(moved: ReadonlySet<Case>): void {
    this.replace(
      { ...this.live, cases: this.live.cases.filter((c) => !moved.has(c)) },
      this.journalSeq,
      undefined,
      this.coreText,
    )
  }

  /** Writes the document (journal folded in), noting the archive's size, then empties the journal. */
  async fold(archivedCases: number, marks?: Marks): Promise<void> {
    await this.write(archivedCases, marks)
    await this.journal!.clear()
  }

  /** Writes the document as it is now (a new installation, a recovery, a fold). */
  async write(archivedCases: number, marks?: Marks): Promise<void> {
    if (marks) this.marks = { ...this.marks, ...marks }
    this.db.data = { ...this.db.data, archivedCases, ...this.marks }
    await this.db.write()
  }

  async close(): Promise<void> {
    await this.journal?.close()
    this.mark?.close()
    await this.seal.flush() // the bytes of the last fold, sealed for the next start
  }
}
