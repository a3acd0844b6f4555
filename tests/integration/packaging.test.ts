// Builds the real app.asar with electron-builder from a fresh `electron-vite build`, offline:
// a stand-in Electron folder replaces the download (`-c.electronDist`), and `--dir` stops before
// the installers (those need downloads). Then checks what the installed app will find at run time.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const asar = createRequire(createRequire(import.meta.url).resolve('electron-builder/package.json'))(
  '@electron/asar',
) as {
  listPackage(archive: string, options: { isPack: boolean }): string[]
  statFile(archive: string, file: string, follow?: boolean): { size?: number; unpacked?: boolean; files?: object }
  extractFile(archive: string, file: string): Buffer
}

const work = mkdtempSync(join(tmpdir(), 'packaging-'))
// electron-builder collects the production dependencies with `npm list` from the project folder:
// a copy of the project with node_modules linked in makes npm list every package as extraneous
// on a fresh `npm ci` (it then collects the wrong tree), so the build runs on the repository
// itself, after a fresh `electron-vite build` of its out/.
const project = root
const output = join(work, 'dist') // outside the project, so nothing there can reach the repo's node_modules
const resources = join(output, 'linux-unpacked', 'resources')
const archive = join(resources, 'app.asar')
const unpackedDir = join(resources, 'app.asar.unpacked')

let files: string[] = [] // every file in the archive, relative, '/'-separated
let fileSet = new Set<string>()
const isUnpacked = (file: string) => asar.statFile(archive, file).unpacked === true

function run(cmd: string, args: string[], cwd: string) {
  const started = Date.now()
  const r = spawnSync(join(root, 'node_modules', '.bin', cmd), args, { cwd, encoding: 'utf8', timeout: 180_000 })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}\n${r.error ?? ''}`)
  return Date.now() - started
}

beforeAll(() => {
  // Built now rather than trusting an out/ left by an earlier build, which may be stale.
  const viteMs = run('electron-vite', ['build', '--logLevel', 'error'], root)

  const electron = join(work, 'electron-stand-in')
  mkdirSync(join(electron, 'resources'), { recursive: true })
  writeFileSync(join(electron, 'electron'), '#!/bin/sh\nexit 0\n', { mode: 0o755 })
  writeFileSync(join(electron, 'version'), createRequire(import.meta.url)('electron/package.json').version)
  writeFileSync(join(electron, 'LICENSE'), 'stand-in')
  writeFileSync(join(electron, 'LICENSES.chromium.html'), 'stand-in')
  const builderMs = run(
    'electron-builder',
    ['--dir', '--linux', '--projectDir', project, `-c.electronDist=${electron}`, `-c.directories.output=${output}`],
    project,
  )
  console.info(`packaging: electron-vite build ${viteMs} ms, electron-builder --dir ${builderMs} ms`)
  files = asar
    .listPackage(archive, { isPack: false })
    .map((p) => p.replace(/\\/g, '/').replace(/^\//, ''))
    .filter((p) => asar.statFile(archive, p, false).files === undefined)
  fileSet = new Set(files)
}, 240_000)

afterAll(() => rmSync(work, { recursive: true, force: true }))

/** Package names a built file imports (static, dynamic, require, require.resolve), builtins and electron aside. */
function bareImports(file: string): string[] {
  const code = readFileSync(file, 'utf8')
  const specs = [
    ...code.matchAll(
      /(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*|[Rr]equire\w*\.resolve\(\s*)["']([^"'.\/][^"']*)["']/g,
    ),
  ].map((m) => m[1])
  const names = specs.map((s) =>
    s
      .split('/')
      .slice(0, s.startsWith('@') ? 2 : 1)
      .join('/'),
  )
  return [...new Set(names)].filter((n) => !n.startsWith('node:') && !builtinModules.includes(n) && n !== 'electron')
}

/** Relative imports of a built file, as paths. */
function relativeImports(file: string): string[] {
  const code = readFileSync(file, 'utf8')
  return [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.\.?\/[^"']+)["']/g)].map((m) =>
    join(dirname(file), m[1]),
  )
}

/** Where Node finds package `name` from folder `from` of the development tree, if installed. */
function resolveInstalled(name: string, from: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules', name, 'package.json'))) return join(dir, 'node_modules', name)
    if (dir === root || dirname(dir) === dir) return null
  }
}

/** Where Node finds package `name` from package folder `from` of the archive ('' is the app). */
function resolveInArchive(name: string, from: string): string | null {
  for (let dir = from; ; dir = dir.replace(/\/?node_modules\/(@[^/]+\/)?[^/]+$/, '')) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`
    if (fileSet.has(`${candidate}/package.json`)) return candidate
    if (!dir) return null
  }
}

