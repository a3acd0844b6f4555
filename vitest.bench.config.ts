import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `npm run bench`: timings printed as a table; never part of `npm test` (no timed assertions).
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  test: { include: ['bench/**/*.bench.ts'], environment: 'node', reporters: ['default'], silent: false },
})
