import type { CaseDetail, FieldChange } from '@shared/schemas/case'
import type { StaffRef } from '@shared/schemas/common'
import { v } from '@shared/values/messages'
import { changeCase, refuse } from './caseRecord'
import { AppError } from './errors'
import type { ServiceContext } from './context'

const invalid = (path: string) => new AppError('VALIDATION', {}, 'errors.VALIDATION', [{ path, message: v.choose }])

/**
 * A new 负责人 (another active member of staff), or a handoff to another department — then
 * nobody there owns it until someone takes it (it shows under 未分配). A note says why.
 * Timeline and audit trail get the owner and department before and after.
 */
export function assignCase(
  ctx: ServiceContext,
  input: { id: string; staffId: string; departmentId: string; note: string },
): Promise<CaseDetail> {
  const data = ctx.store.data
  const departmentName = (id: string | null) => (id ? (data.departments.find((d) => d.id === id)?.name ?? id) : '')
  return changeCase(ctx, input.id, 'assign', (c) => {
    let owner: StaffRef | null = null
    if (input.staffId !== '') {
      const staff = data.staff.find((s) => s.id === input.staffId && s.active)
      if (!staff) throw invalid('staffId')
      owner = { id: staff.id, name: staff.name }
    }
    const department = input.departmentId === '' ? null : input.departmentId
    if (department && !data.departments.some((d) => d.id === department && d.active)) throw invalid('departmentId')
    const w = c.workflow
    const changes: FieldChange[] = []
    if ((w.owner?.id ?? null) !== (owner?.id ?? null))
      changes.push({ field: 'owner', before: w.owner?.name ?? '', after: owner?.name ?? '' })
    if (w.ownerDepartmentId !== department)
      changes.push({
        field: 'ownerDepartment',
        before: departmentName(w.ownerDepartmentId),
        after: departmentName(department),
      })
    if (changes.length === 0) refuse('assign_unchanged')
    w.owner = owner
    w.ownerDepartmentId = department
    return { action: owner ? 'owner.assigned' : 'owner.handedOff', detail: input.note, changes }
  })
}
