import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Two workers on two cores halve each test's share of the machine: the store's fsync-by-fsync
// tests (2–3 s alone) passed 5 s under a busy CI. A hang still fails, after 20 s.
const testTimeout = 20_000

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) }

export default defineConfig({
  resolve: { alias },
  test: {
    // Vitest leaves a core to itself (one worker on a 2-core machine); its main process idles, so a
    // second worker there takes the run from 7 to 4.5 minutes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          testTimeout,
          hookTimeout: testTimeout,
          include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/crash/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          testTimeout,
          hookTimeout: testTimeout,
          include: ['tests/renderer/**/*.test.tsx'],
          setupFiles: ['tests/renderer/setup.ts'],
        },
      },
    ],
  },
})
