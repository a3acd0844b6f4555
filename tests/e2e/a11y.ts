import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

/**
 * axe on what is on screen now (issue 14: zero serious or critical violations on every page and
 * dialog). Each finding is listed with the elements it names, so a failure says what to fix.
 */
export async function expectAccessible(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const where = v.nodes.map((n) => `${n.html.slice(0, 90)} ${n.any[0]?.message ?? ''}`).join(' | ')
      return `${v.id} (${v.impact}): ${v.help} — ${where}`
    })
  expect(serious, `axe on ${state}`).toEqual([])
}
