import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { unpackedPath } from '../../electron/pdf/unpacked'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'))

// electron-builder's own loader and schema check (internal modules of app-builder-lib, which is
// a dependency of electron-builder rather than of this project: resolve it from there).
const fromBuilder = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'))
type Config = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const { getConfig, validateConfiguration } = fromBuilder('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, fromOptions: null): Promise<Config>
  validateConfiguration(config: Config, logger: unknown): Promise<void>
}
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
const nsisLang = fromBuilder('app-builder-lib/out/targets/nsis/nsisLang') as {
  LangConfigurator: new (options: Config) => unknown
  createAddLangsMacro(generator: { macro(name: string, lines: string[]): void }, langs: unknown): void
}

describe('unpackedPath', () => {
  it('maps a file inside app.asar to app.asar.unpacked', () => {
    expect(unpackedPath('/opt/客诉台/resources/app.asar/out/main/pdfWorker.js')).toBe(
      '/opt/客诉台/resources/app.asar.unpacked/out/main/pdfWorker.js',
    )
    expect(
      unpackedPath('C:\\Users\\li\\AppData\\Local\\Programs\\complaint-desk\\resources\\app.asar\\node_modules\\x'),
    ).toBe('C:\\Users\\li\\AppData\\Local\\Programs\\complaint-desk\\resources\\app.asar.unpacked\\node_modules\\x')
    expect(unpackedPath('/tmp/.mount_abc/resources/app.asar')).toBe('/tmp/.mount_abc/resources/app.asar.unpacked')
  })

  it('leaves paths outside an archive alone', () => {
    for (const path of [
      '/work/main/out/main/pdfWorker.js',
      '/opt/app/resources/app.asar.unpacked/out/main/pdfWorker.js',
      '/opt/app/resources/myapp.asar/x.js',
      '/opt/app/resources/app.asarx/x.js',
      'D:\\complaint-desk\\node_modules\\@expo-google-fonts\\noto-sans-sc',
    ]) {
      expect(unpackedPath(path)).toBe(path)
    }
  })

  it('maps only the first archive in the path (the app’s own)', () => {
    expect(unpackedPath('/r/app.asar/node_modules/app.asar/x')).toBe('/r/app.asar.unpacked/node_modules/app.asar/x')
  })
})

describe('electron-builder.yml', () => {
  const config = getConfig(root, null, null)

  // Loading electron-builder's config and schema takes seconds on a loaded 2-core machine.
  it('passes electron-builder’s own schema, and the check is live', { timeout: 30_000 }, async () => {
    const c = await config
    await expect(validateConfiguration(c, new DebugLogger(false))).resolves.toBeUndefined()
    await expect(
      validateConfiguration({ ...c, nsis: { ...c.nsis, oneClik: false } }, new DebugLogger(false)),
    ).rejects.toThrow(/configuration\.nsis/)
  })

  it('builds the NSIS installer and portable exe for Windows, AppImage and deb for Linux', async () => {
    const c = await config
    // Exact names: the schema accepts any string as a target, so a misspelling would only show at build time.
    expect(c.win.target).toEqual(['nsis', 'portable'])
    expect(c.linux.target).toEqual(['AppImage', 'deb'])
    expect(c.directories.output).toBe('dist')
    expect(c.appId).toBe('cn.complaintdesk.app')
    // Artifact and program names stay ASCII; the shortcuts carry the Chinese product name.
    expect(c.executableName).toMatch(/^[a-z-]+$/)
    for (const name of [c.artifactName, c.nsis.artifactName, c.portable.artifactName])
      expect(name).toMatch(/^[\x20-\x7e]+$/)
  })

  it('lets a clerk install for their own Windows user, in Chinese or English', async () => {
    const { nsis } = await config
    expect(nsis).toMatchObject({ oneClick: false, perMachine: false, deleteAppDataOnUninstall: false })
    const lines: string[] = []
    nsisLang.createAddLangsMacro({ macro: (_name, l) => lines.push(...l) }, new nsisLang.LangConfigurator(nsis))
    expect(lines).toEqual(['!insertmacro MUI_LANGUAGE "SimpChinese"', '!insertmacro MUI_LANGUAGE "English"'])
  })

  it('has what the deb target needs, and keeps the data folder name', async () => {
    // The schema does not check these; `electron-builder --linux deb` stops without them.
    expect(pkg.homepage).toMatch(/^https:\/\//)
    expect(pkg.author.email).toMatch(/@/)
    // Electron names userData after productName when package.json has one: keep it in the yml only,
    // so an installed app uses the same "complaint-desk" folder as README and `npm start`.
    expect(pkg.productName).toBeUndefined()
    expect(pkg.name).toBe('complaint-desk')
    expect((await config).productName).toBe('客诉台 Complaint Desk')
  })

  it('is reachable from npm scripts and kept out of git', () => {
    expect(pkg.scripts.dist).toMatch(/^electron-vite build && electron-builder\b/)
    expect(pkg.scripts['dist:win']).toContain('--win')
    expect(pkg.scripts['dist:linux']).toContain('--linux')
    expect(readFileSync(new URL('../../.gitignore', import.meta.url), 'utf8').split('\n')).toContain('dist/')
    expect(readFileSync(new URL('../../.prettierignore', import.meta.url), 'utf8').split('\n')).toContain('dist/')
  })
})
