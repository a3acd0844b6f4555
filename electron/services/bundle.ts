import { gunzipSync, gzipSync } from 'node:zlib'
import { format } from 'date-fns'
import type { Case } from '@shared/schemas/case'
import { Bundle, BUNDLE_FORMAT, BUNDLE_VERSION, type ImportResult } from '@shared/schemas/bundle'
import { checkAttachment } from '@shared/values/attachments'
import { createHash } from 'node:crypto'
import { evidenceBytes } from './attachments'
import { canonical } from '../store'
import { actorOf, appendAudit, approverOf, type ServiceContext } from './context'
import { AppError } from './errors'
import type { GeneratedFile } from '@shared/schemas/files'

/**
 * 数据包: the whole branch (branch, departments, every live and archived case) as gzipped
 * JSON, for head office. Manager only: it holds customers' full phone numbers.
 */
export async function exportBundle(ctx: ServiceContext): Promise<GeneratedFile> {
  const approver = approverOf(ctx)
  const data = ctx.store.data
  const branch = data.branch ?? { name: '', code: '' }
  const now = ctx.now()
  // Written month by month, so the whole history is never one string in memory.
  const parts: string[] = []
  let count = 0
  const hashes = new Set<string>()
  for await (const cases of ctx.store.allCases()) {
    for (const c of cases) {
      parts.push(JSON.stringify(c))
      for (const a of c.workflow.attachments) hashes.add(a.hash)
    }
    count += cases.length
  }
  // The evidence files go with the cases, each once (a file missing here goes without: import says so).
  const files: string[] = []
  for (const hash of [...hashes].sort()) {
    const bytes = await evidenceBytes(ctx, hash)
    if (bytes) files.push(`${JSON.stringify(hash)}:${JSON.stringify(bytes.toString('base64'))}`)
  }
  const head = JSON.stringify({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: now.toISOString(),
    branch,
    departments: data.departments,
  })
  const json = `${head.slice(0, -1)},"cases":[${parts.join(',')}],"evidence":{${files.join(',')}}}`
  await ctx.store.update((d) =>
    appendAudit(d, {
      at: now.toISOString(),
      by: actorOf(ctx),
      action: 'data.exported',
      target: `${count}`,
      approvedBy: approver,
    }),
  )
  const bytes = gzipSync(Buffer.from(json, 'utf8'))
  return {
    fileName: `客诉台数据包-${branch.code}-${format(now, 'yyyyMMdd-HHmm')}.json.gz`,
    base64: bytes.toString('base64'),
  }
}

function readBundle(base64: string): Bundle {
  let raw: unknown
  try {
    const bytes = Buffer.from(base64, 'base64')
    const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8')
    raw = JSON.parse(text)
  } catch {
    throw new AppError('VALIDATION', {}, 'bundle.unreadable')
  }
  const parsed = Bundle.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('VALIDATION', { where: issue.path.join('.') }, 'bundle.invalid')
  }
  return parsed.data
}

/**
 * The evidence files the added cases name, from the bundle into the data folder before the
 * cases are saved. Each must be there, match its hash and pass the content check; otherwise
 * the bundle is refused and nothing is imported.
 */
async function storeEvidence(ctx: ServiceContext, bundle: Bundle, added: readonly Case[]): Promise<void> {
  const wanted = new Set(added.flatMap((c) => c.workflow.attachments.map((a) => a.hash)))
  const files: Buffer[] = []
  for (const hash of wanted) {
    const base64 = bundle.evidence?.[hash]
    const bytes = base64 === undefined ? null : Buffer.from(base64, 'base64')
    const fine =
      bytes !== null && createHash('sha256').update(bytes).digest('hex') === hash && checkAttachment(bytes).ok
    if (!fine) throw new AppError('VALIDATION', { where: `evidence.${hash.slice(0, 12)}` }, 'bundle.invalid')
    files.push(bytes)
  }
  for (const bytes of files) await ctx.store.putEvidence(bytes)
}

/** Top-level fields in which two versions of a case differ. */
function differences(a: Case, b: Case): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys]
    .filter((k) => canonical((a as Record<string, unknown>)[k]) !== canonical((b as Record<string, unknown>)[k]))
    .sort()
}

/**
 * Merges a branch's bundle into this installation (head office). A case is known by its
 * branch code and id: one already here and the same is skipped, so importing twice changes
 * nothing; one already here but different is reported as a conflict and left as it is.
 * Departments new to this installation are added, named with their branch code.
 */
export async function importBundle(ctx: ServiceContext, input: { base64: string }): Promise<ImportResult> {
  const approver = approverOf(ctx)
  const bundle = readBundle(input.base64)
  const archive = await ctx.store.archived()
  const live = new Map(ctx.store.data.cases.map((c) => [c.id, c]))
  const added: Case[] = []
  const conflicts: ImportResult['conflicts'] = []
  let unchanged = 0
  for (const incoming of bundle.cases) {
    const c = { ...incoming, branchCode: incoming.branchCode || bundle.branch.code }
    const here = live.get(c.id) ?? (archive.row(c.id) ? await archive.read(c.id) : null)
    if (!here) added.push(c)
    else if (here.branchCode !== c.branchCode)
      conflicts.push({ branchCode: c.branchCode, number: c.number, id: c.id, fields: ['branchCode'] })
    else {
      const fields = differences(here, c)
      if (fields.length === 0) unchanged += 1
      else conflicts.push({ branchCode: c.branchCode, number: c.number, id: c.id, fields })
    }
  }
  await storeEvidence(ctx, bundle, added)
  const known = new Set(ctx.store.data.departments.map((d) => d.id))
  const departments = bundle.departments
    .filter((d) => !known.has(d.id))
    .map((d) => ({ ...d, name: `${d.name} · ${bundle.branch.code}` }))
  const now = ctx.now().toISOString()
  await ctx.store.addCases(added, (d) => {
    d.departments.push(...departments)
    const summary = `${bundle.branch.code}: +${added.length} =${unchanged} !${conflicts.length}`
    appendAudit(d, { at: now, by: actorOf(ctx), action: 'data.imported', target: summary, approvedBy: approver })
  })
  return { branch: bundle.branch, added: added.length, unchanged, departmentsAdded: departments.length, conflicts }
}
