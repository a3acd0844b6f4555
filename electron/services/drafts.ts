import { createHash } from 'node:crypto'
import { mkdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { IntakeDraft, type IntakeDraftValues } from '@shared/schemas/draft'
import { DRAFTS_DIR, fsyncDir, StoreUnavailableError, writeFileDurable } from '../store'
import { requireSession, type ServiceContext } from './context'

/**
 * The caller's draft file. Named by a hash of the staff id (the session's, never the payload's),
 * so no id can name a path and one clerk's draft is never another's.
 */
function draftFile(ctx: ServiceContext): string {
  const { staff } = requireSession(ctx)
  const name = createHash('sha256').update(staff.id).digest('hex').slice(0, 32)
  return join(ctx.store.dir, DRAFTS_DIR, `${name}.json`)
}

/**
 * One change to a draft file at a time, in the order asked: two saves must not share
 * writeFileDurable's temp file, and a clear queued after a save must come after it.
 */
const queues = new Map<string, Promise<unknown>>()
function inTurn<T>(file: string, task: () => Promise<T>): Promise<T> {
  const next = (queues.get(file) ?? Promise.resolve()).then(task, task)
  const settled = next.catch(() => undefined)
  queues.set(file, settled)
  void settled.then(() => {
    if (queues.get(file) === settled) queues.delete(file)
  })
  return next
}

/** Nothing is written to a data folder the store may not write (read-only, another instance's, damaged). */
function assertWritable(ctx: ServiceContext): void {
  if (!ctx.store.writable) throw new StoreUnavailableError(ctx.store.state, ctx.store.file)
}

/** The caller's draft, or null when there is none (or it cannot be read: it was only ever a draft). */
export async function getDraft(ctx: ServiceContext): Promise<IntakeDraft | null> {
  const file = draftFile(ctx)
  return inTurn(file, async () => {
    const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null
      throw err
    })
    if (text === null) return null
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return null
    }
    const found = IntakeDraft.safeParse(json)
    return found.success ? found.data : null
  })
}

/** Keeps what the caller's intake form holds now, durably (temp file, fsync, rename), replacing the last. */
export async function saveDraft(ctx: ServiceContext, values: IntakeDraftValues): Promise<IntakeDraft> {
  const file = draftFile(ctx)
  assertWritable(ctx)
  const draft: IntakeDraft = { values, savedAt: ctx.now().toISOString() }
  await inTurn(file, async () => {
    await mkdir(join(ctx.store.dir, DRAFTS_DIR), { recursive: true, mode: 0o700 })
    await writeFileDurable(file, JSON.stringify(draft))
  })
  return draft
}

/** Removes the caller's draft (saved as a case, or given up); no draft is no error. */
export async function clearDraft(ctx: ServiceContext): Promise<null> {
  const file = draftFile(ctx)
  assertWritable(ctx)
  await inTurn(file, async () => {
    const removed = await unlink(file).then(
      () => true,
      (err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return false
        throw err
      },
    )
    if (removed) await fsyncDir(join(ctx.store.dir, DRAFTS_DIR))
  })
  return null
}
