import { z } from 'zod'
import { v } from '../values/messages'
import { ManagerApproval, optionalText, requiredText } from './common'

/** How the link to head office's PostgreSQL is secured (libpq's sslmode names; prefer/allow refused). */
export const SSL_MODES = ['disable', 'require', 'verify-full'] as const

const connectionShape = {
  /** Off: nothing is pushed (the outbox keeps everything for when it is turned on). */
  enabled: z.boolean({ message: v.invalid }),
  host: requiredText(200),
  port: z.number({ message: v.invalid }).int({ message: v.invalid }).min(1, { message: v.invalid }).max(65535, {
    message: v.invalid,
  }),
  database: requiredText(63),
  /** The branch's role at head office (branch_<code>). */
  user: requiredText(63),
  ssl: z.enum(SSL_MODES, { message: v.choose }),
  /** PEM file of the CA that signed head office's certificate (verify-full). */
  caFile: optionalText(500),
}

/** The link as a manager sets it; a blank password keeps the one stored. */
export const SetHeadOfficeInput = z.object({
  ...connectionShape,
  password: optionalText(200),
  approval: ManagerApproval,
})
export type SetHeadOfficeInput = z.infer<typeof SetHeadOfficeInput>

/** The link as shown: never the password, only whether one is stored and how. */
export const HeadOfficeView = z.object({
  ...connectionShape,
  passwordSet: z.boolean(),
  /** 'encrypted' by the OS (Electron safeStorage) or 'file' (the data folder's 0600 file, browser host). */
  passwordStorage: z.enum(['encrypted', 'file']),
})
export type HeadOfficeView = z.infer<typeof HeadOfficeView>

/**
 * Why head office last failed, for words on screen (the driver's own message stays in
 * `lastError`): not reached, its certificate refused, the login refused, the login may not
 * write this branch's rows, or a case refused by the database's rules.
 */
export const SYNC_PROBLEMS = ['unreachable', 'tls', 'login', 'permission', 'refused'] as const
export type SyncProblem = (typeof SYNC_PROBLEMS)[number]

/** 已同步 / 待同步 N 条 / 离线 since …, or off when no link is set; `connected` is head office's own database. */
export const SyncStatusView = z.object({
  state: z.enum(['off', 'synced', 'pending', 'offline', 'connected']),
  /** Changes waiting in the outbox. */
  pending: z.number().int(),
  /** When head office was first found unreachable (null while it is reachable). */
  offlineSince: z.string().nullable(),
  lastError: z.string().nullable(),
  problem: z.enum(SYNC_PROBLEMS).nullable(),
  lastPushAt: z.string().nullable(),
  /** Cases head office's database refused since the start (the rest went on); each is in the audit trail. */
  refused: z.array(z.object({ number: z.string(), reason: z.string() })),
})
export type SyncStatusView = z.infer<typeof SyncStatusView>

/** The status with nothing found yet: no link (the worker starts from it as `pending`). */
export const NO_SYNC: SyncStatusView = {
  state: 'off',
  pending: 0,
  offlineSince: null,
  lastError: null,
  problem: null,
  lastPushAt: null,
  refused: [],
}

/** What the running push worker reports (it is never off, and never head office's own). */
export type WorkerStatus = Omit<SyncStatusView, 'state'> & {
  state: Exclude<SyncStatusView['state'], 'off' | 'connected'>
}
