import { z } from 'zod'
import {
  AddDepartmentInput,
  AddStaffInput,
  Department,
  ResetPinInput,
  Session,
  SetupInput,
  SignInInput,
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
})
