import { describe, expect, it } from 'vitest'
import { assessOffer, goodwillCap, proposeCompensation, type ProposeInput } from '@shared/rules/compensation'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { CATEGORIES, isGoodwill } from '@shared/values/options'
import { effectiveLoss } from '@shared/rules/amounts'
import { createI18n } from '@shared/i18n'

const policy = DEFAULT_WORKFLOW_SETTINGS.compensation
const LIMIT = 100_00
const base: ProposeInput = {
  category: 'product_quality',
  amountFen: null,
  lossFen: null,
  claimFen: null,
  demand: 'apology',
  fault: 'ours',
  caseClass: 1,
}
const propose = (o: Partial<ProposeInput>) => proposeCompensation({ ...base, ...o }, policy, LIMIT)
const forms = (o: Partial<ProposeInput>) => propose(o).map((opt) => opt.items.map((i) => i.form))
const REFUNDS = new Set(['full_refund', 'partial_refund'])
const leadsWithRefund = (o: Partial<ProposeInput>) => propose(o)[0].items.some((i) => REFUNDS.has(i.form))

describe('the compensation proposer follows the scenario templates (docs/domain.md §7a)', () => {
  it('the ¥299 dress, rude clerk, apology wanted → apology with improvement + a coupon or a gift; no refund', () => {
    const options = propose({ category: 'service_attitude', amountFen: 299_00, demand: 'apology', fault: 'ours' })
    expect(options[0].items).toEqual([
      { form: 'apology', valueFen: 0, note: 'improvement' },
      { form: 'coupon', valueFen: 20_00, note: '' },
    ])
    expect(options[1].items.map((i) => i.form)).toEqual(['apology', 'gift'])
    expect(options.flatMap((o) => o.items).some((i) => REFUNDS.has(i.form))).toBe(false)
    expect(options.every((o) => o.withinAuthority && o.restoreFen === 0)).toBe(true)
  })

  it('service attitude: a refund leads only when the loss is the price itself', () => {
    expect(leadsWithRefund({ category: 'service_attitude', amountFen: 299_00, lossFen: 299_00 })).toBe(true)
    const withFee = propose({ category: 'service_attitude', amountFen: 299_00, lossFen: 15_00 })
    expect(withFee[0].items[0]).toMatchObject({ form: 'apology', note: 'improvement' })
    expect(withFee[2].items[0]).toEqual({ form: 'partial_refund', valueFen: 15_00, note: '' })
  })

  it('price objection ¥200 → explain the price make-up, then a suitable discount; no correction, no refund', () => {
    const options = propose({ category: 'price_billing', amountFen: 200_00, demand: 'refund', fault: 'unclear' })
    expect(options.map((o) => o.rationale)).toEqual(['explain_price', 'negotiate_discount'])
    expect(options[0].items).toEqual([{ form: 'apology', valueFen: 0, note: 'price_makeup' }])
    expect(options[1].items[1]).toEqual({ form: 'discount', valueFen: 20_00, note: '' })
    expect(options.flatMap((o) => o.items).some((i) => i.form === 'correct_error' || REFUNDS.has(i.form))).toBe(false)
  })

  it('a proven billing error (our fault, loss typed) is corrected in full', () => {
    const [first] = propose({ category: 'price_billing', amountFen: 200_00, lossFen: 30_00, fault: 'ours' })
    expect(first.items[0]).toEqual({ form: 'correct_error', valueFen: 30_00, note: '' })
    expect(first).toMatchObject({ restoreFen: 30_00, goodwillFen: 0, withinAuthority: true })
  })

  it('usage difficulty ¥300 → patient guidance with a written guide, then a technician; exchange only if faulty', () => {
    const notFaulty = propose({ category: 'usage_difficulty', amountFen: 300_00, demand: 'exchange', fault: 'unclear' })
    expect(notFaulty.map((o) => o.rationale)).toEqual(['usage_guide', 'usage_technician'])
    expect(notFaulty[1].items[1]).toMatchObject({ form: 'onsite_service', note: '上门安装指导' })
    const faulty = propose({ category: 'usage_difficulty', amountFen: 300_00, demand: 'exchange', fault: 'ours' })
    expect(faulty[0].rationale).toBe('usage_guide')
    expect(faulty[2].items[0]).toEqual({ form: 'exchange', valueFen: 300_00, note: '' })
    expect(leadsWithRefund({ category: 'usage_difficulty', amountFen: 300_00, demand: 'refund' })).toBe(false)
  })

  it('food poisoning, ¥38.50 item, ¥1,000 claimed → medical costs reimbursed, the product refunded, an apology', () => {
    const options = propose({ category: 'safety_health', amountFen: 38_50, claimFen: 1000_00, demand: 'compensation' })
    expect(options[0].rationale).toBe('health_first')
    expect(options[0].items).toEqual([
      { form: 'medical_costs', valueFen: 961_50, note: 'documented' },
      { form: 'full_refund', valueFen: 38_50, note: '' },
      { form: 'apology', valueFen: 0, note: 'wellbeing' },
    ])
    // Restoring the claimed loss (to be documented) is not goodwill.
    expect(options[0]).toMatchObject({ restoreFen: 1000_00, goodwillFen: 0 })
    expect(options[1].items.map((i) => i.form)).toEqual(['medical_costs', 'exchange', 'apology'])
    expect(options.flatMap((o) => o.items).some((i) => i.form === 'coupon')).toBe(false)
  })

  it('safety with no claim yet still puts medical costs first, to be documented', () => {
    const [first] = propose({ category: 'safety_health', amountFen: 26_00 })
    expect(first.items[0]).toEqual({ form: 'medical_costs', valueFen: 0, note: 'documented' })
  })

  it('cashier error: bill ¥8, paid ¥20, got ¥2 back → pay back the ¥10 shortfall, never a refund of the bill', () => {
    const options = propose({ category: 'cashier_error', amountFen: 8_00, lossFen: 10_00, demand: 'refund' })
    expect(options[0]).toMatchObject({
      items: [{ form: 'correct_error', valueFen: 10_00 }, { form: 'apology' }],
      valueFen: 10_00,
      goodwillFen: 0,
      principle: 'simple',
      rationale: 'correct_on_the_spot',
    })
    expect(options.flatMap((o) => o.items).some((i) => REFUNDS.has(i.form))).toBe(false)
  })

  it('cashier error with the shortfall left blank → the claim, to verify; with neither → check the till first', () => {
    const claimed = propose({ category: 'cashier_error', amountFen: 8_00, claimFen: 10_00 })
    expect(claimed[0].items[0]).toEqual({ form: 'correct_error', valueFen: 10_00, note: '' })
    const unknown = propose({ category: 'cashier_error', amountFen: 8_00 })
    expect(unknown[0]).toMatchObject({
      rationale: 'verify_shortfall',
      items: [{ form: 'correct_error', valueFen: 0 }, { form: 'apology' }],
    })
  })

  it('product quality: exchange, repair or refund of the price (the loss), the demand first, + apology', () => {
    const options = propose({ category: 'product_quality', amountFen: 300_00, demand: 'refund', fault: 'ours' })
    expect(options.map((o) => o.items[0].form)).toEqual(['full_refund', 'exchange', 'full_refund'])
    expect(options[0]).toMatchObject({ restoreFen: 300_00, goodwillFen: 0, withinAuthority: true, principle: 'fair' })
    expect(options[2].goodwillFen).toBeGreaterThan(0)
    expect(options[2].goodwillFen).toBeLessThanOrEqual(goodwillCap(300_00, policy))
    expect(forms({ category: 'product_quality', amountFen: 300_00, demand: 'repair' })[0][0]).toBe('repair')
    expect(forms({ category: 'product_quality', amountFen: 300_00, demand: 'apology' })[0][0]).toBe('exchange')
  })

  // Every category × fault × amounts: the template's lead is respected everywhere.
  const CATEGORIES_NO_REFUND_LEAD = ['service_attitude', 'price_billing', 'usage_difficulty', 'cashier_error'] as const
  const FAULTS = ['ours', 'unclear', 'customer'] as const
  const AMOUNTS: Pick<ProposeInput, 'amountFen' | 'lossFen' | 'claimFen'>[] = [
    { amountFen: null, lossFen: null, claimFen: null },
    { amountFen: 0, lossFen: null, claimFen: null },
    { amountFen: 299_00, lossFen: null, claimFen: null },
    { amountFen: 299_00, lossFen: null, claimFen: 500_00 },
    { amountFen: 299_00, lossFen: 20_00, claimFen: 299_00 },
    { amountFen: 2_000_000_00, lossFen: null, claimFen: null },
  ]
  it.each(
    CATEGORIES_NO_REFUND_LEAD.flatMap((category) =>
      FAULTS.flatMap((fault) => AMOUNTS.map((a) => ({ category, fault, ...a }))),
    ),
  )('no refund leads for %o (the loss is not the price)', (input) => {
    expect(leadsWithRefund(input)).toBe(false)
  })

  it.each(FAULTS.flatMap((fault) => AMOUNTS.map((a) => ({ category: 'safety_health' as const, fault, ...a }))))(
    'safety and health puts medical costs in the first option unless the customer is at fault: %o',
    (input) => {
      const first = propose(input)[0]
      expect(first.items.some((i) => i.form === 'medical_costs')).toBe(input.fault !== 'customer')
    },
  )

  it("customer's fault → explanation first, maybe a gesture, never a refund (any category)", () => {
    for (const category of CATEGORIES)
      for (const demand of ['refund', 'exchange', 'compensation', 'repair'] as const) {
        const options = propose({ category, amountFen: 199_00, demand, fault: 'customer' })
        expect(options[0].items).toEqual([{ form: 'apology', valueFen: 0, note: 'explanation' }])
        expect(options.flatMap((o) => o.items).some((i) => REFUNDS.has(i.form))).toBe(false)
        expect(options[1].goodwillFen).toBeGreaterThan(0)
      }
  })

  it('offers 2–3 distinct options in every combination, each with a rationale and item texts in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { exists } = createI18n(lang)
      for (const category of CATEGORIES)
        for (const fault of FAULTS)
          for (const amounts of AMOUNTS)
            for (const caseClass of [1, 2] as const) {
              const input = { category, fault, caseClass, ...amounts }
              const options = propose(input)
              expect(options.length, JSON.stringify(input)).toBeGreaterThanOrEqual(2)
              expect(options.length).toBeLessThanOrEqual(3)
              expect(new Set(options.map((o) => JSON.stringify(o.items))).size).toBe(options.length)
              for (const o of options) {
                expect(exists(`comp.rationale.${o.rationale}`), o.rationale).toBe(true)
                for (const i of o.items) expect(exists(`comp.forms.${i.form}`), i.form).toBe(true)
                expect(o.valueFen).toBe(o.restoreFen + o.goodwillFen)
              }
            }
    }
  })

  it('huge amounts restore in full and keep goodwill within the limit', () => {
    const huge = propose({ amountFen: 2_000_000_00, demand: 'refund' })
    expect(huge[0]).toMatchObject({ restoreFen: 2_000_000_00, goodwillFen: 0, withinAuthority: true })
    expect(huge.every((o) => o.goodwillFen <= LIMIT)).toBe(true)
  })

  it('follows the per-category suggestions in settings', () => {
    const delivery = propose({ category: 'delivery', amountFen: 0 })
    expect(delivery[0].items[1]).toMatchObject({ form: 'free_service', note: '免费送货上门' })
    const custom = { ...policy, suggestions: { ...policy.suggestions, service_attitude: ['points' as const] } }
    const options = proposeCompensation({ ...base, category: 'service_attitude', amountFen: 0 }, custom, LIMIT)
    expect(options[0].items[1]).toMatchObject({ form: 'points', valueFen: 20_00, note: '2000' })
  })

  it('marks a fault-unclear case to verify first, with no goodwill beyond a small gesture', () => {
    const options = propose({ amountFen: 80_00, demand: 'repair', fault: 'unclear' })
    expect(options[0]).toMatchObject({
      rationale: 'verify_then_restore',
      items: [{ form: 'repair' }, { form: 'apology' }],
    })
    expect(options.length).toBe(2)
  })
})

