import { describe, expect, it } from 'vitest'
import { departmentActiveRefusal, nameTaken, renameRefusal, staffActiveRefusal } from '@shared/rules/directory'
import { repeatedNames, sameName } from '@shared/values/names'
import { DepartmentNames, SetupInput } from '@shared/schemas/staff'
import { BranchContacts, WorkflowPolicy } from '@shared/schemas/settings'
import { isServicePhone } from '@shared/values/phone'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'

const staff = [
  { id: 'm1', name: '陈主管', role: 'manager' as const, active: true },
  { id: 'm2', name: '王经理', role: 'manager' as const, active: false },
  { id: 's1', name: '李娜', role: 'staff' as const, active: true },
  { id: 's2', name: '李娜', role: 'staff' as const, active: false },
  { id: 's3', name: 'Ana', role: 'staff' as const, active: false },
]

describe('names (values/names)', () => {
  it('are the same regardless of surrounding spaces, case and full-width letters', () => {
    expect(sameName(' 收银 ', '收银')).toBe(true)
    expect(sameName('Ana', 'ANA')).toBe(true)
    expect(sameName('ＡＮＡ', 'ana')).toBe(true)
    expect(sameName('收银', '收银台')).toBe(false)
  })
  it('names the repeats of a list by index, not the first occurrence', () => {
    expect(repeatedNames(['前台', '收银', ' 前台', '售后', '收银'])).toEqual([2, 4])
    expect(repeatedNames(['前台', '收银'])).toEqual([])
  })
})

describe('renaming and deactivating staff and departments (rules/directory)', () => {
  it('a name is taken only by another active entry', () => {
    expect(nameTaken(staff, '李娜')).toBe(true)
    expect(nameTaken(staff, '李娜', 's1')).toBe(false)
    expect(nameTaken(staff, '王经理')).toBe(false) // deactivated
    expect(nameTaken(staff, ' 陈主管 ')).toBe(true)
  })

  it('refuses a rename to an active colleague’s name, or to the same name', () => {
    expect(renameRefusal(staff, 's1', '陈主管')).toBe('duplicate')
    expect(renameRefusal(staff, 's1', ' 李娜')).toBe('unchanged')
    expect(renameRefusal(staff, 's1', '李娜娜')).toBeNull()
    expect(renameRefusal(staff, 'm1', '王经理')).toBeNull()
  })

  it('never deactivates the last active manager, nor the one signed in', () => {
    expect(staffActiveRefusal(staff, 'm1', false, 's1')).toBe('last_manager')
    expect(staffActiveRefusal(staff, 's1', false, 's1')).toBe('self')
    expect(staffActiveRefusal(staff, 's1', false, 'm1')).toBeNull()
    const two = staff.map((s) => (s.id === 'm2' ? { ...s, active: true } : s))
    expect(staffActiveRefusal(two, 'm1', false, 's1')).toBeNull()
    expect(staffActiveRefusal(two, 'm1', false, 'm1')).toBe('self')
  })

  it('brings someone back only under a name no active colleague has', () => {
    expect(staffActiveRefusal(staff, 's2', true, 'm1')).toBe('duplicate')
    expect(staffActiveRefusal(staff, 'm2', true, 'm1')).toBeNull()
    expect(staffActiveRefusal(staff, 's3', true, 'm1')).toBeNull()
  })

  it('says unchanged when the entry already is as asked', () => {
    expect(staffActiveRefusal(staff, 's1', true, 'm1')).toBe('unchanged')
    expect(staffActiveRefusal(staff, 'm2', false, 'm1')).toBe('unchanged')
    expect(staffActiveRefusal(staff, 'nobody', false, 'm1')).toBe('unchanged')
  })

  it('keeps one active department for new cases', () => {
    const departments = [
      { id: 'd1', name: '收银', active: true },
      { id: 'd2', name: '前台', active: false },
      { id: 'd3', name: '收银', active: false },
    ]
    expect(departmentActiveRefusal(departments, 'd1', false)).toBe('last_department')
    expect(departmentActiveRefusal(departments, 'd2', true)).toBeNull()
    expect(departmentActiveRefusal(departments, 'd3', true)).toBe('duplicate')
    const both = departments.map((d) => (d.id === 'd2' ? { ...d, active: true } : d))
    expect(departmentActiveRefusal(both, 'd1', false)).toBeNull()
  })
})

