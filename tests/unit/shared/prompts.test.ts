import { describe, expect, it } from 'vitest'
import { confirmPrompt, promptsFor, type PromptInput } from '@shared/rules/prompts'
import { PROMPTS, MAX_PROMPTS } from '@shared/domain/prompts'
import { CATEGORIES, MOODS } from '@shared/values/options'
import { classify, type ClassifyInput } from '@shared/rules/classify'
import { DEFAULT_WORKFLOW_SETTINGS } from '@shared/domain/defaultSettings'
import { createI18n } from '@shared/i18n'

const ids = (input: Partial<PromptInput>, fired: string[] = [], declined: string[] = []) =>
  promptsFor({ category: 'service_attitude', mood: 'angry', situations: [], ...input }, fired as never, declined).map(
    (p) => p.id,
  )

describe('category-aware questions to the clerk (docs/domain.md §4a)', () => {
  it('服务态度 + 激动 asks about abuse first; a calm customer is not asked about abuse or shouting', () => {
    expect(ids({})[0]).toBe('abuse')
    expect(ids({ mood: 'calm' })).not.toContain('abuse')
    expect(ids({ mood: 'calm' })).not.toContain('shouting')
  })

  it('asks product and safety complaints about harm, billing and cashier ones about a data leak or stolen card', () => {
    expect(ids({ category: 'product_quality', mood: 'calm' })).toEqual(['harm'])
    expect(ids({ category: 'cashier_error', mood: 'upset' })).toEqual(['abuse', 'security'])
  })

  it('never asks what already fired, was ticked, confirmed or answered no; never more than three', () => {
    expect(ids({}, ['staff_misconduct'])).not.toContain('abuse')
    expect(ids({ confirmedRules: ['staff_misconduct'] })).not.toContain('abuse')
    expect(ids({ category: 'product_quality', situations: ['injury_or_harm'] })).not.toContain('harm')
    expect(ids({}, [], ['abuse'])).not.toContain('abuse')
    for (const category of CATEGORIES)
      for (const mood of MOODS) expect(ids({ category, mood }).length).toBeLessThanOrEqual(MAX_PROMPTS)
    expect(ids({ category: '' })).toEqual([])
  })

  it('every question reads in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { exists } = createI18n(lang)
      for (const p of PROMPTS) expect(exists(`prompts.${p.id}`), p.id).toBe(true)
    }
  })

  it('a "yes" confirms the rule or ticks the situation, once', () => {
    const abuse = PROMPTS.find((p) => p.id === 'abuse')!
    const harm = PROMPTS.find((p) => p.id === 'harm')!
    expect(confirmPrompt(abuse, { situations: [] })).toEqual({ situations: [], confirmedRules: ['staff_misconduct'] })
    expect(confirmPrompt(abuse, { situations: [], confirmedRules: ['staff_misconduct'] }).confirmedRules).toEqual([
      'staff_misconduct',
    ])
    expect(confirmPrompt(harm, { situations: ['media_present'] }).situations).toEqual([
      'media_present',
      'injury_or_harm',
    ])
  })

  it('a confirmed rule makes the case Class 2 with the evidence "confirmed"; one already fired keeps its keyword', () => {
    const input: ClassifyInput = {
      category: 'service_attitude',
      customerType: 'regular',
      mood: 'angry',
      phone: '',
      amountFen: null,
      claimFen: null,
      description: '店员态度很差',
      demandNote: '',
      situations: [],
      resolvedAtDesk: 'pending',
    }
    const run = (o: Partial<ClassifyInput>) =>
      classify({ ...input, ...o }, [], DEFAULT_WORKFLOW_SETTINGS, new Date(2026, 10, 23))
    expect(run({}).caseClass).toBe(1)
    expect(run({ confirmedRules: ['staff_misconduct'] }).reasons).toEqual([
      { rule: 'staff_misconduct', kind: 'class2', evidence: { confirmed: true } },
    ])
    expect(run({ description: '店员骂了客户', confirmedRules: ['staff_misconduct'] }).reasons).toEqual([
      { rule: 'staff_misconduct', kind: 'class2', evidence: { keyword: '骂' } },
    ])
  })
})
