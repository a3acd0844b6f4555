import { describe, expect, it } from 'vitest'
import { findChromium } from '../support/chromium'

describe('finding Chromium for the end-to-end tests', () => {
  it('prefers $CHROMIUM_PATH, then Debian’s /usr/bin/chromium', () => {
    expect(
      findChromium(
        { CHROMIUM_PATH: '/opt/chrome/chrome' },
        (p) => p === '/opt/chrome/chrome' || p === '/usr/bin/chromium',
      ),
    ).toBe('/opt/chrome/chrome')
    expect(findChromium({}, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium')
  })

  it('fails with a message that says how to get one', () => {
    expect(() => findChromium({}, () => false)).toThrow(/apt-get install -y chromium.*CHROMIUM_PATH/s)
  })
})
