import { describe, expect, it } from 'vitest'
import { isValidPhone, maskPhone, normalizePhone, phoneDigits } from '@shared/values/phone'

describe('phone numbers', () => {
  it.each([
    ['13812341234', true],
    ['+86 138 1234 1234', true],
    ['0086-13812341234', true],
    ['19912345678', true],
    ['021-12345678', true],
    ['02112345678', true],
    ['0755-1234567', true],
    ['010-12345678-123', true],
    ['12812341234', false], // no mobile prefix 12
    ['1381234123', false], // 10 digits
    ['138123412345', false],
    ['abc', false],
    ['', false],
    ['21-12345678', false],
  ])('%s valid=%s', (input, valid) => {
    expect(isValidPhone(input)).toBe(valid)
  })

  it('masks mobiles as 138****1234 and landlines keeping area code and last four digits', () => {
    expect(maskPhone('13812341234')).toBe('138****1234')
    expect(maskPhone('+86 138 1234 5678')).toBe('138****5678')
    expect(maskPhone('021-12345678')).toBe('021-****5678')
    expect(maskPhone('')).toBe('')
  })

  it('never shows the middle digits of a mobile', () => {
    expect(maskPhone('13899990000')).not.toContain('9999')
  })

  it('normalises spaces and country prefixes', () => {
    expect(normalizePhone(' +86 138 1234 1234 ')).toBe('13812341234')
    expect(phoneDigits('021-1234 5678')).toBe('02112345678')
  })
})
