import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './tests/support/chromium'
import { cjkFontEnv } from './tests/support/cjkFonts'

// Each test file starts its own browser host (built renderer + bridge) on a temp data dir.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // Two journeys at once on a 2-core machine: 5.7 min for the suite, against 8.1 with one.
  workers: 2,
  timeout: 60_000,
  reporter: process.env.CI ? 'list' : 'line',
  outputDir: 'test-results/e2e',
  use: {
    headless: true,
    viewport: { width: 1280, height: 860 },
    locale: 'zh-CN',
    // The app turns Ant Design's animations off for it: no click lands on a list still zooming in.
    reducedMotion: 'reduce',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS, env: cjkFontEnv() },
    // Recording a trace costs a third of the suite's time; a failure still leaves the page's snapshot
    // (error-context.md) and a screenshot. Debug one journey with `npx playwright test <file> --trace on`.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
})
