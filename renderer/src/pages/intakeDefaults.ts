import type { CaseDraft } from '@shared/schemas/case'
import { toLocalDateTime } from '@shared/values/localTime'

/**
 * Counter defaults: received now, at the counter, a regular customer, fault to be checked.
 * Mood, department, category and demand start empty so the clerk must choose them.
 */
export function intakeDefaults(now: Date): CaseDraft {
  return {
    receivedAt: toLocalDateTime(now),
    channel: 'counter',
    customerName: '',
    phone: '',
    customerType: 'regular',
    customerStyle: '',
    mood: '' as CaseDraft['mood'],
    departmentId: '',
    product: '',
    amount: '',
    lossAmount: '',
    claimAmount: '',
    receiptNo: '',
    category: '' as CaseDraft['category'],
    cause: '',
    description: '',
    demand: '' as CaseDraft['demand'],
    demandNote: '',
    customerWords: '',
    staffComplainedAbout: '',
    situations: [],
    fault: 'unclear',
    resolvedAtDesk: 'pending',
  }
}
