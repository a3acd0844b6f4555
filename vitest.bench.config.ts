import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// `npm run bench`: timings printed as a table; never part of `npm test` (no timed assertions).
export default defineConfig({
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  // --expose-gc: the storage bench measures the heap the open store holds.
  test: {
    include: ['bench/**/*.bench.ts'],
    environment: 'node',
    reporters: ['default'],
    silent: false,
    execArgv: ['--expose-gc', '--max-old-space-size=8192'],
    fileParallelism: false,
  },
})