describe('first run and contacts (schemas)', () => {
  const contacts = {
    managerContacts: [{ name: '陈主管', role: '店长', phone: '13812341234' }],
    serviceContact: '400-820-1234',
  }
  const setup = {
    branch: { name: '静安寺店', code: 'SH01' },
    manager: { name: '陈主管', pin: '246810', pinConfirm: '246810' },
    contacts,
  }

  it.each([
    ['400-820-1234', true],
    ['4008201234', true],
    ['800 820 1234', true],
    ['95588', true],
    ['95105188', true],
    ['021-62345678', true],
    ['13812341234', true],
    ['021-62345678-8001', true],
    ['400-820-123', false],
    ['9558', false],
    ['12345', false],
    ['服务台', false],
    ['', false],
  ])('service phone %s valid=%s', (input, valid) => {
    expect(isServicePhone(input)).toBe(valid)
  })

  it('needs at least one emergency contact with a phone the desk can call, and a service phone', () => {
    expect(BranchContacts.safeParse(contacts).success).toBe(true)
    // One entry per field and message (requiredText may say 'required' twice for the same field).
    const issues = (x: unknown) =>
      [...new Set(BranchContacts.safeParse(x).error?.issues.map((i) => `${i.path.join('.')} ${i.message}`))].map((s) =>
        s.split(' '),
      )
    expect(issues({ ...contacts, managerContacts: [] })).toEqual([['managerContacts', 'validation.contactsRequired']])
    expect(issues({ ...contacts, serviceContact: '' })).toEqual([['serviceContact', 'validation.required']])
    expect(issues({ ...contacts, serviceContact: '服务台' })).toEqual([['serviceContact', 'validation.servicePhone']])
    expect(issues({ ...contacts, managerContacts: [{ name: '陈主管', role: '', phone: '12345' }] })).toEqual([
      ['managerContacts.0.phone', 'validation.phone'],
    ])
    expect(issues({ ...contacts, managerContacts: [{ name: ' ', role: '', phone: '13812341234' }] })).toEqual([
      ['managerContacts.0.name', 'validation.required'],
    ])
  })

  it('set-up refuses a first run without contacts, and repeated department names by their place', () => {
    expect(SetupInput.safeParse(setup).success).toBe(true)
    const { contacts: _c, ...without } = setup
    expect(SetupInput.safeParse(without).error?.issues.map((i) => i.path.join('.'))).toEqual(['contacts'])
    // Head office has no desk: no contacts asked.
    expect(SetupInput.safeParse({ ...without, kind: 'headoffice' }).success).toBe(true)
    expect(SetupInput.safeParse({ ...without, kind: 'branch' }).success).toBe(false)
    expect(SetupInput.safeParse({ ...setup, departments: ['前台', '收银'] }).success).toBe(true)
    expect(
      DepartmentNames.safeParse(['前台', '收银', '收银 ']).error?.issues.map((i) => [i.path.join('.'), i.message]),
    ).toEqual([['2', 'validation.duplicateName']])
    expect(DepartmentNames.safeParse([]).error?.issues[0].message).toBe('validation.departmentsRequired')
  })

  it('the policy a manager saves leaves the contacts to their own form', () => {
    const parsed = WorkflowPolicy.parse({ ...DEFAULT_WORKFLOW_SETTINGS, serviceContact: 'x', managerContacts: [] })
    expect(parsed).not.toHaveProperty('serviceContact')
    expect(parsed).not.toHaveProperty('managerContacts')
  })
})
