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
 * The live file's seal (docs/architecture.md, "The seal"): the SHA-256 of bytes the app wrote
 * or read and found to be a document the Snapshot schema takes exactly as it is, with the
 * fingerprint of that schema's code. At start, a live file whose bytes have that digest under
 * today's fingerprint is what the schema already passed, so it is read without parsing it
 * with zod again; any other byte, a changed schema, or no seal, and it is parsed in full.
 * The seal is a hint, never data: it is written without an fsync after the live file is
 * durably in place, and a seal lost, torn or stale only costs that full parse.
 */
export class LiveSeal {
  /** The digest the seal file holds for today's fingerprint (null: none known). */
  private sealed: string | null = null
  /** Bytes written and not checked yet: checked once the app is idle, or at close. */
  private pending: { text: string; digest: string } | null = null
  private timer: NodeJS.Timeout | null = null
  private work: Promise<void> = Promise.resolve()

  constructor(
    readonly liveFile: string,
    private readonly checkAfterMs = 1000,
  ) {}

  get file(): string {
    return this.liveFile + SEAL_SUFFIX
  }

  /** Whether the seal vouches for these bytes of the live file. */
  async vouchesFor(digest: string): Promise<boolean> {
    const seal = await readSeal(this.file)
    this.sealed = seal?.schema === liveFingerprint() ? seal.sha256 : null
    return this.sealed === digest
  }

  /**
   * The live file now holds `text`, durably. Bytes already sealed need nothing; others are
   * checked a moment later, not in the fold's way: the check is a full zod parse (a start
   * that folds a journal in would pay it before the window opens, a save wait behind it).
   */
  written(text: string): void {
    const digest = digestOf(text)
    this.pending = digest === this.sealed ? null : { text, digest }
    if (this.pending === null || this.timer !== null) return
    this.timer = setTimeout(() => void this.flush(), this.checkAfterMs)
    this.timer.unref() // never keeps the process up: at worst the next start parses in full
  }

  /** Checks the bytes last written now, sealing them if the schema takes them as they are (at close). */
  flush(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    const pending = this.pending
    this.pending = null
    if (pending) this.work = this.work.then(() => (checked(pending.text) ? this.seal(pending.digest) : undefined))
    return this.work
  }

  /** Seals `digest`: the schema took those bytes exactly as they are. */
  async seal(digest: string): Promise<void> {
    if (digest === this.sealed) return
    this.sealed = null
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
