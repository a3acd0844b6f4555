import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { build } from 'vite'

const root = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Builds a script a test runs as a child process (TypeScript importing @shared and the app's
 * modules) into one ES module, `<name>.mjs` under node_modules/.cache/<folder>; its path.
 */
export async function buildScript(entry: string, folder: string, name: string): Promise<string> {
  const outDir = join(root, 'node_modules/.cache', folder)
  await build({
    configFile: false,
    logLevel: 'warn',
    resolve: { alias: { '@shared': join(root, 'shared') } },
    build: {
      ssr: join(root, entry),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { entryFileNames: `${name}.mjs`, format: 'es' } },
    },
  })
  return join(outDir, `${name}.mjs`)
}
