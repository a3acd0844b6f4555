import type { Case, CaseDraft, FieldChange } from '../schemas/case'
import type { Workflow } from '../schemas/workflow'
import { formatFen } from '../values/money'
import { toLocalDateTime } from '../values/localTime'

/**
 * Corrections (更正) of a saved case (docs/domain.md §2): the intake fields as the form
 * shows them, what an edit changed, and whether the rules now propose a lower class. Pure.
 */

/** The intake fields, in the form's order: every one may be corrected while the case is open. */
export const EDIT_FIELDS = [
  'receivedAt',
  'channel',
  'customerName',
  'phone',
  'customerType',
  'customerStyle',
  'mood',
  'departmentId',
  'category',
  'cause',
  'product',
  'amount',
  'lossAmount',
  'claimAmount',
  'receiptNo',
  'description',
  'demand',
  'demandNote',
  'customerWords',
  'situations',
  'fault',
  'resolvedAtDesk',
] as const satisfies readonly (keyof CaseDraft)[]
export type EditField = (typeof EDIT_FIELDS)[number]

/** A saved case's intake fields as the intake form holds them (amounts in yuan, 受理时间 local). */
export function intakeValues(c: Case): CaseDraft {
  return {
    receivedAt: toLocalDateTime(new Date(c.receivedAt)),
    channel: c.channel,
    customerName: c.customerName,
    phone: c.phone,
    customerType: c.customerType,
    customerStyle: c.customerStyle,
    mood: c.mood,
    departmentId: c.departmentId,
    category: c.category,
    cause: c.cause ?? '',
    product: c.product,
    amount: c.amountFen === null ? '' : formatFen(c.amountFen),
    lossAmount: c.lossFen === null || c.lossFen === undefined ? '' : formatFen(c.lossFen),
    claimAmount: c.claimFen === null ? '' : formatFen(c.claimFen),
    receiptNo: c.receiptNo,
    description: c.description,
    demand: c.demand,
    demandNote: c.demandNote,
    customerWords: c.customerWords ?? '',
    situations: c.situations,
    fault: c.fault,
    resolvedAtDesk: c.resolvedAtDesk,
  }
}

/** One field's value as text (ticked situations comma-separated, in their order). */
export function fieldText(values: CaseDraft, field: EditField): string {
  const value = values[field]
  return Array.isArray(value) ? [...value].sort().join(',') : (value ?? '')
}

/**
 * The fields whose values differ, in the form's order, each as text before and after.
 * `show` turns a value into what is recorded (a department's name, a masked phone…).
 */
export function changedFields(
  before: CaseDraft,
  after: CaseDraft,
  show: (field: EditField, text: string) => string = (_f, text) => text,
): FieldChange[] {
  return EDIT_FIELDS.filter((f) => fieldText(before, f) !== fieldText(after, f)).map((field) => ({
    field,
    before: show(field, fieldText(before, field)),
    after: show(field, fieldText(after, field)),
  }))
}

/**
 * Whether the rules now propose Class 1 for a Class 2 case: no Class 2 rule fires any more (an
 * edit re-ran them) and nobody raised it by hand. Lowering stays a manager's decision.
 */
export function lowerProposed(c: Pick<Case, 'caseClass'> & { workflow: Pick<Workflow, 'reasons' | 'classChange'> }) {
  return c.caseClass === 2 && !c.workflow.reasons.some((r) => r.kind === 'class2') && c.workflow.classChange?.to !== 2
}
