import { describe, expect, it } from 'vitest'
import { AMOUNT_PATTERN, formatFen, parseYuanToFen } from '@shared/values/money'

describe('amounts', () => {
  it.each([
    ['0', 0],
    ['10', 1000],
    ['10.5', 1050],
    ['10.05', 1005],
    ['299.99', 29999],
    ['  15 ', 1500],
  ])('parses %s yuan to %i fen', (text, fen) => {
    expect(parseYuanToFen(text)).toBe(fen)
  })

  it('treats an empty amount as not given', () => {
    expect(parseYuanToFen('')).toBeNull()
  })

  it.each(['-1', '1.234', '1,000', 'abc', '.5', '1e3', '12345678901'])('rejects %s', (text) => {
    expect(AMOUNT_PATTERN.test(text)).toBe(false)
    expect(() => parseYuanToFen(text)).toThrow(RangeError)
  })

  it('formats fen with two decimals', () => {
    expect(formatFen(1005)).toBe('10.05')
    expect(formatFen(0)).toBe('0.00')
    expect(formatFen(-250)).toBe('-2.50')
  })

  it('round-trips without floating-point drift', () => {
    expect(formatFen(parseYuanToFen('0.1')! + parseYuanToFen('0.2')!)).toBe('0.30')
  })
})
