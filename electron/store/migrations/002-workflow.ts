// Frozen: never edit; a new change is a new migration.
// Migration 2 as it last stood (6038e24, with the audit sealing of f232a78 and the handovers of
// 0a9c913), and what it used copied as of 3dcd2b0, the last commit where version 2 was current:
// the classification rules (shared/rules/classify.ts, keywords.ts, money.ts, phone.ts, unchanged
// since 6038e24), the shipped workflow settings (002-workflow.defaults.ts), the empty workflow
// record (shared/schemas/workflow.ts) and the audit chain's hashing (electron/store/auditChain.ts,
// whose format is frozen: entries sealed here are verified by today's code).
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Migration } from './migration'
import { V2_DEFAULT_WORKFLOW_SETTINGS } from './002-workflow.defaults'

type Settings = typeof V2_DEFAULT_WORKFLOW_SETTINGS
type KeywordRule = keyof Settings['keywords']

const SITUATIONS = [
  'injury_or_harm',
  'fire_or_hazard',
  'crowd_incident',
  'media_present',
  'violence_threat',
  'large_loss',
] as const
type Situation = (typeof SITUATIONS)[number]
const CLASS2_RULES = [
  'safety_health',
  'vip_customer',
  'external_threat',
  'over_authority',
  'repeat_customer',
  'category_pattern',
  'staff_misconduct',
  'unresolved',
] as const
type Class2Rule = (typeof CLASS2_RULES)[number]
const VIP_TYPES = ['vip_large_account', 'vip_public_figure', 'vip_government', 'vip_journalist', 'frequent']
const DAY_MS = 24 * 3600 * 1000

// ---- money.ts, phone.ts ----

function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

function phoneDigits(raw: string): string {
  const compact = raw.replace(/[\s()]/g, '')
  return compact.replace(/^(\+86|0086)-?/, '').replace(/\D/g, '')
}

// ---- keywords.ts: a keyword preceded closely by a negation in the same clause does not count ----

const CLAUSE_BREAK = /[。；;！!？?\n,，]/
const ZH_NEGATION = /(没有|没|未|无|不|并非|别)[^]{0,2}$/
const EN_NEGATION = /\b(no|not|nobody|never|none|without|no one)\b(\s+\S+){0,2}\s*$|n't(\s+\S+){0,1}\s*$/i
const LATIN = /^[\x20-\x7e]+$/

