import type { ThemeConfig } from 'antd'

/**
 * The one Ant Design theme: the build extracts its CSS into a static stylesheet
 * (renderer/build/antdStyles.ts) and the app runs antd with `zeroRuntime`, so no `<style>`
 * is ever injected and the strict CSP (`style-src 'self'`) stays as it is.
 * Colours darker than antd's defaults: the defaults fail WCAG contrast (docs/architecture.md).
 */
export const FONT_FAMILY = "'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC', system-ui, sans-serif"

export const antdTheme: ThemeConfig = {
  hashed: false,
  cssVar: { key: 'cd-theme' },
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorTextPlaceholder: '#767676',
    colorTextDescription: '#595959',
    fontFamily: FONT_FAMILY,
    fontSize: 15,
  },
  components: { DatePicker: { colorTextDisabled: '#767676' } },
}
