import { describe, expect, it } from 'vitest'
import fixture from '../../fixtures/classification-cases.json'
import { classify, type ClassifyInput, type HistoryItem } from '@shared/rules/classify'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import {
  CLASS2_RULES,
  SITUATIONS,
  type Category,
  type CustomerType,
  type Mood,
  type Situation,
} from '@shared/values/options'
import { WorkflowSettings } from '@shared/schemas/settings'
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
const MOOD: Record<string, Mood> = { 平静: 'calm', 不满: 'upset', 激动: 'angry' }
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
    mood: MOOD[c.mood],
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
  expect(input.mood, `unknown mood ${c.mood}`).toBeDefined()
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
    expect(rules({ amountFen: 5000, lossFen: 5000, claimFen: 15000 })).toEqual([])
    expect(run({ amountFen: 5000, lossFen: 5000, claimFen: 15100 }).reasons).toEqual([
      { rule: 'over_authority', kind: 'class2', evidence: { amount: '101.00' } },
    ])
    expect(rules({ goodwillOfferedFen: 20000 })).toEqual(['over_authority'])
  })

  it('measures goodwill sought against the loss, not the price (docs/domain.md §3a)', () => {
    // A rude clerk: the ¥299 dress is not lost, so asking for ¥299 back is goodwill beyond ¥100.
    expect(rules({ category: 'service_attitude', amountFen: 299_00, claimFen: 299_00 })).toEqual(['over_authority'])
    // A faulty dress: its price is the loss, so the same claim restores it.
    expect(rules({ category: 'product_quality', amountFen: 299_00, claimFen: 299_00 })).toEqual([])
    // A short change: the claimed shortfall is the loss (to be verified), never goodwill.
    expect(rules({ category: 'cashier_error', amountFen: 8_00, claimFen: 10_00 })).toEqual([])
  })

  it('makes a large loss urgent on the price or the loss, whichever is larger', () => {
    expect(run({ amountFen: 100_00, lossFen: 5000_00 })).toMatchObject({
      urgent: true,
      reasons: [{ rule: 'large_loss' }],
    })
    expect(run({ category: 'safety_health', amountFen: 38_50, claimFen: 6000_00 }).reasons).toContainEqual({
      rule: 'large_loss',
      kind: 'urgent',
      evidence: { amount: '6000.00' },
    })
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
      for (const rule of [...CLASS2_RULES, ...SITUATIONS]) {
        expect(exists(`rules.${rule}`), `${lang} rules.${rule}`).toBe(true)
      }
      for (const situation of SITUATIONS) {
        expect(exists(`options.situations.${situation}`), `${lang} options.situations.${situation}`).toBe(true)
      }
    }
  })
})