const version = (json: string | Buffer) => JSON.parse(json.toString()).version as string

/**
 * The packages the archive loads for `imports` (made from the app's folder), as archive folders.
 * electron-builder lays out a subset of node_modules anew (it may hoist another version of a
 * package), so each dependency is followed as Node would follow it, in the archive and in the
 * development tree side by side, and must resolve to the same version in both.
 */
function loadedPackages(imports: string[]): { found: Set<string>; problems: string[] } {
  const found = new Set<string>()
  const problems: string[] = []
  const visit = (name: string, fromArchive: string, fromInstalled: string, optional: boolean) => {
    const installed = resolveInstalled(name, fromInstalled)
    if (!installed) {
      if (!optional) problems.push(`${name} (needed by ${fromArchive || 'out/main'}) is not installed`)
      return
    }
    const packed = resolveInArchive(name, fromArchive)
    const want = version(readFileSync(join(installed, 'package.json')))
    if (!packed) return void problems.push(`${name}@${want} (needed by ${fromArchive || 'out/main'}) is missing`)
    const got = version(asar.extractFile(archive, `${packed}/package.json`))
    if (got !== want) problems.push(`${fromArchive || 'out/main'} would load ${name}@${got}, not ${want}`)
    if (found.has(packed)) return
    found.add(packed)
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'))
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, packed, installed, false)
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, packed, installed, true)
  }
  for (const name of imports) visit(name, '', root, false)
  return { found, problems }
}

/** Every .js file of out/main, recursively. */
function builtMainFiles(dir = join(project, 'out', 'main')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? builtMainFiles(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
  )
}

/** Every package folder in the archive ('node_modules/a', 'node_modules/a/node_modules/b'). */
function packagesInArchive(): string[] {
  const segment = '(?:@[^/]+/)?[^/@][^/]*'
  const pkgJson = new RegExp(`^(node_modules/${segment}(?:/node_modules/${segment})*)/package\\.json$`)
  return files.map((f) => pkgJson.exec(f)?.[1]).filter((p): p is string => p !== undefined)
}

