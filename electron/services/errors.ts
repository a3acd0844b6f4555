import type { ErrorCode, FieldIssue } from '@shared/ipc/result'

/**
 * A refusal the user should read. `messageKey` and `params` are translated by the
 * dispatcher into the user's language; `issues` point at form fields.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly messageKey: string = `errors.${code}`,
    readonly issues?: FieldIssue[],
  ) {
    super(`${code} ${JSON.stringify(params)}`)
  }
}
