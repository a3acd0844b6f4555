import { describe, expect, it } from 'vitest'
import { DEMANDS, type Demand } from '@shared/values/options'
import { DEFAULT_PLAYBOOK } from '@shared/domain/playbook'
import { cleanSlot, fillTemplate, templateProblem } from '@shared/values/template'
import { problemSummary, restate, restatementSlots, spokenDate, type RestatementCase } from '@shared/rules/restatement'
import { Playbook, RESTATEMENT_SLOTS } from '@shared/schemas/settings'

const NOW = new Date(2026, 10, 23, 10, 0)
const T = DEFAULT_PLAYBOOK.restatements

const full: Omit<RestatementCase, 'demand'> = {
  receivedAt: new Date(2026, 10, 20, 9, 30).toISOString(),
  product: '连衣裙',
  description: '裙子洗了一次就掉色了。店员还说是我洗坏的！',
  demandNote: '要求店长当面道歉',
  amountFen: 29900,
  claimFen: 50000,
}
const empty: Omit<RestatementCase, 'demand'> = {
  receivedAt: NOW.toISOString(),
  product: '',
  description: '',
  demandNote: '',
  amountFen: null,
  claimFen: null,
}
const SLOT_FIELDS = ['product', 'description', 'demandNote', 'amountFen', 'claimFen'] as const

/** Every combination of filled and empty optional fields (2^5), for each demand. */
function* combinations(): Generator<[Demand, RestatementCase, string]> {
  for (const demand of DEMANDS) {
    for (let mask = 0; mask < 1 << SLOT_FIELDS.length; mask++) {
      const c: RestatementCase = { ...full, demand }
      const filled: string[] = []
      SLOT_FIELDS.forEach((f, i) => {
        if (mask & (1 << i)) filled.push(f)
        else Object.assign(c, { [f]: empty[f] })
      })
      yield [demand, c, filled.join('+') || 'nothing']
    }
  }
}

/** What a sentence read aloud must never contain. */
function expectSpeakable(text: string, lang: 'zh' | 'en') {
  expect(text).not.toMatch(/—|–|undefined|null|NaN|\{|\}|\[|\]/)
  expect(text).not.toMatch(/ {2}|^\s|\s$/)
  expect(text).not.toMatch(/ [，。；：！？,.;:!?]/)
  expect(text).not.toMatch(/[，。；：！？、,;:]{2,}|[，；：、,;:][。？.?]|\.\.(?!\.)/)
  expect(text).not.toMatch(/^[，。；：！？、,.;:!?]/)
  if (lang === 'zh') {
    expect(text).toMatch(/[。？！]$/)
    // "其他" is a label, never what the customer wants done.
    expect(text).not.toMatch(/我们\s*其他|其他，对吗|诉求是其他/)
    expect(text).not.toMatch(/购买\/办理/)
  } else {
    expect(text).toMatch(/[.?!]$/)
    expect(text).not.toMatch(/us to (Other|Compensation|Apology|Refund)|\bOther\b/)
    expect(text).not.toMatch(/(^|[.?!] )[a-z]/)
  }
}

