import { z } from 'zod'
import {
  AddDepartmentInput,
  AddStaffInput,
  Department,
  DepartmentEntry,
  RenameDepartmentInput,
  RenameStaffInput,
  ResetPinInput,
  SetDepartmentActiveInput,
  SetStaffActiveInput,
  Session,
  SetupInput,
  SignInInput,
  StaffEntry,
  StaffPublic,
} from '../../schemas/staff'
import { channels, None } from './spec'

export const staffChannels = channels({
  'setup:init': { input: SetupInput, output: Session, auth: 'public' },
  'auth:listStaff': { input: None, output: z.array(StaffPublic), auth: 'public' },
  'auth:signIn': { input: SignInInput, output: Session, auth: 'public' },
  'auth:signOut': { input: None, output: z.null(), auth: 'public' },
  'auth:endElevation': { input: None, output: Session, auth: 'session' },
  'staff:add': { input: AddStaffInput, output: StaffPublic, auth: 'manager' },
  'staff:resetPin': { input: ResetPinInput, output: StaffPublic, auth: 'manager' },
  'departments:list': { input: None, output: z.array(Department), auth: 'session' },
  'departments:add': { input: AddDepartmentInput, output: Department, auth: 'manager' },
  // 设置 → 员工与部门: everyone, active or not; renamed and deactivated with a manager's approval, never deleted.
  'staff:directory': { input: None, output: z.array(StaffEntry), auth: 'session' },
  'staff:rename': { input: RenameStaffInput, output: StaffEntry, auth: 'manager' },
  'staff:setActive': { input: SetStaffActiveInput, output: StaffEntry, auth: 'manager' },
  'departments:directory': { input: None, output: z.array(DepartmentEntry), auth: 'session' },
  'departments:rename': { input: RenameDepartmentInput, output: DepartmentEntry, auth: 'manager' },
  'departments:setActive': { input: SetDepartmentActiveInput, output: DepartmentEntry, auth: 'manager' },
})
