import { readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurable } from './durableFile'

export const NOTICE_FILE_NAME = 'complaint-desk.notice.json'

/** Saves the journal held that could not be read at start, set aside (issue 15, point 5). */
export interface UnreadSaves {
  /** Where they are now: the journal's bytes from the first unreadable line on, as they were. */
  file: string
  /** The first unreadable line of the journal, and how many whole lines (saves) followed from it. */
  line: number
  saves: number
  /** Their bytes in the journal. */
  fromByte: number
  toByte: number
  reason: string
  /** When they were set aside. */
  at: string
}

/**
 * What a start did to the data that the user must be told about, kept in a file of its own
 * (`complaint-desk.notice.json`) so it is said at every start until a manager acknowledges it.
 */
export interface Notice {
  unreadSaves: UnreadSaves[]
}

const empty = (): Notice => ({ unreadSaves: [] })

/** The notice on disk; none when there is no file (or one that cannot be read: it is rewritten at the next change). */
export async function readNotice(dir: string): Promise<Notice> {
  const text = await readFile(join(dir, NOTICE_FILE_NAME), 'utf8').catch(() => null)
  if (text === null) return empty()
  try {
    const found = JSON.parse(text) as Partial<Notice> | null
    return { unreadSaves: Array.isArray(found?.unreadSaves) ? found.unreadSaves : [] }
  } catch {
    return empty()
  }
}

/** Adds to the notice on disk (durably, before anything it tells of is done); returns the new notice. */
export async function addToNotice(dir: string, notice: Notice, unread: UnreadSaves): Promise<Notice> {
  const next = { unreadSaves: [...notice.unreadSaves.filter((u) => u.file !== unread.file), unread] }
  await writeFileDurable(join(dir, NOTICE_FILE_NAME), JSON.stringify(next))
  return next
}

/** A manager has read it: the notice goes (what it told of stays where it was set aside). */
export async function clearNotice(dir: string): Promise<Notice> {
  await unlink(join(dir, NOTICE_FILE_NAME)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err
  })
  return empty()
}