describe('the loss the rules count (docs/domain.md §3a)', () => {
  const loss = (o: Partial<ProposeInput>) => effectiveLoss({ ...base, ...o })
  it('takes the typed loss first, even when it is zero', () => {
    expect(loss({ category: 'product_quality', amountFen: 299_00, lossFen: 0 })).toEqual({ fen: 0, source: 'entered' })
  })
  it('counts a faulty item as its price, a shortfall or medical costs as the claim (to verify), a rude clerk as none', () => {
    expect(loss({ category: 'product_quality', amountFen: 299_00 })).toEqual({ fen: 299_00, source: 'price' })
    expect(loss({ category: 'cashier_error', amountFen: 8_00, claimFen: 10_00 })).toEqual({
      fen: 10_00,
      source: 'claim',
    })
    expect(loss({ category: 'safety_health', amountFen: 38_50, claimFen: 1000_00 })).toEqual({
      fen: 1000_00,
      source: 'claim',
    })
    expect(loss({ category: 'service_attitude', amountFen: 299_00, claimFen: 299_00 })).toEqual({
      fen: 0,
      source: 'none',
    })
  })
  it('reads a case logged before the split (no lossFen at all) as a blank loss', () => {
    const { lossFen: _drop, ...old } = { ...base, category: 'service_attitude' as const, amountFen: 299_00 }
    expect(effectiveLoss(old)).toEqual({ fen: 0, source: 'none' })
  })
})

