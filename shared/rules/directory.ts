import type { Role } from '../values/options'
import { sameName } from '../values/names'

/**
 * Staff and departments are renamed and deactivated (停用), never deleted (docs/domain.md §1):
 * what the settings page offers and main allows, decided once here. Each refusal is an id
 * whose words are `settings.refusals.<id>`.
 */
export type DirectoryRefusal = 'last_manager' | 'self' | 'last_department' | 'duplicate' | 'unchanged'

interface StaffLike {
  id: string
  name: string
  role: Role
  active: boolean
}
interface DepartmentLike {
  id: string
  name: string
  active: boolean
}

/** Whether `name` is already used by another active entry (a deactivated one may share it). */
export function nameTaken(
  entries: readonly { id: string; name: string; active: boolean }[],
  name: string,
  exceptId?: string,
) {
  return entries.some((e) => e.active && e.id !== exceptId && sameName(e.name, name))
}

/** Why `targetId` cannot be renamed to `name`, or null. */
export function renameRefusal(
  entries: readonly { id: string; name: string; active: boolean }[],
  targetId: string,
  name: string,
): DirectoryRefusal | null {
  const target = entries.find((e) => e.id === targetId)
  if (target && target.name.trim() === name.trim()) return 'unchanged'
  return nameTaken(entries, name, targetId) ? 'duplicate' : null
}

/**
 * Why the member of staff `targetId` cannot be set active/inactive now, or null: the branch
 * always keeps an active manager (someone must approve), nobody deactivates their own account
 * (another manager does), and someone comes back only under a name no active colleague has.
 */
export function staffActiveRefusal(
  staff: readonly StaffLike[],
  targetId: string,
  active: boolean,
  signedInId: string | null,
): DirectoryRefusal | null {
  const target = staff.find((s) => s.id === targetId)
  if (!target || target.active === active) return 'unchanged'
  if (active) return nameTaken(staff, target.name, target.id) ? 'duplicate' : null
  if (target.id === signedInId) return 'self'
  if (target.role === 'manager' && !staff.some((s) => s.active && s.role === 'manager' && s.id !== target.id))
    return 'last_manager'
  return null
}

/** Why the department `targetId` cannot be set active/inactive now: new cases need one active department. */
export function departmentActiveRefusal(
  departments: readonly DepartmentLike[],
  targetId: string,
  active: boolean,
): DirectoryRefusal | null {
  const target = departments.find((d) => d.id === targetId)
  if (!target || target.active === active) return 'unchanged'
  if (active) return nameTaken(departments, target.name, target.id) ? 'duplicate' : null
  return departments.some((d) => d.active && d.id !== target.id) ? null : 'last_department'
}
