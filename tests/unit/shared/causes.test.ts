import { describe, expect, it } from 'vitest'
import { causeFits, causesFor, suggestCause } from '@shared/rules/causes'
import { CATEGORIES, CAUSES, CAUSES_BY_CATEGORY } from '@shared/values/options'
import { createI18n } from '@shared/i18n'

describe('cause codes (docs/domain.md §3a)', () => {
  it('cashier, service and product-quality complaints have the material’s causes; the others none', () => {
    expect(causesFor('cashier_error')).toEqual([
      'short_change',
      'goods_for_change',
      'double_scan',
      'slow_checkout',
      'queue_jumping',
      'other',
    ])
    expect(causesFor('service_attitude')).toContain('abuse_quarrel')
    expect(causesFor('product_quality')).toContain('batch_problem')
    for (const c of CATEGORIES.filter((c) => !(c in CAUSES_BY_CATEGORY))) expect(causesFor(c)).toEqual([])
  })

  it('a cause fits only its own category; blank fits any', () => {
    expect(causeFits('cashier_error', 'short_change')).toBe(true)
    expect(causeFits('service_attitude', 'short_change')).toBe(false)
    expect(causeFits('delivery', 'other')).toBe(false)
    expect(causeFits('delivery', '')).toBe(true)
    expect(causeFits('delivery', undefined)).toBe(true)
  })

  it('every cause has a label in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { exists } = createI18n(lang)
      for (const cause of CAUSES) expect(exists(`options.cause.${cause}`), cause).toBe(true)
    }
  })

  it.each([
    ['cashier_error', '收银员少找了我十块钱', 'short_change'],
    ['cashier_error', '没零钱就拿两块糖代替找零', 'goods_for_change'],
    ['cashier_error', '一瓶酱油扫了两次，多收了钱', 'double_scan'],
    ['cashier_error', 'The cashier charged twice for the milk.', 'double_scan'],
    ['cashier_error', '排队等了半小时，收银员动作慢吞吞', 'slow_checkout'],
    ['cashier_error', '收银员让她的熟人先结账，插队', 'queue_jumping'],
    ['service_attitude', '导购一味推荐贵的，不听我说要什么', 'pushy_selling'],
    ['service_attitude', '两个店员在聊天，叫了几次都不理', 'ignoring_customer'],
    ['service_attitude', '店员一直板着脸', 'stony_face'],
    ['service_attitude', '问了两句就不耐烦，还翻白眼', 'impolite'],
    ['service_attitude', '问电饭煲功能，店员一问三不知', 'product_ignorance'],
    ['service_attitude', '店员态度差，还骂了客户', 'abuse_quarrel'],
    ['product_quality', '药店卖给我过期钙片', 'expired'],
    ['product_quality', '还在保质期内就发霉了', 'spoiled_damaged'],
    ['product_quality', '收到的颜色和图片不一样，货不对板', 'not_as_described'],
    ['product_quality', '同一批次的牛奶好几个人喝了都说有怪味', 'batch_problem'],
  ] as const)('%s: “%s” suggests %s', (category, text, cause) => {
    expect(suggestCause(category, text)?.cause).toBe(cause)
  })

  it('suggests nothing for words that are negated, absent, or of another category', () => {
    expect(suggestCause('product_quality', '牛奶没有过期，但是味道不对')?.cause).not.toBe('expired')
    expect(suggestCause('cashier_error', '顾客对价格有疑问')).toBeNull()
    expect(suggestCause('delivery', '收银员少找了钱')).toBeNull()
  })
})
