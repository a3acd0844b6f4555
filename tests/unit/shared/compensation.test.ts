import { describe, expect, it } from 'vitest'
import { assessOffer, goodwillCap, proposeCompensation, type ProposeInput } from '@shared/rules/compensation'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { isGoodwill } from '@shared/values/options'
import { createI18n } from '@shared/i18n'

const policy = DEFAULT_WORKFLOW_SETTINGS.compensation
const LIMIT = 100_00
const base: ProposeInput = {
  category: 'product_quality',
  amountFen: null,
  demand: 'apology',
  fault: 'ours',
  caseClass: 1,
}
const propose = (o: Partial<ProposeInput>) => proposeCompensation({ ...base, ...o }, policy, LIMIT)
const forms = (o: Partial<ProposeInput>) => propose(o).map((opt) => opt.items.map((i) => i.form))

describe('the compensation proposer (docs/domain.md §7)', () => {
  it('short change of ¥10 at the till → pay the ¥10 difference plus an apology, within authority', () => {
    const [first, ...rest] = propose({ category: 'cashier_error', amountFen: 10_00, demand: 'refund', fault: 'ours' })
    expect(first).toMatchObject({
      items: [{ form: 'correct_error', valueFen: 10_00 }, { form: 'apology' }],
      valueFen: 10_00,
      goodwillFen: 0,
      withinAuthority: true,
      principle: 'simple',
    })
    expect(rest.length).toBeGreaterThanOrEqual(1)
  })

  it('faulty ¥300 appliance, our fault, refund wanted → refund or exchange, plus goodwill within the cap', () => {
    const options = propose({ category: 'product_quality', amountFen: 300_00, demand: 'refund', fault: 'ours' })
    expect(options.map((o) => o.items[0].form)).toEqual(['full_refund', 'exchange', 'full_refund'])
    expect(options[0]).toMatchObject({ restoreFen: 300_00, goodwillFen: 0, withinAuthority: true, principle: 'fair' })
    const withGoodwill = options[2]
    expect(withGoodwill.goodwillFen).toBeGreaterThan(0)
    expect(withGoodwill.goodwillFen).toBeLessThanOrEqual(goodwillCap(300_00, policy))
    expect(withGoodwill.withinAuthority).toBe(true)
  })

  it('attitude complaint with no monetary loss → apology plus a small coupon or gift', () => {
    const options = propose({ category: 'service_attitude', amountFen: 0, demand: 'apology' })
    expect(options[0].items).toEqual([
      { form: 'apology', valueFen: 0, note: '' },
      { form: 'coupon', valueFen: 20_00, note: '' },
    ])
    expect(options[1].items.map((i) => i.form)).toEqual(['apology', 'gift'])
    expect(options.every((o) => o.withinAuthority && o.restoreFen === 0)).toBe(true)
  })

  it("customer's fault → explanation first, maybe a gesture, never a refund first (nor at all)", () => {
    for (const demand of ['refund', 'exchange', 'compensation', 'repair'] as const) {
      const options = propose({ amountFen: 199_00, demand, fault: 'customer' })
      expect(options[0].items).toEqual([{ form: 'apology', valueFen: 0, note: 'explanation' }])
      expect(options.flatMap((o) => o.items).some((i) => i.form === 'full_refund' || i.form === 'partial_refund')).toBe(
        false,
      )
      expect(options[1].goodwillFen).toBeGreaterThan(0)
    }
  })

  it('offers 2–3 distinct options, best first, each with a rationale that exists in both languages', () => {
    const cases: Partial<ProposeInput>[] = [
      { amountFen: 0 },
      { amountFen: 10_00, category: 'cashier_error' },
      { amountFen: 500_00, demand: 'exchange' },
      { amountFen: 80_00, demand: 'repair', fault: 'unclear' },
      { amountFen: 50_00, fault: 'customer', demand: 'repair' },
      { amountFen: 0, caseClass: 2 },
      { amountFen: 120_00, category: 'delivery', demand: 'compensation' },
    ]
    for (const lang of ['zh-CN', 'en'] as const) {
      const { exists } = createI18n(lang)
      for (const c of cases) {
        const options = propose(c)
        expect(options.length, JSON.stringify(c)).toBeGreaterThanOrEqual(2)
        expect(options.length).toBeLessThanOrEqual(3)
        expect(new Set(options.map((o) => JSON.stringify(o.items))).size).toBe(options.length)
        for (const o of options) expect(exists(`comp.rationale.${o.rationale}`), o.rationale).toBe(true)
      }
    }
  })

  it('handles zero, missing and huge amounts', () => {
    expect(forms({ amountFen: null })[0]).toEqual(['apology', 'coupon'])
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
      ['apology', 'correct_error', 'exchange', 'repair', 'full_refund', 'partial_refund'].some((f) =>
        isGoodwill(f as never),
      ),
    ).toBe(false)
  })
})
