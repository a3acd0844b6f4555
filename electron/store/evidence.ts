import { createHash } from 'node:crypto'
import { copyFile, link, mkdir, readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DIR_MODE, fsyncDir, writeFileDurable } from './durableFile'

/**
 * Evidence files (docs/architecture.md, "Data"): the bytes of photos and PDFs attached to
 * cases, in `evidence/<sha256>`. A file is named by its content, so it is written once
 * (temp, fsync, rename, fsync the folder), never changed and never removed: the same content
 * attached twice is stored once, a backup hard-links it, a restore links back what is missing.
 */
export const EVIDENCE_DIR = 'evidence'
export const EVIDENCE_NAME = /^[0-9a-f]{64}$/

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

/** The evidence file of `hash` in `folder` (throws on anything that is not a hash: no path tricks). */
export function evidenceFile(folder: string, hash: string): string {
  if (!EVIDENCE_NAME.test(hash)) throw new RangeError(`not an evidence hash: ${hash}`)
  return join(folder, hash)
}

/** A stored evidence file whose bytes no longer match its name. */
export class EvidenceDamagedError extends Error {}

export class EvidenceFiles {
  /** Puts of one hash under way in this process (two at once would share a temp name): the later ones wait. */
  private readonly writing = new Map<string, Promise<boolean>>()

  constructor(readonly folder: string) {}

  /** Stores `bytes` durably under their hash; `stored: false` when the same content was there already. */
  async put(bytes: Uint8Array): Promise<{ hash: string; stored: boolean }> {
    const hash = sha256(bytes)
    const pending = this.writing.get(hash)
    if (pending) {
      await pending
      return { hash, stored: false }
    }
    // Registered before the first await, so a second put of the same bytes finds it.
    const put = this.write(hash, bytes)
    this.writing.set(hash, put)
    try {
      return { hash, stored: await put }
    } finally {
      this.writing.delete(hash)
    }
  }

  /** Writes the file unless it is there whole already; true when written. */
  private async write(hash: string, bytes: Uint8Array): Promise<boolean> {
    const file = evidenceFile(this.folder, hash)
    const existing = await stat(file).catch(() => null)
    if (existing?.size === bytes.length && (await this.intact(hash))) return false
    await mkdir(this.folder, { recursive: true, mode: DIR_MODE })
    await writeFileDurable(file, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    return true
  }

  /** The bytes stored under `hash`, checked against it; null when there is no such file. */
  async read(hash: string): Promise<Buffer | null> {
    const bytes = await readFile(evidenceFile(this.folder, hash)).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null
      throw err
    })
    if (bytes !== null && sha256(bytes) !== hash) throw new EvidenceDamagedError(`evidence ${hash} is damaged`)
    return bytes
  }

  async has(hash: string): Promise<boolean> {
    return (await stat(evidenceFile(this.folder, hash)).catch(() => null)) !== null
  }

  private async intact(hash: string): Promise<boolean> {
    return this.read(hash).then(
      (b) => b !== null,
      () => false,
    )
  }
}

/** The evidence file names in `folder` (null: no such folder). */
export async function evidenceIn(folder: string): Promise<string[] | null> {
  const names = await readdir(folder).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return null
    throw err
  })
  return names === null ? null : names.filter((n) => EVIDENCE_NAME.test(n)).sort()
}

/**
 * Links every evidence file of `from` that `to` lacks into `to` (a copy where the file system
 * has no hard links). Files already in `to` are left alone: same name, same content. Nothing
 * is ever removed, so a restore only ever brings files back. Returns how many were added.
 */
export async function linkEvidence(from: string, to: string): Promise<number> {
  const names = await evidenceIn(from)
  if (names === null || names.length === 0) return 0
  await mkdir(to, { recursive: true, mode: DIR_MODE })
  const present = new Set((await evidenceIn(to)) ?? [])
  let added = 0
  for (const name of names) {
    if (present.has(name)) continue
    await link(join(from, name), join(to, name)).catch(() => copyFile(join(from, name), join(to, name)))
    added += 1
  }
  if (added > 0) await fsyncDir(to)
  return added
}