describe('restatement: one template per demand, empty slots dropped', () => {
  const cases = [...combinations()]
  it.each(cases)('zh %s with %#', (_demand, c) => expectSpeakable(restate(T, c, 'zh', NOW), 'zh'))
  it.each(cases)('en %s with %#', (_demand, c) => expectSpeakable(restate(T, c, 'en', NOW), 'en'))

  it('reads a full zh case naturally', () => {
    expect(restate(T, { ...full, demand: 'refund' }, 'zh', NOW)).toBe(
      '我跟您确认一下您11月20日反映的情况：关于连衣裙，裙子洗了一次就掉色了，您支付了 299 元。您希望我们为您退款，金额 500 元，具体是：要求店长当面道歉，对吗？',
    )
  })

  it('drops the product and the amount with their words, never a dash', () => {
    expect(restate(T, { ...empty, description: '找零少了十块', demand: 'apology' }, 'zh', NOW)).toBe(
      '我跟您确认一下您今天反映的情况：找零少了十块。您希望我们向您道歉，对吗？',
    )
  })

  it('"other" without a note asks only whether the account is right; with one it says the note', () => {
    const c = { ...empty, description: '排队太久没人管', demand: 'other' as const }
    expect(restate(T, c, 'zh', NOW)).toBe('我跟您确认一下您今天反映的情况：排队太久没人管。我这样理解对吗？')
    expect(restate(T, { ...c, demandNote: '希望增开窗口' }, 'zh', NOW)).toBe(
      '我跟您确认一下您今天反映的情况：排队太久没人管。您的要求是：希望增开窗口。我这样理解对吗？',
    )
    expect(restate(T, { ...c, description: 'The queue was far too long.' }, 'en', NOW)).toBe(
      'Let me check I have understood what you told us today: the queue was far too long. Have I understood you correctly?',
    )
  })

  it('reads an English compensation case without a bare label', () => {
    expect(
      restate(
        T,
        { ...full, description: 'The dress faded after one wash.', demandNote: '', demand: 'compensation' },
        'en',
        NOW,
      ),
    ).toBe(
      'Let me check I have understood what you told us on 20 November: about your 连衣裙, the dress faded after one wash, and you paid ¥299. You would like compensation of ¥500. Is that right?',
    )
  })

  it('says the date as spoken: today, yesterday, a date, a date with the year', () => {
    expect(spokenDate(NOW.toISOString(), 'zh', NOW)).toBe('今天')
    expect(spokenDate(new Date(2026, 10, 22, 23).toISOString(), 'en', NOW)).toBe('yesterday')
    expect(spokenDate(new Date(2026, 1, 3).toISOString(), 'zh', NOW)).toBe('2月3日')
    expect(spokenDate(new Date(2025, 1, 3).toISOString(), 'en', NOW)).toBe('on 3 February 2025')
    expect(spokenDate('not a date', 'zh', NOW)).toBe('')
  })

  it('summarises the problem: the first sentence, cut with an ellipsis, no trailing mark', () => {
    expect(problemSummary('屏幕碎了。还漏电！', 'zh')).toBe('屏幕碎了')
    expect(problemSummary('很长'.repeat(50), 'zh')).toBe(`${'很长'.repeat(30)}…`)
    expect(problemSummary('It broke. Then it burned.', 'en')).toBe('it broke')
    expect(problemSummary('I was overcharged.', 'en')).toBe('I was overcharged')
    expect(problemSummary('ATM ate my card', 'en')).toBe('ATM ate my card')
    expect(problemSummary('屏幕碎了。还漏电！', 'en')).toBe('屏幕碎了')
  })
})

describe('templates', () => {
  it('drops a […] part when a slot in it is empty, and keeps the strongest mark where parts met', () => {
    expect(fillTemplate('A：[关于{x}，]{y}[，{z}]。对吗？', { x: '', y: '问题', z: '' }, 'zh')).toBe('A：问题。对吗？')
    expect(fillTemplate('{a}，{b}；', { a: '', b: '' }, 'zh')).toBe('')
    expect(fillTemplate('Hello[, {name}]', { name: '' }, 'en')).toBe('Hello.')
    expect(fillTemplate('so {x} .', { x: 'wait...' }, 'en')).toBe('So wait...')
  })

  it('has a slot for the loss, said only when there is one', () => {
    const c = { ...full, demand: 'compensation' as const, lossFen: 1000 }
    const t = '[损失 {loss} 元，]您希望我们给予赔偿。'
    expect(fillTemplate(t, restatementSlots(c, 'zh', NOW), 'zh')).toBe('损失 10 元，您希望我们给予赔偿。')
    expect(fillTemplate(t, restatementSlots({ ...c, lossFen: undefined }, 'zh', NOW), 'zh')).toBe(
      '您希望我们给予赔偿。',
    )
  })

  it('checks a template: balanced brackets, known slots, required ones present', () => {
    expect(templateProblem('a[{date}]b', RESTATEMENT_SLOTS)).toBeNull()
    expect(templateProblem('a[{date}b', RESTATEMENT_SLOTS)).toBe('brackets')
    expect(templateProblem('a[[{date}]]', RESTATEMENT_SLOTS)).toBe('brackets')
    expect(templateProblem('a]b[', RESTATEMENT_SLOTS)).toBe('brackets')
    expect(templateProblem('{demand}', RESTATEMENT_SLOTS)).toBe('slot')
    expect(templateProblem('{date', RESTATEMENT_SLOTS)).toBe('slot')
    expect(templateProblem('回电', ['hours'], ['hours'])).toBe('missing')
  })

  it('cleans a slot to one spoken line', () => {
    expect(cleanSlot('  第一行\n第二行。 ')).toBe('第一行 第二行')
    expect(cleanSlot(undefined)).toBe('')
  })

  it('the shipped playbook passes its own schema; a bad template is refused', () => {
    expect(Playbook.safeParse(DEFAULT_PLAYBOOK).success).toBe(true)
    const bad = structuredClone(DEFAULT_PLAYBOOK)
    bad.restatements.zh.other = '您希望我们 {demand}，对吗？'
    const r = Playbook.safeParse(bad)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]).toMatchObject({ path: ['restatements', 'zh', 'other'], message: 'validation.template' })
    const noHours = structuredClone(DEFAULT_PLAYBOOK)
    noHours.escalation.en = 'A manager will call you.'
    expect(Playbook.safeParse(noHours).success).toBe(false)
  })
})
