import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/**
 * Finds a Chromium for the end-to-end tests: $CHROMIUM_PATH, then Debian's
 * /usr/bin/chromium, then a browser installed by Playwright. Nothing is downloaded.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists = existsSync): string {
  const candidates = [env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', safePlaywrightPath()]
  const found = candidates.find((p): p is string => typeof p === 'string' && p !== '' && exists(p))
  if (found) return found
  throw new Error(
    'No Chromium found for the end-to-end tests. Install one with `sudo apt-get install -y chromium` ' +
      '(Debian/Ubuntu), or `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium executable.',
  )
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--lang=zh-CN',
]