describe('the situations the material names (docs/domain.md §4a)', () => {
  const base: ClassifyInput = {
    category: 'other',
    customerType: 'regular',
    phone: '',
    amountFen: null,
    claimFen: null,
    description: '',
    demandNote: '',
    situations: [],
    resolvedAtDesk: 'pending',
  }
  const run = (description: string, o: Partial<ClassifyInput> = {}) =>
    classify({ ...base, description, ...o }, [], DEFAULT_WORKFLOW_SETTINGS, now)
  const rules = (description: string, o: Partial<ClassifyInput> = {}) =>
    run(description, o)
      .reasons.map((r) => r.rule)
      .sort()
  const fires = (rule: string, sentences: string[], o: Partial<ClassifyInput> = {}) => {
    for (const d of sentences) expect(rules(d, o), d).toContain(rule)
  }
  const silent = (rule: string, sentences: string[], o: Partial<ClassifyInput> = {}) => {
    for (const d of sentences) expect(rules(d, o), d).not.toContain(rule)
  }

  it('crowd incident: occupying, protesting, blocking, banners, a crowd → urgent, Class 2', () => {
    expect(run('业主占领售楼处商讨示威事宜')).toMatchObject({ caseClass: 2, urgent: true })
    fires('crowd_incident', [
      '业主占领售楼处商讨示威事宜',
      '几十个业主在门口拉横幅',
      '一群会员把收银台围住了',
      '顾客们堵门不让其他人进',
      '十几个人在大厅静坐要求退款',
      '储户聚集在营业厅门口',
      'About thirty members staged a protest in the lobby.',
    ])
    silent('crowd_incident', [
      '等了十多分钟，前面才两个人。',
      '门口的促销横幅挂歪了',
      '没有人聚集，只有他一个人来问',
      'The fitting room was occupied for ages.',
      'The customer protested the extra charge.',
    ])
    expect(run('门口拉横幅的人很多').detectedSituations).toEqual(['crowd_incident'])
  })

  it('security incident: data leaked, card skimmed, money taken without consent → urgent, Class 2', () => {
    expect(run('个人信息被泄露了，银行卡被盗刷')).toMatchObject({
      caseClass: 2,
      urgent: true,
      detectedSituations: ['security_incident'],
    })
    fires('security_incident', [
      '个人信息被泄露了，银行卡被盗刷',
      '我的信用卡在你们店刷完以后被人盗刷了三笔',
      '有人冒用我的身份办了会员卡',
      '卡里的钱莫名其妙少了两千',
      '未经我同意就扣款了',
      '没经过我同意私自开通了自动续费',
      '我的手机号被卖给了推销公司',
      'My card details were leaked after I paid here.',
      'There are unauthorised charges on my account.',
      'Money was taken from my card without my consent.',
    ])
    silent('security_incident', [
      '信息并未泄露，只是想确认一下',
      '卡没有被盗刷，是我自己记错了',
      '收银员多扣了我10元',
      '手机号登记错了',
      'The roof leaked onto the shelves.',
      'Nothing was stolen from my account.',
      'My money was taken twice at the till.',
    ])
  })

  it('regulator visit: an agency and an inspection near each other → urgent; one of them alone is not', () => {
    expect(run('工商来店检查')).toMatchObject({ caseClass: 2, urgent: true })
    fires('regulator_visit', [
      '工商来店检查',
      '市场监管局的人今天来店里检查了冷柜',
      '因为顾客投诉，税务局上门调查发票问题',
      '城管来了，说门口占道经营要查处',
      '卫生监督所今天突击抽查后厨',
      'A health department inspector came this morning.',
    ])
    silent('regulator_visit', [
      '工商局没有来检查',
      '顾客说要打电话给工商',
      '顾客说再不退款就找工商来检查',
      '他扬言要叫城管来查处你们',
      '店员检查了商品，没有问题',
      '税务发票开错了',
      '工商银行的卡刷不了。\n后来店员检查了机器。',
    ])
  })

  it('staff–customer dispute → Class 2 staff_misconduct; with physical contact also urgent violence', () => {
    expect(run('销售代表与客户发生争执')).toMatchObject({ caseClass: 2, urgent: false })
    fires('staff_misconduct', [
      '销售代表与客户发生争执',
      '店员骂他是穷鬼',
      '收银员和顾客吵起来了',
      '保安和顾客在门口推搡起来',
      'The clerk swore at me and we argued.',
    ])
    silent('staff_misconduct', ['店员没有骂人，只是声音大了点', '预约时间冲突了，想改一天', '双方没有争执'])
    fires('violence_threat', [
      '保安和顾客在门口推搡起来',
      '店员动手推了顾客一把',
      '顾客扬言要砸了柜台',
      '他威胁说要找人来打店员',
      'The guard shoved the customer.',
    ])
    silent('violence_threat', [
      '销售代表与客户发生争执',
      '顾客威胁说要去消协投诉',
      '家具只能自己动手安装',
      '双方没有推搡',
    ])
  })

  it('sensitive remarks: politics, ethnicity or race, religion, gender, region → Class 2', () => {
    expect(run('店员说了涉及宗教和种族的不当言论')).toMatchObject({ caseClass: 2, urgent: false })
    fires('sensitive_remarks', [
      '店员说了涉及宗教和种族的不当言论',
      '导购说外地人就是素质差',
      '店员嘲笑顾客的民族服饰',
      '顾客认为店员有性别歧视',
      '收银员在柜台议论政治话题',
      'The clerk made a racist remark.',
    ])
    silent('sensitive_remarks', ['买了一条民族风连衣裙，洗了就掉色', '黑人牙膏买一送一没有兑现', '店员没有歧视的意思'])
  })

  it('expired or spoiled goods are product quality; only harm makes them a safety case', () => {
    for (const d of [
      '药店卖给我过期钙片',
      '还在保质期内就坏了',
      '面包临期了还在卖',
      '牛奶变质了',
      'The yoghurt had expired.',
    ])
      expect(run(d, { category: 'product_quality' }), d).toMatchObject({ caseClass: 1, urgent: false, reasons: [] })
    expect(rules('牛奶过期了，孩子喝了以后腹泻')).toEqual(['injury_or_harm', 'safety_health'])
    expect(rules('过期的面包吃了以后肠胃不适')).toEqual(['injury_or_harm', 'safety_health'])
    expect(rules('吃了过期的饼干以后头晕恶心')).toEqual(['injury_or_harm', 'safety_health'])
    expect(rules('牛奶过期了，还好没有喝，没有不适')).toEqual([])
  })

  it('intense complaint: agitated and claiming beyond the loss, or shouting → Class 2, with evidence', () => {
    expect(run('保温杯漏水', { mood: 'angry', amountFen: 50_00, lossFen: 50_00, claimFen: 80_00 }).reasons).toEqual([
      { rule: 'intense_complaint', kind: 'class2', evidence: { amount: '30.00' } },
    ])
    expect(rules('保温杯漏水', { mood: 'upset', amountFen: 50_00, lossFen: 50_00, claimFen: 80_00 })).toEqual([])
    expect(rules('保温杯漏水', { mood: 'angry', amountFen: 50_00, lossFen: 50_00, claimFen: 50_00 })).toEqual([])
    expect(rules('保温杯漏水', { mood: 'angry', amountFen: 50_00, claimFen: null })).toEqual([])
    expect(rules('保温杯漏水', { amountFen: 50_00, claimFen: 80_00 })).toEqual([])
    expect(run('顾客在大厅大吵大闹，要求马上退款').reasons).toEqual([
      { rule: 'intense_complaint', kind: 'class2', evidence: { keyword: '大吵大闹' } },
    ])
    fires('intense_complaint', ['顾客不停地大喊', '他冲着店员咆哮', 'He kept shouting at the cashier.'])
    silent('intense_complaint', ['顾客没有大喊大叫，很平静地说明了情况', 'He did not shout.'])
  })
})

