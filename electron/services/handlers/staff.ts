import type { staffChannels } from '@shared/ipc/channels/staff'
import { signOut } from '../app'
import { endElevation, signIn } from '../auth'
import {
  addDepartment,
  addStaff,
  departmentDirectory,
  initialise,
  listDepartments,
  listStaff,
  renameDepartment,
  renameStaff,
  resetPin,
  setDepartmentActive,
  setStaffActive,
  staffDirectory,
} from '../staff'
import type { HandlersFor } from './types'

export const staffHandlers: HandlersFor<typeof staffChannels> = {
  'setup:init': (input, ctx) => initialise(ctx, input),
  'auth:listStaff': (_input, ctx) => listStaff(ctx),
  'auth:signIn': (input, ctx) => signIn(ctx, input),
  'auth:signOut': (_input, ctx) => signOut(ctx),
  'auth:endElevation': (_input, ctx) => endElevation(ctx),
  'staff:add': (input, ctx) => addStaff(ctx, input),
  'staff:resetPin': (input, ctx) => resetPin(ctx, input),
  'departments:list': (_input, ctx) => listDepartments(ctx),
  'departments:add': (input, ctx) => addDepartment(ctx, input),
  'staff:directory': (_input, ctx) => staffDirectory(ctx),
  'staff:rename': (input, ctx) => renameStaff(ctx, input),
  'staff:setActive': (input, ctx) => setStaffActive(ctx, input),
  'departments:directory': (_input, ctx) => departmentDirectory(ctx),
  'departments:rename': (input, ctx) => renameDepartment(ctx, input),
  'departments:setActive': (input, ctx) => setDepartmentActive(ctx, input),
}
