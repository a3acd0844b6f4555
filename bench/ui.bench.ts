/// <reference lib="dom" />
// npm run bench (after a build): the case list in Chromium over 100,000 generated cases.
// Times are printed against a baseline measured in the same run (the same list with 2,000
// cases); nothing is asserted. Skipped with a note when the app is not built.
import { it } from 'vitest'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from '@playwright/test'
import { openServices } from '../electron/services'
import { CHROMIUM_ARGS, findChromium } from '../tests/support/chromium'
import { startHost } from '../tests/support/host'
import { generateCases } from './data'

const PIN = '246810'
/** The case list (antd's virtual table) and its scrolling body. */
const TABLE = '.case-table'
const HOLDER = `${TABLE} .ant-table-tbody-virtual-holder`
const built = existsSync(new URL('../out/main/bridge.js', import.meta.url))

async function seed(n: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `cd-ui-${n}-`))
  const services = await openServices(dir, () => new Date('2026-11-22T02:00:00Z'))
  await services.dispatch('setup:init', {
    branch: { name: '静安寺店', code: 'SH01' },
    manager: { name: '陈主管', pin: PIN, pinConfirm: PIN },
    contacts: {
      managerContacts: [{ name: '陈主管', role: '店长', phone: '13800000000' }],
      serviceContact: '021-62345678',
    },
  })
  const departments = services.ctx.store.data.departments
  const cases = generateCases(n).map((c, i) => ({ ...c, departmentId: departments[i % departments.length].id }))
  await services.ctx.store.update((d) => void d.cases.push(...cases))
  await services.close() // folds in: old closed cases go to the archive
  return dir
}

/** Frame gaps while the list is scrolled by the wheel for a while, and rows in the page meanwhile. */
async function scrollFrames(page: Page): Promise<{ p95: number; max: number; rowsInPage: number }> {
  await page.evaluate(() => {
    const w = window as unknown as { gaps: number[]; last: number; on: boolean }
    w.gaps = []
    w.on = true
    w.last = performance.now()
    const tick = (t: number) => {
      w.gaps.push(t - w.last)
      w.last = t
      if (w.on) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  const box = (await page.locator(HOLDER).boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  for (let i = 0; i < 60; i++) await page.mouse.wheel(0, 1200)
  const gaps = await page.evaluate(() => {
    const w = window as unknown as { gaps: number[]; on: boolean }
    w.on = false
    return w.gaps.slice(2)
  })
  const sorted = gaps.sort((a, b) => a - b)
  return {
    p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0,
    max: sorted.at(-1) ?? 0,
    rowsInPage: await page.locator(`${TABLE} .ant-table-row`).count(),
  }
}

/** Fresh browsers per figure of a cold first open (one sample is mostly noise on 2 cores). */
const OPENS = 5

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/**
 * Signs in and opens 投诉列表 in a fresh browser (nothing compiled, nothing cached): the time
 * from the click to the first row painted, taken in the page (the click event, then the frame
 * after the row is in the document), and Playwright's round trip around it, which adds its
 * checks before the click and its polling after.
 */
async function openList(page: Page, url: string): Promise<{ painted: number; roundTrip: number }> {
  await page.goto(url)
  await page.getByLabel('员工姓名').selectOption({ label: '陈主管（主管）' })
  await page.getByLabel('PIN 码').fill(PIN)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('heading', { name: '首页', level: 1 }).waitFor()
  const row = `${TABLE} .ant-table-row[data-index="0"] .case-link`
  const painted = page.evaluate(
    (row) =>
      new Promise<number>((resolve) => {
        document.addEventListener(
          'click',
          () => {
            const clicked = performance.now()
            const seen = () => {
              if (!document.querySelector(row)) return false
              requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - clicked)))
              return true
            }
            const watch = new MutationObserver(() => seen() && watch.disconnect())
            if (!seen()) watch.observe(document.body, { childList: true, subtree: true })
          },
          { capture: true, once: true },
        )
      }),
    row,
  )
  const t = performance.now()
  await page.getByRole('navigation').getByRole('button', { name: '投诉列表' }).click()
  await page.locator(row).waitFor()
  const roundTrip = performance.now() - t
  return { painted: await painted, roundTrip }
}

async function measure(n: number) {
  const dir = await seed(n)
  const host = await startHost(dir)
  const painted: number[] = []
  const roundTrip: number[] = []
  try {
    for (let i = 1; ; i++) {
      const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      try {
        const open = await openList(page, host.url)
        painted.push(open.painted)
        roundTrip.push(open.roundTrip)
        if (i < OPENS) continue
        // Jump to the middle of the history (a drag of the scroll bar) and wait for real rows there.
        const rowHeight = await page
          .locator(`${TABLE} .ant-table-row[data-index="0"]`)
          .evaluate((el) => (el as HTMLElement).offsetHeight)
        const t = performance.now()
        const middle = Math.floor(n / 2)
        await page.locator(HOLDER).evaluate((el, at) => (el.scrollTop = at), middle * rowHeight)
        await page.waitForFunction(
          ([table, at]) => {
            const rows = [...document.querySelectorAll<HTMLElement>(`${table} .ant-table-row[data-index]`)]
            return (
              rows.some((r) => Number(r.dataset.index) >= at - 50) &&
              !rows.some((r) => r.classList.contains('loading-row'))
            )
          },
          [TABLE, middle] as const,
        )
        const jump = performance.now() - t
        const frames = await scrollFrames(page)
        if (n >= 100_000) await page.screenshot({ path: 'test-results/screens/32-list-100k.png' })
        return { firstRows: median(painted), roundTrip: median(roundTrip), jump, ...frames }
      } finally {
        await browser.close()
      }
    }
  } finally {
    await host.stop()
    await rm(dir, { recursive: true, force: true })
  }
}

it.skipIf(!built)(
  'case list in Chromium at 100,000 cases',
  async () => {
    // The baseline scrolls as far (2,000 rows cover the 60 wheel turns), so only the history size differs.
    const base = await measure(2_000)
    const big = await measure(100_000)
    const row = (name: string, a: number, b: number) =>
      `${name.padEnd(48)} 2k cases ${a.toFixed(0).padStart(6)} ms   100k ${b.toFixed(0).padStart(6)} ms   ×${(b / a).toFixed(1)}`
    console.log(
      [
        '',
        row(`open the list: first row painted (median of ${OPENS})`, base.firstRows, big.firstRows),
        row('  the same, as Playwright sees it', base.roundTrip, big.roundTrip),
        row('jump to the middle: rows shown', base.jump, big.jump),
        row('wheel scrolling: frame time p95', base.p95, big.p95),
        row('wheel scrolling: longest frame', base.max, big.max),
        `rows in the page while scrolling: ${base.rowsInPage} (2k cases) · ${big.rowsInPage} (100k)`,
        '',
      ].join('\n'),
    )
  },
  600_000,
)
