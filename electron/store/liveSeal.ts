import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { FILE_MODE } from './durableFile'
import { Snapshot } from './schema'
import { schemaFingerprint } from './schemaFingerprint'
import { takenAsIs } from './snapshot'

/** Beside the live file: `<live file>.seal`. */
export const SEAL_SUFFIX = '.seal'

interface SealFile {
  sha256: string
  schema: string
}

let fingerprint: string | undefined
/** The live file's schema fingerprint, worked out once per process. */
function liveFingerprint(): string {
  return (fingerprint ??= schemaFingerprint(Snapshot))
}

export function digestOf(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/**
 * The live file's seal (docs/architecture.md, "Data"): the SHA-256 of bytes the app wrote or
 * read and found to be a document the Snapshot schema takes exactly as it is, with the
 * fingerprint of that schema's code. At start, a live file whose bytes have that digest under
 * today's fingerprint is what the schema already passed, so it is read without parsing it
 * with zod again; any other byte, a changed schema, or no seal, and it is parsed in full.
 * The seal is a hint, never data: it is written without an fsync after the live file is
 * durably in place, and a seal lost, torn or stale only costs that full parse.
 */
export class LiveSeal {
  /** The digest the seal file holds for today's fingerprint (null: none known). */
  private sealed: string | null = null

  constructor(readonly liveFile: string) {}

  get file(): string {
    return this.liveFile + SEAL_SUFFIX
  }

  /** Whether the seal vouches for these bytes of the live file. */
  async vouchesFor(digest: string): Promise<boolean> {
    const seal = await readSeal(this.file)
    this.sealed = seal?.schema === liveFingerprint() ? seal.sha256 : null
    return this.sealed === digest
  }

  /** The live file now holds `text`, durably: sealed when the schema takes it as it is. */
  async written(text: string): Promise<void> {
    const digest = digestOf(text)
    if (digest === this.sealed) return // the same bytes as sealed: nothing to check
    await this.seal(digest, checked(text))
  }

  /** Seals `digest` (the schema took those bytes as they are), or forgets the seal. */
  async seal(digest: string, ok: boolean): Promise<void> {
    if (ok && digest === this.sealed) return
    this.sealed = null
    if (!ok) return // a stale seal left on disk vouches only for other bytes
    const seal: SealFile = { sha256: digest, schema: liveFingerprint() }
    try {
      await writeFile(this.file, `${JSON.stringify(seal)}\n`, { mode: FILE_MODE })
      this.sealed = digest
    } catch {
      // No seal: the next start parses the live file in full, as it would without one.
    }
  }
}

/** takenAsIs(), where a schema that throws means no seal (the write it follows has succeeded). */
function checked(text: string): boolean {
  try {
    return takenAsIs(text)
  } catch {
    return false
  }
}

async function readSeal(file: string): Promise<SealFile | null> {
  const text = await readFile(file, 'utf8').catch(() => null)
  if (text === null) return null
  try {
    const seal = JSON.parse(text) as Partial<SealFile>
    if (typeof seal.sha256 === 'string' && typeof seal.schema === 'string') return seal as SealFile
  } catch {
    // torn or damaged: no seal
  }
  return null
}