describe('keyword settings saved before the later rules existed', () => {
  it('get the shipped lists for the new rules', () => {
    const { security_incident, regulator_visit, sensitive_remarks, intense_complaint, ...older } =
      DEFAULT_WORKFLOW_SETTINGS.keywords
    const parsed = WorkflowSettings.parse({ ...DEFAULT_WORKFLOW_SETTINGS, keywords: older })
    expect(parsed.keywords.security_incident).toEqual(security_incident)
    expect(parsed.keywords.regulator_visit).toEqual(regulator_visit)
    expect(parsed.keywords.sensitive_remarks).toEqual(sensitive_remarks)
    expect(parsed.keywords.intense_complaint).toEqual(intense_complaint)
    expect(WorkflowSettings.parse(DEFAULT_WORKFLOW_SETTINGS)).toEqual(DEFAULT_WORKFLOW_SETTINGS)
  })

  it('keep a list the branch emptied', () => {
    const emptied = {
      ...DEFAULT_WORKFLOW_SETTINGS,
      keywords: { ...DEFAULT_WORKFLOW_SETTINGS.keywords, sensitive_remarks: { zh: [], en: [] } },
    }
    expect(WorkflowSettings.parse(emptied).keywords.sensitive_remarks).toEqual({ zh: [], en: [] })
  })
})
