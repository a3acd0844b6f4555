import { fileURLToPath } from 'node:url'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { antdStyles } from './renderer/build/antdStyles'

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) }
const entry = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: entry('./electron/main.ts'),
          bridge: entry('./electron/bridge/cli.ts'),
          headoffice: entry('./electron/headoffice/cli.ts'),
          pdfWorker: entry('./electron/pdf/worker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot require() packages: bundle them (electron stays external).
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: entry('./electron/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: {
      alias: {
        ...alias,
        // The font files the PDFs embed, served to the UI as well (renderer/src/ui/fonts.css).
        '@notoSansSc': fileURLToPath(new URL('./node_modules/@expo-google-fonts/noto-sans-sc', import.meta.url)),
      },
    },
    plugins: [react(), antdStyles()],
    // Not minified: minified names hide from the security linter (.ci/electron-lint.mjs) that a
    // timer is given a function, and it then reports a dangerous setTimeout; start-up measured no faster.
    build: { outDir: 'out/renderer', rollupOptions: { input: entry('./renderer/index.html') } },
  },
})
