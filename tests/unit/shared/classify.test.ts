import { describe, expect, it } from 'vitest'
import fixture from '../../fixtures/classification-cases.json'
import { classify, type ClassifyInput, type HistoryItem } from '@shared/rules/classify'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import type { Category, CustomerType, Situation } from '@shared/values/options'
import { createI18n } from '@shared/i18n'

// The fixture speaks zh-CN labels; map them onto the schema's ids.
const CATEGORY: Record<string, Category> = {
  产品质量: 'product_quality',
  服务态度: 'service_attitude',
  '价格/计费争议': 'price_billing',
  收银差错: 'cashier_error',
  '售后/退换货': 'after_sales',
  '配送/交付': 'delivery',
  使用困难: 'usage_difficulty',
  '环境/设施': 'premises',
  '安全/健康': 'safety_health',
  其他: 'other',
}
const CUSTOMER: Record<string, CustomerType> = {
  普通: 'regular',
  会员: 'member',
  'VIP-大客户': 'vip_large_account',
  'VIP-社会知名人士': 'vip_public_figure',
  'VIP-政府人员': 'vip_government',
  'VIP-媒体记者': 'vip_journalist',
  常投诉客户: 'frequent',
}
const PHONE = '13812341234'
const yuan = (y: number | undefined) => (y === undefined ? null : Math.round(y * 100))

type FixtureCase = (typeof fixture.cases)[number] & {
  flags?: string[]
  history?: { phoneSame: boolean; category: string; daysAgo: number }[]
  resolvedAtDesk?: boolean
}

const now = new Date(fixture.now)
const settings = {
  ...DEFAULT_WORKFLOW_SETTINGS,
  authorityLimitFen: fixture.settings.authorityLimitYuan * 100,
  largeLossFen: fixture.settings.largeLossYuan * 100,
  repeatCustomerDays: fixture.settings.repeatCustomerDays,
  categoryPatternDays: fixture.settings.categoryPatternDays,
  categoryPatternCount: fixture.settings.categoryPatternCount,
}

function toInput(c: FixtureCase): { input: ClassifyInput; history: HistoryItem[] } {
  const amountFen = yuan(c.amountYuan)
  const input: ClassifyInput = {
    category: CATEGORY[c.category],
    customerType: CUSTOMER[c.customerType],
    phone: PHONE,
    amountFen,
    claimFen: c.goodwillYuan ? (amountFen ?? 0) + yuan(c.goodwillYuan)! : null,
    description: c.description,
    demandNote: '',
    situations: (c.flags ?? []) as Situation[],
    resolvedAtDesk: c.resolvedAtDesk === false ? 'no' : c.resolvedAtDesk === true ? 'yes' : 'pending',
  }
  const history = (c.history ?? []).map((h) => ({
    phone: h.phoneSame ? PHONE : '13900000000',
    category: CATEGORY[h.category],
    receivedAt: new Date(now.getTime() - h.daysAgo * 24 * 3600 * 1000).toISOString(),
  }))
  expect(input.category, `unknown category ${c.category}`).toBeDefined()
  expect(input.customerType, `unknown customer type ${c.customerType}`).toBeDefined()
  return { input, history }
}

describe('classification of the realistic cases in the fixture', () => {
  it.each((fixture.cases as FixtureCase[]).map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const { input, history } = toInput(c)
    const result = classify(input, history, settings, now)
    expect({
      class: result.caseClass,
      urgent: result.urgent,
      reasons: result.reasons.map((r) => r.rule).sort(),
    }).toEqual({
      class: c.expect.class,
      urgent: c.expect.urgent,
      reasons: [...c.expect.reasons].sort(),
    })
  })
})

