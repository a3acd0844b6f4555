import { describe, expect, it } from 'vitest'
import { CaseDraft } from '@shared/schemas/case'
import { toLocalDateTime } from '@shared/values/localTime'
import { validDraft } from '../../support/factories'

function messagesFor(input: unknown): Record<string, string> {
  const result = CaseDraft.safeParse(input)
  if (result.success) return {}
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('the intake schema (shared by the form and main)', () => {
  it('accepts a complete, realistic complaint', () => {
    expect(CaseDraft.safeParse(validDraft()).success).toBe(true)
  })

  it('accepts an anonymous customer with no phone and no amount', () => {
    expect(CaseDraft.safeParse(validDraft({ customerName: '匿名', phone: '', amount: '' })).success).toBe(true)
  })

  it('names every missing required field', () => {
    const empty = {
      ...validDraft(),
      customerName: '  ',
      description: '',
      mood: '',
      category: '',
      demand: '',
      departmentId: '',
    }
    expect(messagesFor(empty)).toEqual({
      customerName: 'validation.required',
      description: 'validation.required',
      mood: 'validation.choose',
      category: 'validation.choose',
      demand: 'validation.choose',
      departmentId: 'validation.choose',
    })
  })

  it.each([
    ['phone', '1234', 'validation.phone'],
    ['amount', '-5', 'validation.amountNegative'],
    ['amount', '12.345', 'validation.amountDecimals'],
    ['amount', '十元', 'validation.amountText'],
    ['amount', '20元5', 'validation.amountText'],
    ['lossAmount', 'abc', 'validation.amountText'],
    ['claimAmount', '-3', 'validation.amountNegative'],
    ['claimAmount', '1234567890', 'validation.amountTooLarge'],
    ['receivedAt', '2026-02-30T10:00', 'validation.dateTime'],
    ['customerName', '王'.repeat(31), 'validation.tooLong:30'],
    ['description', '字'.repeat(5001), 'validation.tooLong:5000'],
    ['channel', 'fax', 'validation.choose'],
  ])('rejects %s = %s with %s', (field, value, message) => {
    expect(messagesFor(validDraft({ [field]: value } as never))[field]).toBe(message)
  })

  it('rejects a receipt time in the future', () => {
    const later = toLocalDateTime(new Date(Date.now() + 60 * 60_000))
    expect(messagesFor(validDraft({ receivedAt: later })).receivedAt).toBe('validation.future')
  })

  it('rejects unknown urgent situations and non-object payloads', () => {
    expect(messagesFor(validDraft({ situations: ['alien_invasion' as never] }))['situations.0']).toBe(
      'validation.choose',
    )
    expect(CaseDraft.safeParse('DROP TABLE').success).toBe(false)
    expect(CaseDraft.safeParse(null).success).toBe(false)
  })

  it.each(['20元', '20 元', '¥20', '￥20', '20.5', '￥20.50元', ''])('accepts the amount %s as typed', (amount) => {
    expect(messagesFor(validDraft({ amount, lossAmount: amount, claimAmount: amount }))).toEqual({})
  })

  it('trims text fields', () => {
    const parsed = CaseDraft.parse(validDraft({ customerName: '  张伟 ' }))
    expect(parsed.customerName).toBe('张伟')
  })
})
