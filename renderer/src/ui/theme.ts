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
    // Descriptions' labels and secondary text (#8c8c8c is 3.4:1 on white).
    colorTextTertiary: '#666666',
    // The 处理中-style tags and info alerts draw in colorInfo (#1677ff is 3.7:1 on its light background).
    colorInfo: '#0958d9',
    fontFamily: FONT_FAMILY,
    fontSize: 15,
  },
  components: { DatePicker: { colorTextDisabled: '#767676' } },
}
