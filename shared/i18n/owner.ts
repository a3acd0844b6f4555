/** A translate function (i18next's, or the PDF builders'). */
type T = (key: string, options?: Record<string, unknown>) => string

/**
 * A case's 负责人 in words: the owner's name; the department it was handed to, waiting to be
 * picked up; 未分配. `undefined` (a handover sheet signed before owners existed) reads "—".
 */
export function ownerText(t: T, c: { ownerName?: string | null; ownerDepartmentName?: string | null }): string {
  if (c.ownerName === undefined) return '—'
  if (c.ownerName) return c.ownerName
  return c.ownerDepartmentName ? t('owner.inDepartment', { department: c.ownerDepartmentName }) : t('owner.none')
}
