import { describe, expect, it } from 'vitest'
import { optionMatches } from '../../../renderer/src/ui/pinyin'

describe('select search by Chinese text and pinyin', () => {
  it('finds a category by its pinyin initials or full pinyin, anywhere in the label', () => {
    expect(optionMatches('收银差错', 'syc')).toBe(true)
    expect(optionMatches('收银差错', 'SYCC')).toBe(true)
    expect(optionMatches('收银差错', 'shouyin')).toBe(true)
    expect(optionMatches('产品质量', 'zl')).toBe(true)
  })

  it('finds by the Chinese text, spaces ignored on both sides', () => {
    expect(optionMatches('不加密（专线/VPN 内）', '不加密（专线/VPN 内）')).toBe(true)
    expect(optionMatches('不加密（专线/VPN 内）', 'vpn内')).toBe(true)
    expect(optionMatches('服务态度', '态度')).toBe(true)
  })

  it('does not find what does not match', () => {
    expect(optionMatches('服务态度', 'syc')).toBe(false)
    expect(optionMatches('服务态度', '收银')).toBe(false)
    expect(optionMatches('收银差错', 'sy1')).toBe(false)
  })

  it('shows everything for an empty search', () => {
    expect(optionMatches('收银差错', '  ')).toBe(true)
  })
})
