import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from '@shared/rules/csv'

describe('CSV for Excel', () => {
  it('starts with a UTF-8 byte-order mark and ends lines with CRLF', () => {
    const csv = toCsv([
      ['编号', '客户姓名'],
      ['KS-1', '王秀英'],
    ])
    expect(csv).toBe('\uFEFF编号,客户姓名\r\nKS-1,王秀英\r\n')
  })

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('少找钱，态度差')).toBe('少找钱，态度差') // a full-width comma needs nothing
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('他说"不退"')).toBe('"他说""不退"""')
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"')
  })

  it('keeps text that Excel would run as a formula as text', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`)
    expect(csvCell('+86 138')).toBe("'+86 138")
    expect(csvCell('-5')).toBe("'-5")
    expect(csvCell('@sum')).toBe("'@sum")
    expect(csvCell('138****1234')).toBe('138****1234')
  })
})
