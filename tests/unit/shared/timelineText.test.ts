import { describe, expect, it } from 'vitest'
import { createI18n } from '@shared/i18n'
import { durationText, followUpScore, timelineText } from '@shared/i18n/timeline'

const zh = createI18n('zh-CN').t
const en = createI18n('en').t

describe('the timeline reads in words', () => {
  it('a follow-up says the satisfaction in words with its score, never a bare "4/5"', () => {
    expect(timelineText(zh, { action: 'followUp.recorded', detail: '4/5' })).toEqual({
      title: '回访：满意 4/5',
      detail: '',
    })
    expect(timelineText(en, { action: 'followUp.recorded', detail: '1/5 · 客户已主动来电' })).toEqual({
      title: 'Follow-up: Very dissatisfied 1/5',
      detail: 'Called early because: 客户已主动来电',
    })
    expect(timelineText(zh, { action: 'followUp.recorded', detail: '5/5 · 客户已主动来电' }).detail).toBe(
      '提前回访原因：客户已主动来电',
    )
  })

  it('what main wrote in both languages reads in the reader’s only (an offer above the limit raised the case)', () => {
    const detail =
      '退款 ¥300.00 + 补偿 ¥120.00 → 二类投诉 / Class 2 · 退回已解决，须提交书面报告 / back to Resolved, written report due'
    expect(timelineText(zh, { action: 'compensation.offered', detail }).detail).toBe(
      '退款 ¥300.00 + 补偿 ¥120.00 → 转为二类投诉 · 退回已解决，须提交书面报告',
    )
    expect(timelineText(en, { action: 'compensation.offered', detail }).detail).toBe(
      '退款 ¥300.00 + 补偿 ¥120.00 → now Class 2 · back to Resolved, written report due',
    )
  })

  it('other entries: their label and what they recorded', () => {
    expect(timelineText(zh, { action: 'status.resolved', detail: '补足找零' })).toEqual({
      title: '已解决',
      detail: '补足找零',
    })
    expect(timelineText(zh, { action: 'step.listen' })).toEqual({ title: '聆听 ✓', detail: '' })
    expect(timelineText(zh, { action: 'something.new', detail: 'x' }).title).toBe('something.new')
  })

  it('reads the score only from a follow-up detail', () => {
    expect(followUpScore('3/5')).toEqual({ score: 3, rest: '' })
    expect(followUpScore('6/5')).toBeNull()
    expect(followUpScore('满意')).toBeNull()
    expect(followUpScore(undefined)).toBeNull()
  })
})

describe('a countdown in words', () => {
  const s = 1000
  const m = 60 * s
  const h = 60 * m
  it('days and hours, hours and minutes, or minutes and seconds under an hour; overdue reads the same', () => {
    expect(durationText(zh, 2 * 24 * h + 3 * h + 5 * m)).toBe('2 天 3 小时')
    expect(durationText(zh, 3 * h + 12 * m + 40 * s)).toBe('3 小时 12 分')
    expect(durationText(zh, 12 * m + 5 * s)).toBe('12 分 05 秒')
    expect(durationText(zh, -(12 * m + 5 * s))).toBe('12 分 05 秒')
    expect(durationText(en, 3 * h + 12 * m)).toBe('3 h 12 min')
  })
})
