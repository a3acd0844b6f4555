import i18next, { type i18n } from 'i18next'
import type { Locale } from '../schemas/staff'
import { splitMessage } from '../values/messages'
import { en } from './en'
import { zhCN } from './zh-CN'

export const resources = { 'zh-CN': { translation: zhCN }, en: { translation: en } } as const
export const DEFAULT_LOCALE: Locale = 'zh-CN'

/** A separate i18next instance (main and renderer each make their own). */
export function createI18n(locale: Locale = DEFAULT_LOCALE): i18n {
  const instance = i18next.createInstance()
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    initAsync: false,
    interpolation: { escapeValue: false },
  })
  return instance
}

/** Turns a schema message ("validation.tooLong:50") into text in the instance's language. */
export function translateValidation(t: i18n['t'], message: string | undefined): string {
  const { key, n } = splitMessage(message ?? '')
  return t(key, n === undefined ? {} : { n })
}
