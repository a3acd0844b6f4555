import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'

/**
 * The browser's environment for the end-to-end tests, with Chinese text that renders. The app
 * uses the PC's own CJK fonts (no web fonts, offline); a Linux test machine often has none, and
 * every screenshot would show boxes. Chromium here also finds the Noto Sans SC the app already
 * ships for its PDFs (regular and bold), through a fontconfig file that adds them to the
 * system's fonts. A machine with its own CJK fonts keeps using them (the stylesheet asks for
 * them first).
 */
export function cjkFontEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const fonts = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'))
  const dir = resolve('test-results', 'fontconfig')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, 'fonts.conf')
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">${env.FONTCONFIG_FILE ?? '/etc/fonts/fonts.conf'}</include>
  <dir>${join(fonts, '400Regular')}</dir>
  <dir>${join(fonts, '700Bold')}</dir>
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`,
  )
  return { ...env, FONTCONFIG_FILE: file }
}
