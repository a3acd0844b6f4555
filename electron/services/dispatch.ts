import type { i18n } from 'i18next'
import { contract, isChannel } from '@shared/ipc/contract'
import type { ApiError, FieldIssue, Result } from '@shared/ipc/result'
import { createI18n, translateValidation } from '@shared/i18n'
import type { Locale } from '@shared/schemas/staff'
import { AppError } from './errors'
import type { ServiceContext } from './context'
import { handlers as defaultHandlers, type Handlers } from './handlers'
import { StoreUnavailableError } from '../store'

export type Dispatch = (channel: string, rawInput: unknown) => Promise<Result<unknown>>

/**
 * The single entry for every host (Electron IPC, browser bridge, tests): the channel is
 * checked against the contract, the input parsed with its schema, the session checked,
 * and every failure returned as data in the user's language.
 */
export function createDispatch(ctx: ServiceContext, handlers: Handlers = defaultHandlers, log = console): Dispatch {
  const translators = new Map<Locale, i18n>()
  const translator = (): i18n => {
    const locale = ctx.store.data.settings?.locale === 'en' ? 'en' : 'zh-CN'
    if (!translators.has(locale)) translators.set(locale, createI18n(locale))
    return translators.get(locale)!
  }
  const fail = (error: ApiError): Result<never> => ({ ok: false, error })

  return async (channel, rawInput) => {
    const { t } = translator()
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
    if (spec.auth === 'session' && !ctx.session) {
      return fail({ code: 'UNAUTHENTICATED', message: t('errors.UNAUTHENTICATED') })
    }
    try {
      const handler = handlers[channel] as (input: unknown, c: ServiceContext) => unknown
      return { ok: true, data: await handler(parsed.data, ctx) }
    } catch (err) {
      if (err instanceof AppError) {
        const text = (key: string) => (key.startsWith('validation.') ? translateValidation(t, key) : t(key, err.params))
        return fail({
          code: err.code,
          message: text(err.messageKey),
          issues: err.issues?.map((i) => ({ path: i.path, message: text(i.message) })),
        })
      }
      if (err instanceof StoreUnavailableError) {
        return fail({
          code: 'STORE_UNAVAILABLE',
          message: t('errors.STORE_UNAVAILABLE', { detail: t(`store.${err.state}`, { file: err.file }) }),
        })
      }
      log.error(`[dispatch] ${channel} failed`, err)
      return fail({ code: 'INTERNAL', message: t('errors.INTERNAL') })
    }
  }
}
