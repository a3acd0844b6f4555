import { createElement } from 'react'
import type { Plugin } from 'vite'
import { antdTheme } from '../src/ui/theme'

const ID = 'virtual:antd.css'
const RESOLVED = '\0antd-theme.css'

/**
 * Ant Design's styles for our theme as a static stylesheet (`import 'virtual:antd.css'`),
 * extracted once per build: the app runs antd in zero-runtime mode, so nothing is injected
 * at run time and the CSP needs no 'unsafe-inline' for styles.
 */
export function antdStyles(): Plugin {
  let css: string | undefined
  return {
    name: 'complaint-desk:antd-styles',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined
      if (css === undefined) {
        const [{ ConfigProvider }, { extractStyle }] = await Promise.all([
          import('antd'),
          import('@ant-design/static-style-extract'),
        ])
        // Rendering every component once warns about the deprecated ones we never use.
        const warn = console.error
        console.error = (...args: unknown[]) => {
          if (!String(args[0]).startsWith('Warning: [antd')) warn(...args)
        }
        try {
          css = extractStyle((node) => createElement(ConfigProvider, { theme: antdTheme }, node))
        } finally {
          console.error = warn
        }
      }
      return css
    },
  }
}