function occurrences(text: string, keyword: string): number[] {
  const found: number[] = []
  if (LATIN.test(keyword)) {
    // Latin keywords match at a word start ("injur" matches "injured", not "ill" in "bill").
    const re = new RegExp(`\\b${keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gi')
    for (let m = re.exec(text); m; m = re.exec(text)) found.push(m.index)
  } else {
    for (let i = text.indexOf(keyword); i !== -1; i = text.indexOf(keyword, i + 1)) found.push(i)
  }
  return found
}

function isNegated(text: string, index: number): boolean {
  const before = text.slice(0, index)
  const clause = before.split(CLAUSE_BREAK).pop() ?? ''
  return ZH_NEGATION.test(clause) || EN_NEGATION.test(clause)
}

function findKeyword(text: string, keywords: readonly string[]): string | null {
  for (const raw of keywords) {
    const keyword = raw.trim()
    if (keyword === '') continue
    if (occurrences(text, keyword).some((i) => !isNegated(text, i))) return keyword
  }
  return null
}

// ---- classify.ts (docs/domain.md §4–§5 as of version 2) ----

interface ClassifyInput {
  category: string
  customerType: string
  phone: string
  amountFen: number | null
  claimFen: number | null
  description: string
  demandNote: string
  situations: readonly string[]
  resolvedAtDesk: string
}
interface HistoryItem {
  phone: string
  category: string
  receivedAt: string
}
type Evidence = { keyword?: string; count?: number; days?: number; amount?: string; ticked?: boolean }
interface Reason {
  rule: Class2Rule | Situation
  kind: 'class2' | 'urgent'
  evidence: Evidence
}

function classify(input: ClassifyInput, history: readonly HistoryItem[], settings: Settings, now: Date) {
  const text = `${input.description}\n${input.demandNote}`
  const keyword = (rule: KeywordRule) => {
    const list = settings.keywords[rule]
    return findKeyword(text, [...list.zh, ...list.en]) ?? undefined
  }
  const class2 = new Map<Class2Rule, Evidence>()
  const urgent = new Map<Situation, Evidence>()

  // Urgent situations: ticked by the clerk, suggested by keywords, or a large loss.
  for (const situation of SITUATIONS) {
    if (input.situations.includes(situation)) urgent.set(situation, { ticked: true })
    else if (situation !== 'large_loss') {
      const hit = keyword(situation)
      if (hit) urgent.set(situation, { keyword: hit })
    }
  }
  if (!urgent.has('large_loss') && input.amountFen !== null && input.amountFen >= settings.largeLossFen) {
    urgent.set('large_loss', { amount: formatFen(input.amountFen) })
  }

  // Injury, illness, food or drug harm, fire and accidents are safety matters.
  const safetyHit = keyword('safety_health')
  if (input.category === 'safety_health') class2.set('safety_health', {})
  else if (safetyHit) class2.set('safety_health', { keyword: safetyHit })
  else if (urgent.has('injury_or_harm') || urgent.has('fire_or_hazard')) class2.set('safety_health', {})

  if (VIP_TYPES.includes(input.customerType)) class2.set('vip_customer', {})
  const threat = keyword('external_threat')
  if (threat) class2.set('external_threat', { keyword: threat })

  const goodwill = Math.max(0, (input.claimFen ?? 0) - (input.amountFen ?? 0))
  if (goodwill > settings.authorityLimitFen) class2.set('over_authority', { amount: formatFen(goodwill) })

  const within = (days: number) => (h: HistoryItem) => now.getTime() - new Date(h.receivedAt).getTime() <= days * DAY_MS
  const phone = phoneDigits(input.phone)
  if (phone !== '') {
    const earlier = history.filter(within(settings.repeatCustomerDays)).filter((h) => phoneDigits(h.phone) === phone)
    if (earlier.length > 0)
      class2.set('repeat_customer', { count: earlier.length + 1, days: settings.repeatCustomerDays })
  }
  const sameCategory =
    history.filter(within(settings.categoryPatternDays)).filter((h) => h.category === input.category).length + 1
  if (sameCategory >= settings.categoryPatternCount)
    class2.set('category_pattern', { count: sameCategory, days: settings.categoryPatternDays })

  const misconduct = keyword('staff_misconduct')
  if (misconduct) class2.set('staff_misconduct', { keyword: misconduct })
  if (input.resolvedAtDesk === 'no') class2.set('unresolved', {})

  const reasons: Reason[] = [
    ...CLASS2_RULES.filter((r) => class2.has(r)).map((rule) => ({
      rule,
      kind: 'class2' as const,
      evidence: class2.get(rule)!,
    })),
    ...SITUATIONS.filter((s) => urgent.has(s)).map((rule) => ({
      rule,
      kind: 'urgent' as const,
      evidence: urgent.get(rule)!,
    })),
  ]
  return { caseClass: reasons.length > 0 ? 2 : 1, urgent: urgent.size > 0, reasons }
}

// ---- shared/schemas/workflow.ts: the empty workflow record of version 2 ----

const emptyWorkflow = () => ({
  proposedClass: 1,
  reasons: [] as Reason[],
  urgent: false,
  classChange: null,
  escalation: null as { notified: unknown[]; takenOverBy: null } | null,
  steps: { listen: null, attend: null, satisfy: null, thank: null, report: null },
  commitments: [],
  resolvedAt: null,
  resolution: '',
  oralReport: null,
  writtenReport: null,
  followUp: null,
  review: null,
  reviewRequested: false,
  closedAt: null,
  voided: null,
  offers: [],
})

// ---- electron/store/auditChain.ts: the chain format (frozen with the log) ----

const GENESIS = 'complaint-desk-audit-v1'

/** JSON with sorted keys, so the same entry always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined)
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`
  }
  return JSON.stringify(value)
}

type Sealed = Record<string, unknown> & { seq: number; prevHash: string; hash: string }

/** Appends `entry` chained to the last one of `log`. */
function chainEntry(log: readonly Sealed[], entry: Record<string, unknown>): Sealed {
  const head = log.at(-1)
  const prevHash = head ? head.hash : GENESIS
  const body = { ...entry, seq: (head?.seq ?? 0) + 1 }
  const hash = createHash('sha256').update(prevHash).update('\n').update(canonical(body)).digest('hex')
  return { ...body, prevHash, hash }
}

// ---- the step ----

/** What migration 2 reads of a version 1 case (bbc246d: shared/schemas/case.ts). */
const V1Case = z.looseObject({
  category: z.string(),
  customerType: z.string(),
  phone: z.string(),
  amountFen: z.number().nullable(),
  description: z.string(),
  demandNote: z.string(),
  situations: z.array(z.string()),
  resolvedAtDesk: z.string(),
  receivedAt: z.string(),
})

/** A file of schema version 1 (bbc246d: electron/store/schema.ts), as far as this step reads it. */
const V1File = z.looseObject({
  schemaVersion: z.literal(1),
  appliedMigrations: z.array(z.unknown()),
  settings: z.looseObject({}),
  staff: z.array(z.unknown()),
  departments: z.array(z.unknown()),
  cases: z.array(V1Case),
  caseCounters: z.record(z.string(), z.unknown()),
  audit: z.array(z.looseObject({})),
})

/**
 * 2: the handling workflow. Branch policy gets its defaults; every case gets a claim amount
 * (none), a workflow record and a class computed by the rules from what it holds, with the
 * cases logged before it as history; the audit entries written so far are sealed into the
 * hash chain.
 */
export const workflow: Migration = {
  version: 2,
  from: V1File,
  up: (raw) => {
    const old = raw as z.infer<typeof V1File>
    const settings = { ...old.settings, workflow: structuredClone(V2_DEFAULT_WORKFLOW_SETTINGS) }
    const history: HistoryItem[] = []
    const cases = old.cases.map((c) => {
      const result = classify({ ...c, claimFen: null }, history, V2_DEFAULT_WORKFLOW_SETTINGS, new Date(c.receivedAt))
      history.push({ phone: c.phone, category: c.category, receivedAt: c.receivedAt })
      const workflow = {
        ...emptyWorkflow(),
        proposedClass: result.caseClass,
        reasons: result.reasons,
        urgent: result.urgent,
      }
      if (result.urgent) workflow.escalation = { notified: [], takenOverBy: null }
      return { ...c, claimFen: null, caseClass: result.caseClass, workflow }
    })
    const audit: Sealed[] = []
    for (const entry of old.audit) {
      const { seq: _s, prevHash: _p, hash: _h, ...body } = entry
      audit.push(chainEntry(audit, body))
    }
    return { ...old, settings, cases, audit, handovers: Array.isArray(old.handovers) ? old.handovers : [] }
  },
}
