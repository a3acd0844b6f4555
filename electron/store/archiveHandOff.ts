import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Case } from '@shared/schemas/case'
import { Archive, ARCHIVE_DIR, linkArchive } from './archive'
import type { Draft } from './schema'

/** What the hand-off needs of the store: the live cases, the policy, and its write path. */
export interface ArchiveHost {
  /** The live cases as they are now (those are not archived ones). */
  liveCases(): readonly Case[]
  /** Of `cases`, those the policy says belong in the archive now. */
  forArchive(cases: readonly Case[]): Case[]
  update(mutate: (draft: Draft) => void): Promise<void>
  /** Runs a write in turn with every other one; it throws when the store cannot be written. */
  write<T>(task: () => Promise<T>): Promise<T>
  /** Cases per archive month the live file recorded at its last fold (none in older files). */
  recordedMonths(): Record<string, number> | undefined
}

/**
 * The store's side of the archive (archive.ts holds the month files): when its index is
 * read, and the questions that span live and archived cases. The index is read in the
 * background once the live data is open, so opening is not slowed by it; what needs the
 * whole history waits for it via archived(), and a fold or an import starts it at once.
 */
export class ArchiveHandOff {
  private loading: Promise<Archive>
  private loaded: Archive | null = null
  private start!: () => void
  private readonly gate = new Promise<void>((resolve) => (this.start = resolve))

  constructor(
    private readonly dataDir: string,
    private readonly store: ArchiveHost,
  ) {
    this.loading = Promise.resolve(Archive.empty(dataDir))
  }

  /** Reads the index (once started); cases live by then are forgotten there. */
  reload(): Promise<Archive> {
    this.loaded = null
    this.loading = this.gate
      .then(() => Archive.load(this.dataDir, this.store.recordedMonths()))
      .then((archive) => {
        for (const c of this.store.liveCases()) archive.forget(c.id)
        this.loaded = archive
        return archive
      })
    this.loading.catch(() => undefined) // reported to whoever asks for it
    return this.loading
  }

  /** Lets the index be read: once the live data is open. */
  open(): void {
    this.start()
  }

  /** The archive, once its index is read. */
  archived(): Promise<Archive> {
    return this.loading
  }

  /** The archive for a fold or an import: its index is read now if it was still waiting. */
  now(): Promise<Archive> {
    this.start()
    return this.loading
  }

  /** Archive months found damaged or missing (none until the index is read), oldest first. */
  get problems(): string[] {
    return [...(this.loaded?.problems.keys() ?? [])].sort()
  }

  /** Cases per month, to record at a fold (what was read, if the index is not read yet). */
  monthCounts(): Record<string, number> | undefined {
    return this.loaded?.monthCounts() ?? this.store.recordedMonths()
  }

  /** Archived cases, as far as known (0 until the index is read). */
  get size(): number {
    return this.loaded?.size ?? 0
  }

  /** Makes a backup's archive the current one (its month files are hard links) and reads it. */
  async replaceWith(backupArchive: string): Promise<void> {
    const current = join(this.dataDir, ARCHIVE_DIR)
    await rm(current, { recursive: true, force: true })
    await linkArchive(backupArchive, current)
    this.start()
    await this.reload()
  }

  /**
   * Every case that can have anything happen on or after local day `fromDay` (YYYY-MM-DD):
   * the live ones and the archived months from the one before `fromDay` on (a case is
   * archived by the month it finished, which is after everything that happened to it).
   */
  async casesSince(fromDay: string): Promise<Case[]> {
    const [y, m] = fromDay.split('-').map(Number)
    const first = new Date(Date.UTC(y, m - 2, 1)).toISOString().slice(0, 7)
    const archive = await this.loading
    const archived: Case[] = []
    for (const month of archive.months().filter((mo) => mo >= first))
      archived.push(...(await archive.currentCases(month)))
    return [...this.store.liveCases(), ...archived]
  }

  /** Every case, month by month from the archive then the live ones (for a full export). */
  async *allCases(): AsyncGenerator<readonly Case[]> {
    const archive = await this.loading
    for (const month of archive.months()) yield await archive.currentCases(month)
    yield this.store.liveCases()
  }

  /** Moves the live cases the policy says belong in the archive there (a fold); returns them. */
  async takeFinished(live: readonly Case[]): Promise<Case[]> {
    const archive = await this.now()
    return archive.put(this.store.forArchive(live))
  }

  /** A case by id, live or archived. */
  async readCase(id: string): Promise<Case | null> {
    return this.store.liveCases().find((c) => c.id === id) ?? (await (await this.loading).read(id))
  }

  /** Brings an archived case back into the live file (before it is changed). */
  async ensureLive(id: string): Promise<void> {
    if (this.store.liveCases().some((c) => c.id === id)) return
    const archive = await this.loading
    const archived = await archive.read(id)
    if (!archived) return
    await this.store.update((d) => {
      if (!d.cases.some((c) => c.id === id)) d.cases.push(structuredClone(archived))
    })
    archive.forget(id)
  }

  /**
   * Adds cases from elsewhere (an import): those the policy says belong in the archive go
   * straight there, the others into the live file. The caller has checked they are new.
   */
  async addCases(cases: readonly Case[], audit: (draft: Draft) => void): Promise<void> {
    const old = this.store.forArchive(cases)
    const oldIds = new Set((await this.store.write(async () => (await this.now()).put(old))).map((c) => c.id))
    await this.store.update((d) => {
      d.cases.push(...cases.filter((c) => !oldIds.has(c.id)).map((c) => structuredClone(c)))
      audit(d)
    })
  }
}
