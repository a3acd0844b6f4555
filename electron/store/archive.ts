import { link, copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Case, CaseQuery } from '@shared/schemas/case'
import { searchText, sortCases } from '@shared/rules/caseQuery'
import { writeFileDurable } from './durableFile'

export const ARCHIVE_DIR = 'archive'
const INDEX = /^index-(\d{4}-\d{2})\.json$/
const casesFile = (month: string) => `cases-${month}.json`
const indexFile = (month: string) => `index-${month}.json`

/**
 * What the list, search and history rules need of an archived case, kept in memory; the
 * full case stays in its month's file until someone opens it. Field names are the case's,
 * so the same filter works on both.
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
  product: string
  receiptNo: string
  description: string
  demandNote: string
  /** The month file (YYYY-MM of closing or voiding) that holds the case. */
  month: string
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
    product: c.product,
    receiptNo: c.receiptNo,
    description: c.description,
    demandNote: c.demandNote,
    month,
  }
}

/**
 * Closed and voided cases, one pair of files per month: `cases-YYYY-MM.json` (the cases)
 * and `index-YYYY-MM.json` (their rows). Only the index is read at start. Each file is
 * written durably, cases first, so a crash leaves at worst a case in two places, which the
 * next load settles (the later month wins) and the next archiving cleans up.
 */
export class Archive {
  private rows = new Map<string, ArchiveRow>()
  private rowList: ArchiveRow[] | null = null
  private sortedLists = new Map<string, ArchiveRow[]>()
  private cache = new Map<string, Map<string, Case>>()
  /** Month files still holding a copy of a case that went back into the live file. */
  private detached = new Map<string, string>()

  private constructor(readonly dir: string) {}

  static empty(dataDir: string): Archive {
    return new Archive(join(dataDir, ARCHIVE_DIR))
  }

  static async load(dataDir: string): Promise<Archive> {
    const archive = new Archive(join(dataDir, ARCHIVE_DIR))
    const names = (await readdir(archive.dir).catch(() => [] as string[])).filter((n) => INDEX.test(n)).sort()
    const texts = await Promise.all(names.map((n) => readFile(join(archive.dir, n), 'utf8')))
    for (const text of texts) for (const row of JSON.parse(text) as ArchiveRow[]) archive.rows.set(row.id, row)
    // Warm what the first list and search need, while nobody is waiting yet.
    for (const row of archive.list()) archive.text(row)
    archive.sorted('receivedAt', 'desc')
    return archive
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

  /** A row's lower-cased searchable text, worked out once per row (kept on it, out of sight of JSON and spreads). */
  readonly text = (row: ArchiveRow): string => {
    const held = row as ArchiveRow & { searchText?: string }
    if (held.searchText === undefined) Object.defineProperty(held, 'searchText', { value: searchText(row), enumerable: false })
    return held.searchText!
  }

  private changed(): void {
    this.rowList = null
    this.sortedLists.clear()
  }

  row(id: string): ArchiveRow | undefined {
    return this.rows.get(id)
  }

  months(): string[] {
    return [...new Set(this.list().map((r) => r.month))].sort()
  }

  /** The full cases of one month (the last few months read stay cached). */
  async month(month: string): Promise<Map<string, Case>> {
    const cached = this.cache.get(month)
    if (cached) return cached
    const text = await readFile(join(this.dir, casesFile(month)), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return '[]'
      throw err
    })
    const cases = new Map((JSON.parse(text) as Case[]).map((c) => [c.id, c]))
    this.cache.set(month, cases)
    if (this.cache.size > 4) this.cache.delete(this.cache.keys().next().value!)
    return cases
  }

  async read(id: string): Promise<Case | null> {
    const row = this.rows.get(id)
    return row ? ((await this.month(row.month)).get(id) ?? null) : null
  }

  /** Adds (or replaces) finished cases in their month files; a copy left in another month is removed. */
  async put(cases: readonly Case[]): Promise<void> {
    if (cases.length === 0) return
    await mkdir(this.dir, { recursive: true })
    const byMonth = new Map<string, Case[]>()
    for (const c of cases) {
      const month = (finishedAt(c) ?? c.createdAt).slice(0, 7)
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
  }

  /** Forgets a case that went back into the live file (its copy stays on disk until it is archived again). */
  forget(id: string): void {
    const row = this.rows.get(id)
    if (!row) return
    this.detached.set(id, row.month)
    this.rows.delete(id)
    this.changed()
  }

  private async writeMonth(month: string, cases: Map<string, Case>): Promise<void> {
    const all = [...cases.values()]
    await writeFileDurable(join(this.dir, casesFile(month)), JSON.stringify(all))
    const rows = all.map((c) => toRow(c, month))
    await writeFileDurable(join(this.dir, indexFile(month)), JSON.stringify(rows))
    this.cache.set(month, cases)
    for (const [id, row] of this.rows) if (row.month === month && !cases.has(id)) this.rows.delete(id)
    for (const row of rows) this.rows.set(row.id, row)
    this.changed()
  }
}

/**
 * Puts the month files of `from` (a backup's archive folder) in place of `to`'s, by hard link
 * where the file system allows (they are never written in place, so a link is a snapshot).
 */
export async function linkArchive(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true })
  for (const name of await readdir(from).catch(() => [] as string[])) {
    const target = join(to, name)
    await rm(target, { force: true })
    await link(join(from, name), target).catch(() => copyFile(join(from, name), target))
  }
}
