import { describe, expect, it } from 'vitest'
import { AMOUNT_PATTERN, formatFen, parseYuanToFen, readAmount } from '@shared/values/money'

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
    expect(readAmount('   ')).toEqual({ ok: true, fen: null })
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

describe('amounts as a clerk types them (readAmount)', () => {
  it.each([
    ['20元', 2000],
    ['20 元', 2000],
    ['¥20', 2000],
    ['￥20', 2000],
    ['¥ 20', 2000],
    ['￥20.5元', 2050],
    ['20.5', 2050],
    ['２０．５', 2050], // full-width digits and point, as a Chinese IME types them
    ['20元 ', 2000],
    ['0.01', 1],
    ['007', 700],
    ['999999999.99', 99_999_999_999],
  ])('reads %s as %i fen', (text, fen) => {
    expect(readAmount(text)).toEqual({ ok: true, fen })
    expect(parseYuanToFen(text)).toBe(fen)
  })

  it.each([
    ['20元5', 'amountText'], // 20 yuan 5 jiao said aloud: must be typed 20.5
    ['abc', 'amountText'],
    ['十元', 'amountText'],
    ['元', 'amountText'],
    ['¥', 'amountText'],
    ['1,000', 'amountText'],
    ['.5', 'amountText'],
    ['5.', 'amountText'],
    ['1e3', 'amountText'],
    ['20 5', 'amountText'],
    ['20元元', 'amountText'],
    ['--3', 'amountText'],
    ['-3', 'amountNegative'],
    ['¥-3', 'amountNegative'],
    ['-¥3', 'amountNegative'],
    ['-3元', 'amountNegative'],
    ['1.234', 'amountDecimals'],
    ['20.505元', 'amountDecimals'],
    ['1234567890', 'amountTooLarge'],
  ])('refuses %s (%s)', (text, problem) => {
    expect(readAmount(text)).toEqual({ ok: false, problem })
    expect(() => parseYuanToFen(text)).toThrow(RangeError)
  })

  it('reads every plain amount exactly as before', () => {
    for (const text of ['0', '1', '10.5', '10.05', '123456789.99'])
      expect(AMOUNT_PATTERN.test(text) && readAmount(text)).toEqual({ ok: true, fen: parseYuanToFen(text) })
  })
})
