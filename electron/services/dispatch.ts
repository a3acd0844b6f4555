import type { i18n } from 'i18next'
import type { z } from 'zod'
import { contract, isChannel, type Channel, type Contract } from '@shared/ipc/contract'
import type { ApiError, FieldIssue, Result } from '@shared/ipc/result'
import { createI18n, translateValidation } from '@shared/i18n'
import type { ManagerApproval } from '@shared/schemas/common'
import type { Locale } from '@shared/schemas/staff'
import { AppError } from './errors'
import type { AppContext, ServiceContext } from './context'
import { handlers as defaultHandlers, type Handlers } from './handlers'
import { approveAsManager } from './auth'
import { ArchiveMonthDamagedError, isDiskFull, StoreUnavailableError } from '../store'

/** A call as a host receives it: a channel name and a payload not yet trusted, from `caller`. */
export type Dispatch = (channel: string, rawInput: unknown, caller: string) => Promise<Result<unknown>>

/** Every manager channel's input carries the approval dispatch checks (a compile-time guarantee). */
type ManagerInputsCarryApproval = {
  [C in Channel]: Contract[C]['auth'] extends 'manager'
    ? z.output<Contract[C]['input']> extends { approval: ManagerApproval }
      ? true
      : C
    : true
}[Channel]
const managerInputsCarryApproval: ManagerInputsCarryApproval = true
void managerInputsCarryApproval

export interface DispatchOptions {
  handlers?: Handlers
  log?: Pick<Console, 'error'>
  /** Tests: check every answer against the contract's output schema. */
  checkOutputs?: boolean
}

/**
 * The single entry for every host (Electron IPC, browser bridge, tests): the channel is
 * checked against the contract, the input parsed with its schema, the caller's session and
 * role checked, and every failure returned as data in the user's language.
 */
export function createDispatch(app: AppContext, options: DispatchOptions = {}): Dispatch {
  const { handlers = defaultHandlers, log = console, checkOutputs = false } = options
  const translators = new Map<Locale, i18n>()
  // The caller's language: one chosen in this window before sign-in, else the branch's.
  const translator = (caller: string): i18n => {
    const locale = (app.sessions.localeOf(caller) ?? app.store.data.settings?.locale) === 'en' ? 'en' : 'zh-CN'
    if (!translators.has(locale)) translators.set(locale, createI18n(locale))
    return translators.get(locale)!
  }
  const fail = (error: ApiError): Result<never> => ({ ok: false, error })

  return async (channel, rawInput, caller) => {
    const { t } = translator(caller)
    if (!isChannel(channel)) return fail({ code: 'UNKNOWN_CHANNEL', message: t('errors.UNKNOWN_CHANNEL') })
    const spec = contract[channel]
    const parsed = spec.input.safeParse(rawInput)
    if (!parsed.success) {
      const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
        path: issue.path.join('.'),
        message: translateValidation(t, issue.message),
      }))
      return fail({ code: 'VALIDATION', message: t('errors.VALIDATION'), issues })
    }
    const ctx: ServiceContext = { ...app, caller, session: app.sessions.get(caller) }
    if (spec.auth !== 'public' && !ctx.session) {
      return fail({ code: 'UNAUTHENTICATED', message: t('errors.UNAUTHENTICATED') })
    }
    try {
      if (spec.auth === 'manager') {
        ctx.approver = await approveAsManager(ctx, (parsed.data as { approval: ManagerApproval }).approval)
      }
      const handler = handlers[channel] as (input: unknown, c: ServiceContext) => unknown
      const data = await handler(parsed.data, ctx)
      if (checkOutputs) spec.output.parse(data)
      return { ok: true, data }
    } catch (err) {
      if (err instanceof AppError) {
        const text = (key: string) => (key.startsWith('validation.') ? translateValidation(t, key) : t(key, err.params))
        return fail({
          code: err.code,
          message: text(err.messageKey),
          issues: err.issues?.map((i) => ({ path: i.path, message: text(i.message) })),
        })
      }
      // A case in a damaged archive month: which month, and that a backup brings it back (issue 15 point 7).
      if (err instanceof ArchiveMonthDamagedError) {
        return fail({ code: 'NOT_FOUND', message: t('store.archiveMonthDamaged', { month: err.month }) })
      }
      if (err instanceof StoreUnavailableError) {
        return fail({
          code: 'STORE_UNAVAILABLE',
          message: t('errors.STORE_UNAVAILABLE', { detail: t(`store.${err.state}`, { file: err.file }) }),
        })
      }
      // A write the disk had no room for was cut off again: nothing of it was saved.
      if (isDiskFull(err)) return fail({ code: 'DISK_FULL', message: t('errors.DISK_FULL') })
      log.error(`[dispatch] ${channel} failed`, err)
      return fail({ code: 'INTERNAL', message: t('errors.INTERNAL') })
    }
  }
}
