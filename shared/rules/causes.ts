import { CAUSES_BY_CATEGORY, type Category, type Cause } from '../values/options'
import { CAUSE_KEYWORDS, CAUSE_PRIORITY } from '../domain/causeKeywords'
import { findKeyword } from './keywords'

/** The cause codes a category offers (docs/domain.md §3a); none for the others. */
export function causesFor(category: Category): readonly Cause[] {
  return (CAUSES_BY_CATEGORY as Partial<Record<Category, readonly Cause[]>>)[category] ?? []
}

/** Whether `cause` may stand on a case of `category`: blank always may. */
export function causeFits(category: Category, cause: Cause | '' | undefined): boolean {
  return !cause || causesFor(category).includes(cause)
}

/**
 * The cause the clerk's words point to, for a one-click suggestion: the first of the
 * category's causes (graver ones first) whose words occur, with the classification
 * keywords' matcher (negation, co-occurrence), or null.
 */
export function suggestCause(category: Category, text: string): { cause: Cause; keyword: string } | null {
  const rank = (c: Cause) => (CAUSE_PRIORITY.includes(c) ? CAUSE_PRIORITY.indexOf(c) : CAUSE_PRIORITY.length)
  const order = [...causesFor(category)].sort((a, b) => rank(a) - rank(b))
  for (const cause of order) {
    const hit = findKeyword(text, CAUSE_KEYWORDS[cause] ?? [])
    if (hit) return { cause, keyword: hit.keyword }
  }
  return null
}
