import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { App as AntdApp, ConfigProvider } from 'antd'
import zhCN from 'antd/es/locale/zh_CN'
import enUS from 'antd/es/locale/en_US'
import type { Locale } from 'antd/es/locale'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { StyleProvider } from '@ant-design/cssinjs'
import { antdTheme } from './theme'
import { useReducedMotion } from '../hooks/useReducedMotion'

// Zero-runtime still registers the theme's CSS variables as <style> elements, which the CSP
// refuses: they go to an element outside the document (the static stylesheet has them).
const detached = document.createElement('div')

// The pickers' year/month buttons carry a label that differs from their text (axe:
// label-content-name-mismatch): without it the visible text is their name.
function pickerLocale(locale: Locale): Locale {
  const picker = locale.DatePicker
  if (!picker) return locale
  const { yearSelect: _year, monthSelect: _month, ...lang } = picker.lang
  return { ...locale, DatePicker: { ...picker, lang: lang as typeof picker.lang } }
}
const LOCALES = { 'zh-CN': pickerLocale(zhCN), en: pickerLocale(enUS) }

/** Ant Design set to the app's language and theme; `App` gives message/modal their context. */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const zh = i18n.language !== 'en'
  // Antd's open/close animations off when the system asks for less motion (WCAG 2.3.3).
  const motion = !useReducedMotion()
  dayjs.locale(zh ? 'zh-cn' : 'en')
  return (
    <StyleProvider container={detached}>
      <ConfigProvider
        locale={zh ? LOCALES['zh-CN'] : LOCALES.en}
        theme={{ ...antdTheme, token: { ...antdTheme.token, motion }, zeroRuntime: true }}
        button={{ autoInsertSpace: false }}
      >
        {/* Toasts never pile up over the page: the newest two at most. */}
        <AntdApp message={{ maxCount: 2 }}>{children}</AntdApp>
      </ConfigProvider>
    </StyleProvider>
  )
}
