import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import prettier from 'eslint-config-prettier'

const NODE_BUILTINS = [
  'fs',
  'fs/promises',
  'path',
  'os',
  'crypto',
  'http',
  'https',
  'net',
  'child_process',
  'url',
  'util',
  'stream',
  'worker_threads',
]
const node = { group: ['node:*', ...NODE_BUILTINS], message: 'Node APIs belong in electron/ (main process).' }
const electronPkg = {
  name: 'electron',
  message: 'Only the thin Electron adapters (main.ts, preload.ts, ipc/, window.ts) import electron.',
}

/** What main's code (services, store, bridge) may not import. */
const mainImports = {
  paths: [{ name: 'electron', message: 'Services stay plain Node modules so they can be tested without Electron.' }],
  patterns: [{ group: ['**/renderer/**'], message: 'main never imports the renderer.' }],
}

/** The layering of docs/architecture.md, enforced: shared/ imports neither side; renderer/ imports only shared/. */
const layering = [
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPkg],
          patterns: [
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ must not import electron/ or renderer/.' },
            { group: ['react', 'react-dom', 'react-*'], message: 'shared/ is UI-free.' },
            node,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [electronPkg],
          patterns: [
            {
              group: ['**/electron/**', 'lowdb', 'lowdb/*'],
              message: 'renderer/ talks to main only through window.api.',
            },
            node,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/store/**/*.ts', 'electron/bridge/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', mainImports] },
  },
  {
    // One door (docs/architecture.md, "Data"). A later block replaces the rule's options for
    // the files it matches, so this one repeats main's restrictions and adds the store's.
    files: ['electron/services/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...mainImports,
          patterns: [
            ...mainImports.patterns,
            { group: ['**/store/*'], message: 'services import the store only through electron/store/index.ts' },
          ],
        },
      ],
    },
  },
]

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  ...layering,
  // Formatting is Prettier's job (npm run format); eslint only checks code.
  prettier,
)
