import type { z } from 'zod'

/**
 * A short, readable reason naming the first place where `error` found data wrong, e.g.
 * `cases[3].workflow.offers: Invalid input: expected array, received undefined`.
 */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'wrong shape'
  const path = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('')
  return `${path || 'the file'}: ${issue.message}`
}
