import { readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileDurable } from './durableFile'
import type { Recovery } from './recovery'

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
  /** Saves the journal acknowledged but no longer holds (by number): nothing may be left to set aside. */
  missing?: { first: number; last: number }
}

/** Data nothing could be read from, moved whole into a folder of its own when the desk started afresh. */
export interface SetAside {
  folder: string
  /** Why it could not be read (the damage found, or 'missing' with no usable backup). */
  reason: string
  at: string
}

/**
 * What a start did to the data that the user must be told about, kept in a file of its own
 * (`complaint-desk.notice.json`) so it is said at every start until a manager acknowledges it.
 */
export interface Notice {
  /** The backup a start put back in place of a damaged live file (the last such recovery). */
  recovery: Recovery | null
  unreadSaves: UnreadSaves[]
  /** The unreadable data a fresh start set aside (the last such start). */
  setAside: SetAside | null
}

const empty = (): Notice => ({ recovery: null, unreadSaves: [], setAside: null })

/** The notice on disk; none when there is no file (or one that cannot be read: it is rewritten at the next change). */
export async function readNotice(dir: string): Promise<Notice> {
  const text = await readFile(join(dir, NOTICE_FILE_NAME), 'utf8').catch(() => null)
  if (text === null) return empty()
  try {
    const found = JSON.parse(text) as Partial<Notice> | null
    return {
      recovery: found?.recovery ?? null,
      unreadSaves: Array.isArray(found?.unreadSaves) ? found.unreadSaves : [],
      setAside: found?.setAside ?? null,
    }
  } catch {
    return empty()
  }
}

/** Adds unread saves to the notice on disk (durably, before the journal is cut back); returns the new notice. */
export function addToNotice(dir: string, notice: Notice, unread: UnreadSaves): Promise<Notice> {
  return saveNotice(dir, {
    ...notice,
    unreadSaves: [...notice.unreadSaves.filter((u) => u.file !== unread.file), unread],
  })
}

/** Writes the notice, durably; returns it. */
export async function saveNotice(dir: string, notice: Notice): Promise<Notice> {
  await writeFileDurable(join(dir, NOTICE_FILE_NAME), JSON.stringify(notice))
  return notice
}

/** A manager has read it: the notice goes (what it told of stays where it was set aside). */
export async function clearNotice(dir: string): Promise<Notice> {
  await unlink(join(dir, NOTICE_FILE_NAME)).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err
  })
  return empty()
}
