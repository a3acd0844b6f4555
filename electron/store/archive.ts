import { link, copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import type { Case, CaseQuery } from '@shared/schemas/case'
import { complaintLine, searchText, sortCases } from '@shared/rules/caseQuery'
import { phoneDigits } from '@shared/values/phone'
import { DIR_MODE, writeFileDurable } from './durableFile'
import { DamagedFileError } from './durableJsonAdapter'
import { StoredCase } from './schema'
import { describeIssue } from './zodIssue'

export const ARCHIVE_DIR = 'archive'
const CASES = /^cases-(\d{4}-\d{2})\.json$/

/** A month file that cannot be read as cases (issue 15 point 7): its cases cannot be opened until it is restored. */
export class ArchiveMonthDamagedError extends DamagedFileError {
  override name = 'ArchiveMonthDamagedError'
  constructor(
    readonly month: string,
    file: string,
    reason: string,
  ) {
    super(file, reason)
  }
}

/** What is wrong with an archive month: its file does not parse, or the live file records cases there that are gone. */
export type MonthProblem = 'damaged' | 'missing'
const casesFile = (month: string) => `cases-${month}.json`
const indexFile = (month: string) => `index-${month}.json`
const textFile = (month: string) => `text-${month}.txt`

/**
 * What the list, the history rules and the summaries need of an archived case, kept in
 * memory; its searchable text is kept apart (see MonthText) and the full case stays in its
 * month's file until someone opens it. Field names are the case's, so filters work on both.
 */
export interface ArchiveRow {
  id: string
  number: string
  branchCode: string
  status: Case['status']
  caseClass: Case['caseClass']
  category: Case['category']
  customerName: string
  phone: string
  departmentId: string
  receivedAt: string
  situations: Case['situations']
  urgent: boolean
  /** 负责人 and the department handed to (rows written before owners existed lack them: 未分配). */
  ownerId?: string | null
  ownerName?: string | null
  ownerDepartmentId?: string | null
  /** The complaint in one line, for the list (rows written before it lack it). */
  summary?: string
  /** The month file (YYYY-MM of closing or voiding) that holds the case. */
  month: string
}

/**
 * A month's search text as UTF-8 bytes, one line per row in the index's order: a case's
 * lower-cased searchText with its fields split by \u0001. Searching is a byte search over
 * the whole month (no string per case is ever made); line starts map a hit to its row.
 */
interface MonthText {
  rows: ArchiveRow[]
  bytes: Buffer
  lineStarts: number[]
}

const FIELD = '\u0001'
const ORDINAL = Symbol('ordinal')
type Numbered = ArchiveRow & { [ORDINAL]: number }

/** A case's search line: its searchText and phone digits, fields split by \u0001, no line breaks inside. */
function textLine(c: Case): string {
  return [...searchText(c).split('\n'), phoneDigits(c.phone)].map((f) => f.replace(/[\r\n\u0001]/g, ' ')).join(FIELD)
}

/** When a closed or voided case was finished; null for one still open. */
export function finishedAt(c: Case): string | null {
  if (c.status === 'closed') return c.workflow.closedAt ?? c.createdAt
  if (c.status === 'voided') return c.workflow.voided?.at ?? c.createdAt
  return null
}

export function toRow(c: Case, month: string): ArchiveRow {
  return {
    id: c.id,
    number: c.number,
    branchCode: c.branchCode,
    status: c.status,
    caseClass: c.caseClass,
    category: c.category,
    customerName: c.customerName,
    phone: c.phone,
    departmentId: c.departmentId,
    receivedAt: c.receivedAt,
    situations: c.situations,
    urgent: c.workflow.urgent,
    ownerId: c.workflow.owner?.id ?? null,
    ownerName: c.workflow.owner?.name ?? null,
    ownerDepartmentId: c.workflow.ownerDepartmentId,
    summary: complaintLine(c.description),
    month,
  }
}

function lineStartsOf(bytes: Buffer): number[] {
  const starts: number[] = []
  for (let at = 0; at < bytes.length;) {
    starts.push(at)
    const end = bytes.indexOf(0x0a, at)
    at = end === -1 ? bytes.length : end + 1
  }
  return starts
}

/**
 * Closed and voided cases, three files per month: `cases-YYYY-MM.json` (the cases),
 * `index-YYYY-MM.json` (their rows) and `text-YYYY-MM.txt` (their search text). Only the
 * last two are read at start. Each file is written durably, cases first; an index or text
 * file that is missing, damaged or out of step is rebuilt from the cases file. A crash
 * leaves at worst a case in two months, which the next load settles (the later month wins)
 * and the next archiving cleans up.
 */
export class Archive {
  private rows = new Map<string, ArchiveRow>()
  private texts = new Map<string, MonthText>()
  private rowList: ArchiveRow[] | null = null
  private sortedLists = new Map<string, ArchiveRow[]>()
  private cache = new Map<string, Map<string, Case>>()
  /** Month files still holding a copy of a case that went back into the live file. */
  private detached = new Map<string, string>()
  private ordinals = 0
  /** Months found damaged or missing (at load, or when a month file is read), by month. */
  readonly problems = new Map<string, MonthProblem>()
  /** Cases per month the live file recorded at its last fold. */
  private recorded: Record<string, number> = {}

  private constructor(readonly dir: string) {}

  static empty(dataDir: string): Archive {
    return new Archive(join(dataDir, ARCHIVE_DIR))
  }

  /**
   * Reads every month's index (not its cases). `recorded` is how many cases each month held at
   * the live file's last fold: a month recorded but gone, or holding fewer than recorded, is a
   * problem, and so is a month whose index and cases file are both damaged. The other months
   * load as usual; the problems are reported (Store.archiveProblems), never silently dropped.
   */
  static async load(dataDir: string, recorded: Record<string, number> = {}): Promise<Archive> {
    const archive = new Archive(join(dataDir, ARCHIVE_DIR))
    archive.recorded = recorded
    const months = (await readdir(archive.dir).catch(() => [] as string[]))
      .flatMap((n) => CASES.exec(n)?.[1] ?? [])
      .sort()
    const loaded = await Promise.all(
      months.map((m) =>
        archive.readMonthIndex(m).catch((err: unknown) => {
          if (!(err instanceof ArchiveMonthDamagedError)) throw err
          return null
        }),
      ),
    )
    months.forEach((month, i) => {
      const text = loaded[i]
      if (text) archive.setMonth(month, text)
    })
    archive.compareWithRecord()
    archive.sorted('receivedAt', 'desc') // what the first list needs, while nobody waits yet
    return archive
  }

  /** Cases per month as the rows say now (each case counted in its current month). */
  private counts(): Map<string, number> {
    const counts = new Map<string, number>()
    for (const row of this.rows.values()) counts.set(row.month, (counts.get(row.month) ?? 0) + 1)
    return counts
  }

  /** Months the live file records cases in that are not there (a move between months is not a loss). */
  private compareWithRecord(): void {
    const counts = this.counts()
    const total = [...counts.values()].reduce((a, b) => a + b, 0)
    const recordedTotal = Object.values(this.recorded).reduce((a, b) => a + b, 0)
    for (const [month, n] of Object.entries(this.recorded)) {
      if (n === 0 || this.problems.has(month)) continue
      const found = counts.get(month) ?? 0
      if (found === 0 || (found < n && total < recordedTotal)) this.problems.set(month, 'missing')
    }
  }

  /** Cases per month to record at a fold: a month with a problem keeps what was recorded, so it stays reported. */
  monthCounts(): Record<string, number> {
    const counts = Object.fromEntries(this.counts())
    for (const month of this.problems.keys()) counts[month] = Math.max(counts[month] ?? 0, this.recorded[month] ?? 0)
    return counts
  }

  /** A month's rows and text from its index files, or rebuilt from its cases when they do not fit. */
  private async readMonthIndex(month: string): Promise<MonthText> {
    try {
      const [index, bytes] = await Promise.all([
        readFile(join(this.dir, indexFile(month)), 'utf8'),
        readFile(join(this.dir, textFile(month))),
      ])
      const rows = JSON.parse(index) as ArchiveRow[]
      const lineStarts = lineStartsOf(bytes)
      if (Array.isArray(rows) && lineStarts.length === rows.length) return { rows, bytes, lineStarts }
    } catch {
      /* missing or damaged: rebuilt below */
    }
    const cases = await this.month(month)
    // Rebuilt in memory when it cannot be written (a read-only folder): it is rebuilt again next time.
    return this.writeIndex(month, cases).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'EROFS' && err.code !== 'EACCES' && err.code !== 'EPERM') throw err
      return this.indexOf(month, cases)
    })
  }

  private setMonth(month: string, text: MonthText): void {
    for (const old of this.texts.get(month)?.rows ?? []) if (this.rows.get(old.id) === old) this.rows.delete(old.id)
    this.texts.set(month, text)
    for (const row of text.rows) {
      // Each row gets a number for the search's hit map (hidden: not in JSON, not in spreads).
      Object.defineProperty(row, ORDINAL, { value: this.ordinals++ })
      this.rows.set(row.id, row)
    }
    this.changed()
  }

  get size(): number {
    return this.rows.size
  }

  /** Every archived case's row (cached until the archive changes). */
  list(): readonly ArchiveRow[] {
    this.rowList ??= [...this.rows.values()]
    return this.rowList
  }

  /** The rows in a list order (each order sorted once, until the archive changes). */
  sorted(sort: CaseQuery['sort'] & string, dir: 'asc' | 'desc'): readonly ArchiveRow[] {
    const key = `${sort}:${dir}`
    let list = this.sortedLists.get(key)
    if (!list) {
      list = sortCases([...this.list()], sort, dir)
      this.sortedLists.set(key, list)
    }
    return list
  }

  /** The rows whose search text holds `needle` (lower-cased), or `digits`, within one field. */
  readonly search = (needle: string, digits: string | null = null): ((row: ArchiveRow) => boolean) => {
    const hits = new Uint8Array(this.ordinals)
    for (const text of [needle, ...(digits !== null && digits !== needle ? [digits] : [])]) this.collect(text, hits)
    return (row) => hits[(row as Numbered)[ORDINAL]] === 1
  }

  private collect(needle: string, hits: Uint8Array): void {
    if (/[\r\n\u0001]/.test(needle)) return
    const pattern = Buffer.from(needle, 'utf8')
    for (const { rows, bytes, lineStarts } of this.texts.values()) {
      let line = 0
      for (let at = bytes.indexOf(pattern); at !== -1; at = bytes.indexOf(pattern, at + 1)) {
        while (line + 1 < lineStarts.length && lineStarts[line + 1] <= at) line += 1
        // A row no longer current (its case went live, or moved month) is never asked about.
        hits[(rows[line] as Numbered)[ORDINAL]] = 1
        at = (lineStarts[line + 1] ?? bytes.length) - 1 // one hit per row is enough
      }
    }
  }

  row(id: string): ArchiveRow | undefined {
    return this.rows.get(id)
  }

  months(): string[] {
    return [...this.texts.keys()].sort()
  }

  /** The full cases of one month (the last few months read stay cached). */
  async month(month: string): Promise<Map<string, Case>> {
    const cached = this.cache.get(month)
    if (cached) return cached
    const file = join(this.dir, casesFile(month))
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '[]'
      throw err
    })
    let parsed: Case[]
    try {
      parsed = parseMonth(file, text)
    } catch (err) {
      if (!(err instanceof DamagedFileError)) throw err
      this.problems.set(month, 'damaged')
      throw new ArchiveMonthDamagedError(month, file, err.reason)
    }
    const cases = new Map(parsed.map((c) => [c.id, c]))
    this.cache.set(month, cases)
    if (this.cache.size > 4) this.cache.delete(this.cache.keys().next().value!)
    return cases
  }

  /** A month's cases that are current there (not since brought back live, nor moved to a later month). */
  async currentCases(month: string): Promise<Case[]> {
    let cases: Map<string, Case>
    try {
      cases = await this.month(month)
    } catch (err) {
      if (err instanceof ArchiveMonthDamagedError) return [] // reported (problems); the other months go on
      throw err
    }
    return [...cases.values()].filter((c) => this.rows.get(c.id)?.month === month)
  }

  async read(id: string): Promise<Case | null> {
    const row = this.rows.get(id)
    return row ? ((await this.month(row.month)).get(id) ?? null) : null
  }

  /**
   * Adds (or replaces) finished cases in their month files; a copy left in another month is
   * removed. A damaged month file is never written over: cases for it stay where they are
   * (in the live file). Returns the cases put.
   */
  async put(cases: readonly Case[]): Promise<Case[]> {
    const writable = (month: string) => this.problems.get(month) !== 'damaged'
    const monthOf = (c: Case) => (finishedAt(c) ?? c.createdAt).slice(0, 7)
    const oldMonthOf = (c: Case) => this.rows.get(c.id)?.month ?? this.detached.get(c.id)
    const put = cases.filter((c) => writable(monthOf(c)) && writable(oldMonthOf(c) ?? monthOf(c)))
    if (put.length === 0) return put
    await mkdir(this.dir, { recursive: true, mode: DIR_MODE })
    const byMonth = new Map<string, Case[]>()
    for (const c of put) {
      const month = monthOf(c)
      byMonth.set(month, [...(byMonth.get(month) ?? []), c])
    }
    const stale = new Map<string, string[]>()
    for (const [month, added] of byMonth) {
      const current = new Map(await this.month(month))
      for (const c of added) {
        const oldMonth = this.rows.get(c.id)?.month ?? this.detached.get(c.id)
        if (oldMonth && oldMonth !== month) stale.set(oldMonth, [...(stale.get(oldMonth) ?? []), c.id])
        this.detached.delete(c.id)
        current.set(c.id, c)
      }
      await this.writeMonth(month, current)
    }
    for (const [month, ids] of stale) {
      const current = new Map(await this.month(month))
      for (const id of ids) current.delete(id)
      await this.writeMonth(month, current)
    }
    return put
  }

  /** Forgets a case that went back into the live file (its copy stays on disk until it is archived again). */
  forget(id: string): void {
    const row = this.rows.get(id)
    if (!row) return
    this.detached.set(id, row.month)
    this.rows.delete(id)
    this.changed()
  }

  private changed(): void {
    this.rowList = null
    this.sortedLists.clear()
  }

  private async writeMonth(month: string, cases: Map<string, Case>): Promise<void> {
    await writeFileDurable(join(this.dir, casesFile(month)), JSON.stringify([...cases.values()]))
    this.cache.set(month, cases)
    this.setMonth(month, await this.writeIndex(month, cases))
  }

  /** A month's rows and text, from its cases. */
  private indexOf(month: string, cases: Map<string, Case>): MonthText {
    const all = [...cases.values()]
    const bytes = Buffer.from(all.map((c) => `${textLine(c)}\n`).join(''), 'utf8')
    return { rows: all.map((c) => toRow(c, month)), bytes, lineStarts: lineStartsOf(bytes) }
  }

  /** Writes a month's index and text files from its cases. */
  private async writeIndex(month: string, cases: Map<string, Case>): Promise<MonthText> {
    const { rows, bytes } = this.indexOf(month, cases)
    await mkdir(this.dir, { recursive: true, mode: DIR_MODE })
    await writeFileDurable(join(this.dir, textFile(month)), bytes)
    await writeFileDurable(join(this.dir, indexFile(month)), JSON.stringify(rows))
    return { rows, bytes, lineStarts: lineStartsOf(bytes) }
  }
}

const MonthCases = z.array(StoredCase)

/** A month file's cases, parsed (never cast): a file that does not parse or fit is reported damaged. */
function parseMonth(file: string, text: string): Case[] {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (err) {
    throw new DamagedFileError(file, `invalid JSON (${(err as Error).message})`)
  }
  const parsed = MonthCases.safeParse(raw)
  if (!parsed.success) throw new DamagedFileError(file, describeIssue(parsed.error))
  return parsed.data
}

/** The months (YYYY-MM) a folder holds month files for; null when there is no such folder. */
export async function archiveMonthsIn(folder: string): Promise<string[] | null> {
  const names = await readdir(folder).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null
    throw err
  })
  return names === null ? null : names.flatMap((n) => CASES.exec(n)?.[1] ?? []).sort()
}

/**
 * Puts the month files of `from` (a backup's archive folder) in place of `to`'s, by hard link
 * where the file system allows (they are never written in place, so a link is a snapshot).
 */
export async function linkArchive(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true, mode: DIR_MODE })
  for (const name of await readdir(from).catch(() => [] as string[])) {
    const target = join(to, name)
    await rm(target, { force: true })
    await link(join(from, name), target).catch(() => copyFile(join(from, name), target))
  }
}
