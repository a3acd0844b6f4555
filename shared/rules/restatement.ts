import { differenceInCalendarDays, format } from 'date-fns'
import type { Demand } from '../values/options'
import { formatFen } from '../values/money'
import { fillTemplate, cleanSlot, type TemplateLang } from '../values/template'
import type { Playbook } from '../schemas/settings'

/**
 * The restatement (复述, docs/domain.md §6 L): the clerk reads the case back to the customer,
 * one template per demand (`playbook.restatements`), empty slots dropped with their words. The
 * customer's own words (客户原话) are not in it: they are shown beside it, quoted. Pure.
 */

export interface RestatementCase {
  receivedAt: string
  product: string
  description: string
  demand: Demand
  demandNote: string
  amountFen: number | null
  /** 损失金额: absent on cases saved before the amounts were split. */
  lossFen?: number | null
  claimFen: number | null
}

/** How long the problem summary may be when spoken (characters): the first sentence, cut here. */
export const PROBLEM_MAX = { zh: 60, en: 140 } as const

/** The restatement of `c` in `lang`, as of `now` (for "today"/"yesterday"). */
export function restate(
  templates: Playbook['restatements'],
  c: RestatementCase,
  lang: TemplateLang,
  now: Date,
): string {
  return fillTemplate(templates[lang][c.demand], restatementSlots(c, lang, now), lang)
}

/** The slot values: date, product, problem, amount (price paid), loss, claim, note (empty when unknown). */
export function restatementSlots(c: RestatementCase, lang: TemplateLang, now: Date): Record<string, string> {
  return {
    date: spokenDate(c.receivedAt, lang, now),
    product: cleanSlot(c.product),
    problem: problemSummary(c.description, lang),
    amount: c.amountFen === null || c.amountFen === 0 ? '' : spokenYuan(c.amountFen),
    loss: c.lossFen === null || c.lossFen === undefined || c.lossFen === 0 ? '' : spokenYuan(c.lossFen),
    claim: c.claimFen === null || c.claimFen === 0 ? '' : spokenYuan(c.claimFen),
    note: cleanSlot(c.demandNote),
  }
}

/** "299" for ¥299.00, "12.50" otherwise: what the clerk says. */
export function spokenYuan(fen: number): string {
  return formatFen(fen).replace(/\.00$/, '')
}

/** 今天 / 昨天 / 11月20日 / 2025年11月20日; today / yesterday / on 20 November (2025). */
export function spokenDate(iso: string, lang: TemplateLang, now: Date): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  const days = differenceInCalendarDays(now, d)
  if (days === 0) return lang === 'zh' ? '今天' : 'today'
  if (days === 1) return lang === 'zh' ? '昨天' : 'yesterday'
  const sameYear = d.getFullYear() === now.getFullYear()
  if (lang === 'zh') return format(d, sameYear ? 'M月d日' : 'yyyy年M月d日')
  return format(d, sameYear ? "'on' d MMMM" : "'on' d MMMM yyyy")
}

/** The description's first sentence, cut to PROBLEM_MAX with "…"; in English starting lower-case mid-sentence. */
export function problemSummary(description: string, lang: TemplateLang): string {
  const text = description.replace(/\s+/g, ' ').trim()
  // A Chinese account ends its sentences with 。！？ whatever language reads it back.
  const first = (lang === 'zh' ? text.split(/[。！？!?]/)[0] : text.split(/(?<=[.!?])\s|[。！？]/)[0]) ?? ''
  let s = cleanSlot(first)
  const max = PROBLEM_MAX[lang]
  if ([...s].length > max) s = cleanSlot([...s].slice(0, max).join('')) + '…'
  // "The dress faded" → "the dress faded" after "about your dress, "; not "I", not an acronym.
  if (lang === 'en' && /^[A-Z][a-z]/.test(s) && !/^I\b/.test(s)) s = s[0].toLowerCase() + s.slice(1)
  return s
}