describe('the packaged app (electron-builder --dir, offline)', () => {
  it('holds the built main, preload and renderer', () => {
    for (const f of ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'package.json']) {
      expect(files, f).toContain(f)
    }
    expect(files.filter((f) => f.startsWith('out/renderer/assets/') && f.endsWith('.js')).length).toBeGreaterThan(0)
    // Electron reads the app's package.json: the entry point is in the archive, and without a
    // productName there the data folder stays "complaint-desk".
    const pkg = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'))
    expect(pkg).toMatchObject({ name: 'complaint-desk', type: 'module', main: 'out/main/main.js' })
    expect(pkg.productName).toBeUndefined()
    expect(pkg.devDependencies).toBeUndefined()
  })

  it('unpacks the PDF worker and the two fonts it embeds', () => {
    for (const f of [
      'out/main/pdfWorker.js',
      'node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
      'node_modules/@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
    ]) {
      expect(files, f).toContain(f)
      expect(isUnpacked(f), `${f} unpacked`).toBe(true)
      expect(existsSync(join(unpackedDir, f)), `${f} on disk`).toBe(true)
    }
    // The same font files electron/pdf/render.ts loads (one regular, one bold).
    const render = readFileSync(join(root, 'electron', 'pdf', 'render.ts'), 'utf8')
    const loaded = [...render.matchAll(/'(NotoSansSC_\w+\.ttf)'/g)].map((m) => m[1]).sort()
    expect(loaded).toEqual(['NotoSansSC_400Regular.ttf', 'NotoSansSC_700Bold.ttf'])
    const fonts = files.filter((f) => f.endsWith('.ttf'))
    const [uiFonts, pdfFonts] = [
      fonts.filter((f) => f.startsWith('out/renderer/')),
      fonts.filter((f) => !f.startsWith('out/renderer/')),
    ]
    expect(pdfFonts.map((f) => f.split('/').pop()).sort()).toEqual(loaded)
    // The window draws Chinese with the same two faces, bundled by Vite under hashed names.
    expect(uiFonts.map((f) => f.replace(/^out\/renderer\/assets\/(\w+)-[\w-]+\.ttf$/, '$1.ttf')).sort()).toEqual(loaded)
  })

  it('holds every package main imports at run time, resolving as in development, and no other', () => {
    const { found, problems } = loadedPackages([...new Set(builtMainFiles().flatMap(bareImports))])
    expect(problems, 'fix `files` in electron-builder.yml').toEqual([])
    const extra = packagesInArchive().filter((p) => !found.has(p))
    expect(extra, 'in the archive but not imported by out/main: leave them out in electron-builder.yml').toEqual([])
  })

  it('unpacks everything the worker thread loads, so it never reads from inside the archive', () => {
    const graph = new Set<string>()
    const follow = (file: string) => {
      if (graph.has(file)) return
      graph.add(file)
      relativeImports(file).forEach(follow)
    }
    follow(join(project, 'out', 'main', 'pdfWorker.js'))
    const outFiles = [...graph].map((f) => relative(project, f).split(/[\\/]/).join('/'))
    const { found, problems } = loadedPackages([
      ...new Set([...graph].flatMap(bareImports).concat('@expo-google-fonts/noto-sans-sc')),
    ])
    expect(problems).toEqual([])
    expect(found.has('node_modules/pdfmake')).toBe(true)
    const packageFiles = files.filter((f) => [...found].some((p) => f.startsWith(`${p}/`)))
    const packed = [...outFiles, ...packageFiles, 'package.json'].filter((f) => !isUnpacked(f))
    expect(packed, 'the worker would load these from inside app.asar: add them to asarUnpack').toEqual([])
  })

  it('leaves out sources, tests, source maps, type declarations and development tools', () => {
    const unexpected = files.filter(
      (f) =>
        /^(tests|electron|renderer|shared|bench|docs|\.ci|dist)\//.test(f) ||
        /\.([cm]?ts|tsx|map)$/.test(f) ||
        f === 'out/main/bridge.js' ||
        /^node_modules\/(vitest|@playwright|playwright|electron|electron-builder|typescript|vite|react|react-dom|recharts)\//.test(
          f,
        ),
    )
    expect(unexpected).toEqual([])
    // The unused Noto Sans SC weights are ~10 MB each.
    expect(
      files.filter((f) => f.includes('noto-sans-sc/') && /(Thin|Light|Medium|SemiBold|ExtraBold|Black)/.test(f)),
    ).toEqual([])
  })

  it('renders a Chinese PDF with the unpacked worker, from the unpacked files alone', async () => {
    // Plain Node has no asar support: if anything the worker needs were left inside app.asar,
    // the worker could not load it here.
    const worker = new Worker(join(unpackedDir, 'out', 'main', 'pdfWorker.js'))
    try {
      const reply = await new Promise<{ ok: boolean; bytes?: Uint8Array; message?: string }>((resolve, reject) => {
        worker.once('message', resolve)
        worker.once('error', reject)
        worker.postMessage({ id: 1, doc: { content: ['受理回执 Receipt', { text: '二类投诉书面报告', bold: true }] } })
      })
      expect(reply.message).toBeUndefined()
      const pdf = Buffer.from(reply.bytes!).toString('latin1')
      expect(pdf.startsWith('%PDF-')).toBe(true)
      expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/)
      expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Bold/)
    } finally {
      await worker.terminate()
    }
  }, 30_000)
})
