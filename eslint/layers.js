// The layering of docs/architecture.md as an allow-list, in the manner of VS Code's
// code-layering rule: every folder names the folders and packages it may import, and
// anything else is an error. A new dependency between layers is a decision made here.
import { dirname, relative, resolve, sep } from 'node:path'

const SHARED = ['shared/values', 'shared/schemas', 'shared/domain', 'shared/rules', 'shared/i18n', 'shared/ipc']
const NODE = ['node:*']

/**
 * Folder (or file) → what its files may import: `layers` are folders or files of this repo
 * (a folder allows everything under it), `packages` are npm packages (`x/*` allows subpaths,
 * `node:*` the Node built-ins). A file belongs to the longest matching key.
 */
export const LAYERS = {
  // shared/: pure TypeScript, floors from the ground up.
  'shared/values': { layers: ['shared/values'], packages: ['zod', 'date-fns'] },
  'shared/schemas': { layers: ['shared/values', 'shared/schemas'], packages: ['zod'] },
  'shared/domain': { layers: ['shared/values', 'shared/schemas', 'shared/domain'], packages: ['zod'] },
  'shared/rules': {
    layers: ['shared/values', 'shared/schemas', 'shared/domain', 'shared/rules'],
    packages: ['zod', 'date-fns'],
  },
  'shared/i18n': { layers: ['shared/values', 'shared/schemas', 'shared/i18n'], packages: ['i18next'] },
  'shared/ipc': { layers: ['shared/values', 'shared/schemas', 'shared/domain', 'shared/ipc'], packages: ['zod'] },
  // electron/: the store knows nothing above it; migrations are frozen copies that import nothing live.
  'electron/store': { layers: [...SHARED, 'electron/store'], packages: [...NODE, 'zod', 'lowdb', 'lowdb/*'] },
  'electron/store/migrations': { layers: ['electron/store/migrations'], packages: [...NODE, 'zod'] },
  'electron/pdf': { layers: [...SHARED, 'electron/pdf'], packages: [...NODE, 'pdfmake', 'date-fns'] },
  'electron/services': {
    layers: [...SHARED, 'electron/services', 'electron/store/index.ts', 'electron/pdf'],
    packages: [...NODE, 'zod', 'date-fns', 'i18next'],
  },
  // Head office on PostgreSQL: schema, migrations, the push worker; reaches the store only through its façade.
  'electron/headoffice': {
    layers: [...SHARED, 'electron/headoffice', 'electron/store/index.ts'],
    packages: [...NODE, 'pg'],
  },
  // The push worker wired to the services: the one place both meet.
  'electron/sync.ts': { layers: [...SHARED, 'electron/services', 'electron/headoffice'], packages: NODE },
  // Head office mode's database wired to the services, the same way (services declare HqDatabase;
  // pg only to tell a lost line from a fault).
  'electron/headquarters.ts': {
    layers: [...SHARED, 'electron/services', 'electron/headoffice'],
    packages: [...NODE, 'pg'],
  },
  'electron/bridge': {
    layers: [
      ...SHARED,
      'electron/bridge',
      'electron/services',
      'electron/dataDir.ts',
      'electron/sync.ts',
      'electron/headquarters.ts',
    ],
    packages: NODE,
  },
  // The thin Electron adapters: the only files that import electron.
  'electron/main.ts': { layers: [...SHARED, 'electron'], packages: [...NODE, 'electron'] },
  'electron/preload.ts': { layers: ['shared/ipc'], packages: ['electron'] },
  'electron/window.ts': { layers: [...SHARED, 'electron/appUrl.ts'], packages: [...NODE, 'electron'] },
  'electron/desktop.ts': { layers: [...SHARED, 'electron/services'], packages: [...NODE, 'electron'] },
  'electron/ipc': { layers: [...SHARED, 'electron/services', 'electron/ipc'], packages: ['electron'] },
  'electron/appUrl.ts': { layers: [], packages: NODE },
  'electron/dataDir.ts': { layers: [], packages: NODE },
  // renderer/: React, talking to main only through window.api.
  renderer: {
    layers: [...SHARED, 'renderer'],
    packages: [
      'react',
      'react-dom',
      'react-dom/*',
      'react-i18next',
      'i18next',
      'react-hook-form',
      '@hookform/resolvers/*',
      'zod',
      'date-fns',
      'recharts',
      '@tanstack/react-virtual',
      'antd',
      'antd/*',
      '@ant-design/icons',
      '@ant-design/cssinjs',
      'virtual:antd.css',
      'dayjs',
      'dayjs/*',
      'pinyin-pro',
    ],
  },
  // The build step that extracts antd's CSS for the theme (runs in Node, inside Vite).
  'renderer/build': {
    layers: ['renderer/src/ui/theme.ts'],
    packages: ['react', 'vite', 'antd', '@ant-design/static-style-extract'],
  },
}

const ALIASES = { '@shared/': 'shared/' }

function layerOf(file) {
  let best = null
  for (const key of Object.keys(LAYERS)) {
    if ((file === key || file.startsWith(`${key}/`)) && (!best || key.length > best.length)) best = key
  }
  return best
}

function allows(entries, target) {
  return entries.some(
    (e) => target === e || target.startsWith(`${e}/`) || (e.endsWith('/*') && target.startsWith(e.slice(0, -1))),
  )
}

function packageName(spec) {
  if (spec.startsWith('node:')) return spec
  const parts = spec.split('/')
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

/** The repo path an import points at (without extension), or null for a package. */
function repoTarget(spec, file, root) {
  for (const [alias, to] of Object.entries(ALIASES)) if (spec.startsWith(alias)) return to + spec.slice(alias.length)
  if (!spec.startsWith('.')) return null
  return relative(root, resolve(root, dirname(file), spec))
    .split(sep)
    .join('/')
}

const rule = {
  meta: {
    type: 'problem',
    schema: [],
    messages: { denied: '{{layer}} may not import {{target}} (docs/architecture.md, layers).' },
  },
  create(context) {
    const root = context.cwd
    const file = relative(root, context.filename).split(sep).join('/')
    const layer = layerOf(file)
    if (!layer) return {}
    const { layers, packages } = LAYERS[layer]
    const check = (node, spec) => {
      if (typeof spec !== 'string') return
      const target = repoTarget(spec, file, root)
      if (target !== null) {
        // A folder import means its index; a file may be named with or without its extension.
        const candidates = [target, `${target}.ts`, `${target}.tsx`, `${target}/index.ts`]
        if (candidates.some((c) => allows(layers, c))) return
        context.report({ node, messageId: 'denied', data: { layer, target } })
      } else if (
        spec.startsWith('node:')
          ? !allows(packages, 'node:*') && !allows(packages, spec)
          : !allows(packages, spec) && !allows(packages, packageName(spec))
      ) {
        context.report({ node, messageId: 'denied', data: { layer, target: spec } })
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    }
  },
}

export default { rules: { 'allowed-imports': rule } }