describe('classification rules one by one', () => {
  const base: ClassifyInput = {
    category: 'service_attitude',
    customerType: 'regular',
    phone: PHONE,
    amountFen: null,
    claimFen: null,
    description: '店员态度一般。',
    demandNote: '',
    situations: [],
    resolvedAtDesk: 'pending',
  }
  const run = (o: Partial<ClassifyInput>, history: HistoryItem[] = []) =>
    classify({ ...base, ...o }, history, DEFAULT_WORKFLOW_SETTINGS, now)
  const rules = (o: Partial<ClassifyInput>, history: HistoryItem[] = []) => run(o, history).reasons.map((r) => r.rule)

  it('is Class 1 with no reasons when nothing fires', () => {
    expect(run({})).toMatchObject({ caseClass: 1, urgent: false, reasons: [] })
  })

  it('makes the 安全/健康 category Class 2 on its own', () => {
    expect(rules({ category: 'safety_health' })).toEqual(['safety_health'])
  })

  it.each(['vip_large_account', 'vip_public_figure', 'vip_government', 'vip_journalist', 'frequent'] as const)(
    'treats %s as a VIP complaint',
    (customerType) => {
      expect(rules({ customerType })).toEqual(['vip_customer'])
    },
  )

  it('names the keyword that fired, and ignores negated ones', () => {
    expect(run({ description: '顾客说要找律师。' }).reasons).toEqual([
      { rule: 'external_threat', kind: 'class2', evidence: { keyword: '律师' } },
    ])
    expect(rules({ description: '顾客说不会找律师，只想要个说法。' })).toEqual([])
    expect(rules({ description: '顾客滑了一下，没有受伤。' })).toEqual([])
    expect(rules({ description: 'I found a bug in the app. Nobody was hurt.' })).toEqual([])
    expect(rules({ description: 'My son was hurt by a broken shelf.' })).toEqual(['safety_health', 'injury_or_harm'])
  })

  it('recognises everyday ways of saying someone fell ill', () => {
    for (const description of ['吃了以后上吐下泻', '孩子吃完就吐了', '回家后肚子疼了一晚上', '喝了以后发烧']) {
      expect(rules({ description }), description).toEqual(['safety_health', 'injury_or_harm'])
    }
  })

  it('does not mistake common words for triggers', () => {
    for (const description of [
      '顾客很伤心，觉得被冷落。',
      '火锅底料少给了一包。',
      '优惠券过期了不能用。',
      '路由器不能上网，不会设置。',
      '账单金额不对 (bill)。',
    ]) {
      expect(rules({ description }), description).toEqual([])
    }
  })

  it('reads the demand note as well as the description', () => {
    expect(rules({ demandNote: '否则就发微博曝光' })).toEqual(['external_threat'])
  })

  it('fires over_authority only when goodwill sought or offered exceeds the limit', () => {
    expect(rules({ amountFen: 5000, claimFen: 15000 })).toEqual([])
    expect(run({ amountFen: 5000, claimFen: 15100 }).reasons).toEqual([
      { rule: 'over_authority', kind: 'class2', evidence: { amount: '101.00' } },
    ])
    expect(rules({ goodwillOfferedFen: 20000 })).toEqual(['over_authority'])
  })

  it('makes a large loss urgent at the threshold, not below', () => {
    expect(rules({ amountFen: 499_999 })).toEqual([])
    expect(run({ amountFen: 500_000 })).toMatchObject({ caseClass: 2, urgent: true, reasons: [{ rule: 'large_loss' }] })
  })

  it('counts the same customer within 30 days by phone, whatever the format', () => {
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString()
    expect(rules({}, [{ phone: '+86 138 1234 1234', category: 'delivery', receivedAt: day(29) }])).toEqual([
      'repeat_customer',
    ])
    expect(rules({}, [{ phone: PHONE, category: 'delivery', receivedAt: day(31) }])).toEqual([])
    expect(rules({ phone: '' }, [{ phone: '', category: 'delivery', receivedAt: day(1) }])).toEqual([])
  })

  it('sees a pattern at 3 of a category in 7 days, this case included', () => {
    const day = (n: number) => new Date(now.getTime() - n * 86_400_000).toISOString()
    const other = (n: number) => ({ phone: '13900000000', category: 'service_attitude' as const, receivedAt: day(n) })
    expect(rules({}, [other(1)])).toEqual([])
    expect(run({}, [other(1), other(6)]).reasons).toEqual([
      { rule: 'category_pattern', kind: 'class2', evidence: { count: 3, days: 7 } },
    ])
    expect(rules({}, [other(1), other(8)])).toEqual([])
  })

  it('makes every ticked situation urgent and Class 2, and suggests situations from the text', () => {
    for (const situation of [
      'injury_or_harm',
      'fire_or_hazard',
      'crowd_incident',
      'media_present',
      'violence_threat',
      'large_loss',
    ] as const) {
      const result = run({ situations: [situation] })
      expect(result.urgent).toBe(true)
      expect(result.caseClass).toBe(2)
      expect(result.reasons.find((r) => r.rule === situation)?.evidence).toEqual({ ticked: true })
    }
    expect(run({ description: '顾客说要砸了柜台' }).detectedSituations).toEqual(['violence_threat'])
    expect(run({ description: '顾客说要砸了柜台', situations: ['violence_threat'] }).detectedSituations).toEqual([])
  })

  it('makes an unresolved desk visit Class 2', () => {
    expect(rules({ resolvedAtDesk: 'no' })).toEqual(['unresolved'])
    expect(rules({ resolvedAtDesk: 'yes' })).toEqual([])
  })

  it('uses the branch keyword list from settings', () => {
    const custom = {
      ...DEFAULT_WORKFLOW_SETTINGS,
      keywords: { ...DEFAULT_WORKFLOW_SETTINGS.keywords, external_threat: { zh: ['找领导'], en: [] } },
    }
    expect(classify({ ...base, description: '要找领导投诉' }, [], custom, now).reasons.map((r) => r.rule)).toEqual([
      'external_threat',
    ])
    expect(classify({ ...base, description: '说要找律师' }, [], custom, now).reasons).toEqual([])
  })

  it('has a reason text for every rule in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { exists } = createI18n(lang)
      for (const rule of [
        'safety_health',
        'vip_customer',
        'external_threat',
        'over_authority',
        'repeat_customer',
        'category_pattern',
        'staff_misconduct',
        'unresolved',
        'injury_or_harm',
        'fire_or_hazard',
        'crowd_incident',
        'media_present',
        'violence_threat',
        'large_loss',
      ]) {
        expect(exists(`rules.${rule}`), `${lang} rules.${rule}`).toBe(true)
      }
    }
  })
})
