import type { z } from 'zod'

/**
 * A short, readable reason naming the first place where `error` found data wrong, e.g.
 * `cases[3].workflow.offers: Invalid input: expected array, received undefined`. `root`
 * names what was parsed when it is part of something larger (`audit`).
 */
export function describeIssue(error: z.ZodError, root = ''): string {
  const issue = error.issues[0]
  if (!issue) return 'wrong shape'
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, root ? '.' : '')
  return `${root + path || 'the file'}: ${issue.message}`
}
