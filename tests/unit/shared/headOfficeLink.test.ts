import { describe, expect, it } from 'vitest'
import { lacksPassword } from '@shared/rules/headOfficeLink'

describe('lacksPassword (the head office link)', () => {
  it('a link turned on needs a password, given now or stored before', () => {
    expect(lacksPassword({ enabled: true, password: '' }, false)).toBe(true)
    expect(lacksPassword({ enabled: true }, false)).toBe(true)
    expect(lacksPassword({ enabled: true, password: 'a-long-password' }, false)).toBe(false)
    expect(lacksPassword({ enabled: true, password: '' }, true)).toBe(false)
  })
  it('a link turned off needs none', () => {
    expect(lacksPassword({ enabled: false, password: '' }, false)).toBe(false)
  })
})
