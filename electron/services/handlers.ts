import type { z } from 'zod'
import type { AppStatus, Channel, Contract, OutputOf } from '@shared/ipc/contract'
import type { ServiceContext } from './context'
import { signIn } from './auth'
import { createCase, getCase, listCases } from './cases'
import { addDepartment, addStaff, initialise, listDepartments, listStaff, setupNeeded } from './staff'

export type Handler<C extends Channel> = (
  input: z.output<Contract[C]['input']>,
  ctx: ServiceContext,
) => Promise<OutputOf<C>> | OutputOf<C>
export type Handlers = { [C in Channel]: Handler<C> }

function status(ctx: ServiceContext): AppStatus {
  const { store } = ctx
  return {
    store: { state: store.state, dataFile: store.file, detail: store.detail },
    setupNeeded: store.state === 'ok' && setupNeeded(ctx),
    branch: store.data.branch,
    locale: store.data.settings.locale,
    session: ctx.session,
  }
}

/** One handler per contract channel; the type makes a missing or extra channel a compile error. */
export const handlers: Handlers = {
  'app:status': (_input, ctx) => status(ctx),
  'app:setLocale': async ({ locale }, ctx) => {
    await ctx.store.update((d) => {
      d.settings.locale = locale
    })
    return locale
  },
  'setup:init': (input, ctx) => initialise(ctx, input),
  'auth:listStaff': (_input, ctx) => listStaff(ctx),
  'auth:signIn': (input, ctx) => signIn(ctx, input),
  'auth:signOut': (_input, ctx) => {
    ctx.session = null
    return null
  },
  'staff:add': (input, ctx) => addStaff(ctx, input),
  'departments:list': (_input, ctx) => listDepartments(ctx),
  'departments:add': (input, ctx) => addDepartment(ctx, input),
  'cases:create': (input, ctx) => createCase(ctx, input),
  'cases:list': (input, ctx) => listCases(ctx, input),
  'cases:get': ({ id }, ctx) => getCase(ctx, id),
}
