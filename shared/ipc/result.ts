// Errors cross the IPC boundary as data: a thrown Error would lose everything but its message.
export const ERROR_CODES = [
  'VALIDATION',
  'UNKNOWN_CHANNEL',
  'BAD_SENDER',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'WRONG_PIN',
  'LOCKED',
  'NOT_FOUND',
  'CONFLICT',
  'NOT_ALLOWED',
  'STORE_UNAVAILABLE',
  'DISK_FULL',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface FieldIssue {
  path: string
  message: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ApiError }
