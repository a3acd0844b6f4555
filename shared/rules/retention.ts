import { addMonths } from 'date-fns'
import type { CaseStatus } from '../values/options'

/** What an anonymised case shows for the customer's name (the phone is blanked). */
export const ANONYMISED_NAME = '（已匿名）'

/**
 * Whether a case is past the branch's retention period and still names its customer
 * (docs/domain.md §10): finished (closed or voided), received at least `months` months before
 * `now`, not yet anonymised. No period set: never. Nothing is deleted either way.
 */
export function pastRetention(
  c: { status: CaseStatus; receivedAt: string; customerName: string; phone: string },
  months: number | null | undefined,
  now: Date,
): boolean {
  if (!months) return false
  if (c.status !== 'closed' && c.status !== 'voided') return false
  if (c.customerName === ANONYMISED_NAME && c.phone === '') return false
  return addMonths(new Date(c.receivedAt), months).getTime() <= now.getTime()
}
