import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import type { ChainVerifier } from './auditChain'
import type { AuditEntry } from './schema'

const missingIsEmpty = (err: NodeJS.ErrnoException) => {
  if (err.code === 'ENOENT') return ''
  throw err
}

/** Every whole entry of the audit log (a torn last line is left out). */
export async function readAuditLog(file: string): Promise<AuditEntry[]> {
  const text = await readFile(file, 'utf8').catch(missingIsEmpty)
  const lines = text.split('\n')
  lines.pop() // after the last \n: empty, or a torn write
  return lines.map((l) => JSON.parse(l) as AuditEntry)
}

/** Streams the log's first `bytes` through `verifier` line by line, so a long trail is never held whole. */
export async function streamAudit(file: string, verifier: ChainVerifier, bytes: number): Promise<void> {
  if (
    bytes === 0 ||
    !(await stat(file).then(
      () => true,
      () => false,
    ))
  )
    return
  let pending: string | null = null
  for await (const line of createInterface({
    input: createReadStream(file, { encoding: 'utf8', end: bytes - 1 }),
    crlfDelay: Infinity,
  })) {
    if (pending !== null) check(pending, verifier)
    pending = line
  }
  // The last line counts only if it is whole (a torn write is dropped, as on open).
  if (pending) {
    try {
      verifier.push(JSON.parse(pending) as AuditEntry)
    } catch {
      /* torn */
    }
  }
}

function check(line: string, verifier: ChainVerifier): void {
  try {
    verifier.push(JSON.parse(line) as AuditEntry)
  } catch {
    verifier.unreadable()
  }
}

/** The last entry that still parses, when the end of the log is damaged. */
export async function lenientHead(file: string): Promise<{ last: AuditEntry | null; validBytes: number }> {
  const text = await readFile(file, 'utf8').catch(missingIsEmpty)
  // New entries start after the last newline (a torn tail is cut off).
  const validBytes = Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1))
  const lines = text.split('\n')
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      return { last: JSON.parse(lines[i]) as AuditEntry, validBytes }
    } catch {
      /* keep looking */
    }
  }
  return { last: null, validBytes }
}