describe('assessing an offer', () => {
  const ctx = { lossFen: 100_00, fault: 'ours' as const }
  it('counts restoring up to the loss as routine and the rest as goodwill', () => {
    expect(assessOffer([{ form: 'full_refund', valueFen: 100_00, note: '' }], ctx, policy, LIMIT)).toEqual({
      restoreFen: 100_00,
      goodwillFen: 0,
      needs: [],
    })
    expect(assessOffer([{ form: 'full_refund', valueFen: 180_00, note: '' }], ctx, policy, LIMIT)).toEqual({
      restoreFen: 100_00,
      goodwillFen: 80_00,
      needs: ['over_cap'],
    })
  })

  it('counts everything as goodwill when the customer is at fault', () => {
    expect(
      assessOffer([{ form: 'exchange', valueFen: 60_00, note: '' }], { ...ctx, fault: 'customer' }, policy, LIMIT),
    ).toEqual({ restoreFen: 0, goodwillFen: 60_00, needs: ['over_cap'] })
  })

  it('flags goodwill above the authority limit and above the cap separately', () => {
    const cash = (valueFen: number) => [{ form: 'cash' as const, valueFen, note: '' }]
    expect(assessOffer(cash(100_00), { lossFen: 1000_00, fault: 'ours' }, policy, LIMIT).needs).toEqual([])
    expect(assessOffer(cash(100_01), { lossFen: 1000_00, fault: 'ours' }, policy, LIMIT).needs).toEqual(['over_limit'])
    expect(assessOffer(cash(60_00), { lossFen: 10_00, fault: 'ours' }, policy, LIMIT).needs).toEqual(['over_cap'])
    expect(assessOffer(cash(200_00), { lossFen: 10_00, fault: 'ours' }, policy, LIMIT).needs).toEqual([
      'over_limit',
      'over_cap',
    ])
  })

  it('knows which forms are goodwill', () => {
    expect(
      ['coupon', 'gift', 'points', 'discount', 'cash', 'free_service', 'onsite_service'].every((f) =>
        isGoodwill(f as never),
      ),
    ).toBe(true)
    expect(
      ['apology', 'correct_error', 'exchange', 'repair', 'full_refund', 'partial_refund', 'medical_costs'].some((f) =>
        isGoodwill(f as never),
      ),
    ).toBe(false)
  })
})
