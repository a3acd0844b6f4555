import { describe, expect, it } from 'vitest'
import { caseTokens, findPatterns, productWords, Vocabulary, type PatternCase } from '@shared/rules/patterns'
import { PATTERN_DEFAULTS } from '@shared/values/patterns'

const keys = (product: string, description: string, vocabulary?: Vocabulary) =>
  caseTokens(product, description, vocabulary)
    .map((t) => `${t.kind}:${t.key}`)
    .sort()

describe('product, model and batch words of a case', () => {
  it('finds models in the product and the description, whatever their width, case or separators', () => {
    expect(keys('电饭煲 MB-40', '用了三天就不加热了')).toEqual(['model:MB40', 'product:电饭煲'])
    expect(keys('', '上周买的ＭＢ－４０电饭煲坏了')).toEqual(['model:MB40'])
    expect(keys('', '洗衣机 xqb80 脱水噪音大')).toEqual(['model:XQB80'])
    expect(keys('冰箱', '型号 BCD-520，冷藏室不制冷')).toEqual(['model:BCD520', 'product:冰箱'])
  })

  it('takes no quantity, plain number, case number, phone or amount for a model', () => {
    expect(keys('大米 5kg', '买了两袋 10KG 的，500ml 的油，55寸电视')).toEqual(['product:大米'])
    expect(keys('', '见投诉 KS-20261120-0001，电话 13812345678，少找 20 元')).toEqual([])
  })

  it('reads a batch after 批号/批次/生产日期/LOT, digits alone included', () => {
    expect(keys('牛奶', '批号：20261101A，喝了拉肚子')).toEqual(['batch:20261101A', 'product:牛奶'])
    expect(keys('', '生产日期20261030，批次 B2210-7')).toEqual(['batch:20261030', 'batch:B22107'])
    expect(keys('', 'Lot No. 88421 leaks')).toEqual(['batch:88421'])
    expect(keys('', 'a lot of noise')).toEqual([])
  })

  it('takes each Chinese or Latin word of the product field, not placeholders', () => {
    expect(productWords('空气炸锅')).toEqual(['空气炸锅'])
    expect(productWords('Apple iPhone 15')).toEqual(['Apple', 'iPhone'])
    expect(productWords('无')).toEqual([])
    expect(productWords('其他')).toEqual([])
    expect(productWords('油')).toEqual([]) // one character says too little
  })

  it('finds other cases’ product words in a description (a case logged without a product)', () => {
    const vocabulary = new Vocabulary(['空气炸锅', 'iPhone', 'pan'])
    expect(keys('', '昨天买的空气炸锅冒烟了', vocabulary)).toEqual(['product:空气炸锅'])
    expect(keys('', 'my iphone screen cracked', vocabulary)).toEqual(['product:iphone'])
    expect(keys('', 'made in japan', vocabulary)).toEqual([]) // a Latin word at a word start only
  })
})

const asOf = new Date('2026-11-20T12:00:00+08:00')
const daysAgo = (d: number) => new Date(asOf.getTime() - d * 86_400_000).toISOString()
let n = 0
function kase(branchCode: string, o: Partial<PatternCase> = {}): PatternCase {
  n++
  return {
    branchCode,
    caseId: `c${n}`,
    caseNo: `KS-20261120-${String(n).padStart(4, '0')}`,
    category: 'service_attitude',
    receivedAt: daysAgo(1),
    product: '',
    description: '态度不好',
    ...o,
  }
}
const options = { ...PATTERN_DEFAULTS, asOf }

describe('cross-branch patterns', () => {
  it('a batch in three branches within 14 days is a pattern; the branches and newest cases are listed', () => {
    const cases = [
      kase('SH01', {
        product: '酸奶',
        description: '批号 A2611 胀包',
        category: 'product_quality',
        receivedAt: daysAgo(2),
      }),
      kase('SH02', {
        product: '酸奶',
        description: '批号A2611，变质',
        category: 'product_quality',
        receivedAt: daysAgo(5),
      }),
      kase('SH02', { product: '酸奶', description: '批号A2611', category: 'product_quality', receivedAt: daysAgo(6) }),
      kase('BJ01', { description: '酸奶 批号 a2611 有异味', category: 'product_quality', receivedAt: daysAgo(13) }),
    ]
    const found = findPatterns(cases, options)
    const batch = found.find((p) => p.kind === 'batch')
    expect(batch).toMatchObject({
      key: 'A2611',
      cases: 4,
      branches: [
        { branchCode: 'SH02', count: 2 },
        { branchCode: 'BJ01', count: 1 },
        { branchCode: 'SH01', count: 1 },
      ],
      lastAt: daysAgo(2),
      firstAt: daysAgo(13),
    })
    expect(batch!.examples.map((e) => e.branchCode)).toEqual(['SH01', 'SH02', 'SH02', 'BJ01'])
    // The product word counts in BJ01 too: its description names what the others logged as the product.
    expect(found.find((p) => p.kind === 'product')).toMatchObject({ key: '酸奶', cases: 4 })
    expect(found.find((p) => p.kind === 'category')).toMatchObject({ key: 'product_quality' })
    // Batches first, then models, product words, categories.
    expect(found.map((p) => p.kind)).toEqual(['batch', 'product', 'category'])
  })

  it('two branches are not enough, however many cases', () => {
    const cases = [1, 2, 3, 4].flatMap((d) => [
      kase('SH01', { product: '电饭煲 MB-40', receivedAt: daysAgo(d) }),
      kase('SH02', { product: '电饭煲 MB-40', receivedAt: daysAgo(d) }),
    ])
    expect(findPatterns(cases, options)).toEqual([])
    expect(findPatterns(cases, { ...options, minBranches: 2 }).map((p) => `${p.kind}:${p.key}`)).toEqual([
      'model:MB40',
      'product:电饭煲',
      'category:service_attitude',
    ])
  })

  it('a case outside the window, in the future or voided does not count', () => {
    const cases = [
      kase('SH01', { product: '电饭煲', receivedAt: daysAgo(1) }),
      kase('SH02', { product: '电饭煲', receivedAt: daysAgo(13.9) }),
      kase('SH03', { product: '电饭煲', receivedAt: daysAgo(14.1) }),
      kase('SH04', { product: '电饭煲', receivedAt: daysAgo(-1) }),
      kase('SH05', { product: '电饭煲', receivedAt: daysAgo(3), voided: true }),
    ]
    expect(findPatterns(cases, options)).toEqual([])
    expect(findPatterns(cases, { ...options, days: 15 }).map((p) => p.key)).toContain('电饭煲')
  })

  it('the same branch three times is no pattern', () => {
    const cases = [1, 2, 3].map((d) => kase('SH01', { product: '空气炸锅', receivedAt: daysAgo(d) }))
    expect(findPatterns(cases, options)).toEqual([])
  })
})
