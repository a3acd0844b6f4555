import type { FieldChange } from '../schemas/case'

/** A translate function (i18next's, or the PDF builders'). */
type T = (key: string, options?: Record<string, unknown>) => string

/** Fields whose recorded values are option ids, shown with their labels (options.<field>.<id>). */
const OPTION_FIELDS = new Set([
  'channel',
  'customerType',
  'customerStyle',
  'mood',
  'category',
  'cause',
  'demand',
  'fault',
  'resolvedAtDesk',
])
/** Field labels that are not `fields.<field>`. */
const LABELS: Record<string, string> = {
  departmentId: 'fields.department',
  owner: 'owner.owner',
  ownerDepartment: 'owner.department',
}

/**
 * One recorded change (a correction, a handoff) in the reader's language: the field's label
 * and its values before and after. Values are stored as text (option ids, yuan, local time,
 * names); an empty value reads "—".
 */
export function describeChange(t: T, change: FieldChange): { label: string; before: string; after: string } {
  const value = (text: string): string => {
    if (text === '') return change.field === 'owner' ? t('owner.none') : '—'
    if (OPTION_FIELDS.has(change.field)) return t(`options.${change.field}.${text}`, { defaultValue: text })
    if (change.field === 'situations')
      return text
        .split(',')
        .map((s) => t(`options.situations.${s}`, { defaultValue: s }))
        .join('、')
    if (change.field === 'amount' || change.field === 'lossAmount' || change.field === 'claimAmount') return `¥${text}`
    if (change.field === 'receivedAt') return text.replace('T', ' ')
    return text
  }
  return {
    label: t(LABELS[change.field] ?? `fields.${change.field}`, { defaultValue: change.field }),
    before: value(change.before),
    after: value(change.after),
  }
}

/** A change as one line: "联系电话：138****1234 → 139****1234". */
export function changeLine(t: T, change: FieldChange): string {
  const { label, before, after } = describeChange(t, change)
  return `${label}${t('corrections.colon')}${before} → ${after}`
}
