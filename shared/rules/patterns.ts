// Cross-branch patterns (跨店规律, issue 16): the same category, or the same product, model or
// batch words, in several branches within a few days — a bad batch shows up across stores long
// before any one store sees three cases. Pure: the cases, the thresholds and `asOf` are given.
//
// Product words come from the cases themselves, never from a list of product names:
// - **model**: a code of letters and digits in the product or the description (MB-40, XQB80,
//   BCD-520), compared without case, width or separators (ＭＢ－４０ = mb40 = MB-40); a quantity
//   with a unit (5kg, 500ml, 55寸) is no model, nor is a case number (KS-20261120-0001);
// - **batch**: whatever code follows 批号/批次/生产日期/LOT/batch (digits alone count here);
// - **product**: each Chinese or Latin word of the product field (电饭煲, 空气炸锅, iPhone), and
//   the same word where another case's description names it (a case logged without a product).
import type { Category } from '../values/options'
import { CASE_NUMBER_PATTERN } from './caseNumber'
import type { PatternKind, TokenKind } from '../values/patterns'

/** A word found in a case: `key` compares, `text` is shown (as first written). */
export interface Token {
  kind: TokenKind
  key: string
  text: string
}

/** Placeholders clerks type where the product is unknown: no product word. */
const NOT_A_PRODUCT = new Set([
  '无',
  '没有',
  '其他',
  '其它',
  '不详',
  '未知',
  '不清楚',
  '商品',
  '产品',
  '服务',
  'n/a',
  'na',
])

/** A number with a unit of quantity, size or power: part of a product's name, not a model. */
const QUANTITY =
  /^\d+(?:\.\d+)?(?:kg|g|mg|t|ml|l|cl|cm|mm|m|km|w|kw|kwh|v|mah|ah|gb|tb|mb|hz|khz|mhz|ghz|p|k|x|pcs|寸|英寸|斤|公斤|克|升|毫升|片|粒|包|瓶|盒|袋|只|个|件|元)$/i
const BATCH_MARK =
  /(?:生产批号|批号|批次号|批次|生产日期|(?<![a-z])lot\s*(?:no\.?)?|(?<![a-z])batch\s*(?:no\.?)?)\s*[:：#＃号为是]?\s*([A-Za-z0-9][A-Za-z0-9\-_/.]{3,31})/gi
const CODE = /[A-Za-z0-9]+(?:[-_./][A-Za-z0-9]+)*/g
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]{2,}/g
const LATIN_WORD = /^[a-z]{3,}$/i

const WIDE = /[\u3000\uff01-\uff5e]/
/** Full-width letters, digits and signs to their ASCII forms (ＭＢ－４０ → MB-40); most texts have none. */
export function normalizeText(s: string): string {
  return WIDE.test(s) ? s.normalize('NFKC') : s
}

/** Where a batch may be named at all (the full pattern is only tried then). */
const BATCH_HINT = /批|生产日期|lot|batch/i

const codeKey = (code: string) => code.replace(/[-_./]/g, '').toUpperCase()

/** A letters-and-digits code that names a model: both letters and digits, not a quantity or a case number. */
function isModel(code: string): boolean {
  const key = codeKey(code)
  return (
    key.length >= 3 &&
    key.length <= 32 &&
    /[A-Z]/.test(key) &&
    /\d/.test(key) &&
    !QUANTITY.test(code) &&
    !CASE_NUMBER_PATTERN.test(code.toUpperCase())
  )
}

function push(into: Map<string, Token>, kind: TokenKind, key: string, text: string): void {
  const id = `${kind}:${key}`
  if (!into.has(id)) into.set(id, { kind, key, text })
}

/** The product words of a product field: its Chinese runs and Latin words (not codes, quantities or placeholders). */
export function productWords(product: string): string[] {
  const text = normalizeText(product).trim()
  if (!text || NOT_A_PRODUCT.has(text.toLowerCase())) return []
  const words: string[] = []
  for (const m of text.matchAll(CJK_RUN)) if (!NOT_A_PRODUCT.has(m[0])) words.push(m[0])
  for (const part of text.split(/[^A-Za-z]+/)) if (LATIN_WORD.test(part)) words.push(part)
  return words
}

/** Finds known product words in free text (indexed by their first character: many words, long texts). */
export class Vocabulary {
  private readonly byFirst = new Map<string, string[]>()
  constructor(words: Iterable<string>) {
    for (const w of new Set([...words].map((x) => x.toLowerCase()))) {
      const list = this.byFirst.get(w[0])
      if (list) list.push(w)
      else this.byFirst.set(w[0], [w])
    }
  }

  get size(): number {
    return this.byFirst.size
  }

  /** The words found in `text` (already normalized), each once. */
  find(text: string): string[] {
    const lower = text.toLowerCase()
    const found = new Set<string>()
    for (let i = 0; i < lower.length - 1; i++) {
      const candidates = this.byFirst.get(lower[i])
      if (!candidates) continue
      for (const w of candidates) {
        // A Latin word counts at a word start only ("pan" is not in "japan").
        if (i > 0 && LATIN_WORD.test(w) && /[a-z]/.test(lower[i - 1])) continue
        if (lower.startsWith(w, i)) found.add(w)
      }
    }
    return [...found]
  }
}

const EMPTY = new Vocabulary([])

/**
 * The words of one case: models and batches in its product and description, product words of
 * its product field, and `vocabulary` words (other cases' product words) its description names.
 * `words`: the product field's words when the caller has them already (productWords).
 */
export function caseTokens(
  product: string,
  description: string,
  vocabulary: Vocabulary = EMPTY,
  words: readonly string[] = productWords(product),
): Token[] {
  const found = new Map<string, Token>()
  const described = normalizeText(description)
  const text = `${normalizeText(product)}\n${described}`
  const batches = new Set<string>()
  for (const m of BATCH_HINT.test(text) ? text.matchAll(BATCH_MARK) : []) {
    const key = codeKey(m[1])
    batches.add(key)
    push(found, 'batch', key, m[1])
  }
  for (const m of text.matchAll(CODE))
    if (isModel(m[0]) && !batches.has(codeKey(m[0]))) push(found, 'model', codeKey(m[0]), m[0])
  for (const w of words) push(found, 'product', w.toLowerCase(), w)
  if (vocabulary.size > 0) for (const w of vocabulary.find(described)) push(found, 'product', w, w)
  return [...found.values()]
}

/** What a pattern needs of a case (head office reads it from the branches' documents). */
export interface PatternCase {
  branchCode: string
  caseId: string
  caseNo: string
  category: Category
  /** ISO instant. */
  receivedAt: string
  product: string
  description: string
  voided?: boolean
}

export interface PatternOptions {
  /** At least this many branches (default 3). */
  minBranches: number
  /** Within this many days before asOf (default 14). */
  days: number
  asOf: Date
}

export interface Pattern {
  kind: PatternKind
  /** The token's key, or the category id. */
  key: string
  /** As shown: the word as first written, or the category id (the screen names it). */
  text: string
  /** Branches with such a case in the window, most cases first. */
  branches: { branchCode: string; count: number }[]
  cases: number
  firstAt: string
  lastAt: string
  /** The newest cases (at most 20), for head office to open. */
  examples: { branchCode: string; caseId: string; caseNo: string; receivedAt: string }[]
}

const RANK: Record<PatternKind, number> = { batch: 0, model: 1, product: 2, category: 3 }
const EXAMPLES = 20
const DAY = 86_400_000

/** The window a pattern is looked for in: (asOf − days, asOf]. */
export function patternWindow(o: Pick<PatternOptions, 'days' | 'asOf'>): { from: Date; to: Date } {
  return { from: new Date(o.asOf.getTime() - o.days * DAY), to: o.asOf }
}

/**
 * The patterns among `cases` (voided ones and those outside the window left out): a token or a
 * category found in cases of at least `minBranches` branches. Batches first, then models,
 * product words and categories; within a kind, the most branches first.
 */
export function findPatterns(cases: readonly PatternCase[], o: PatternOptions): Pattern[] {
  const { from, to } = patternWindow(o)
  // Newest first, once: every group's cases then come in that order.
  const inWindow = cases
    .map((c) => ({ c, t: Date.parse(c.receivedAt) }))
    .filter(({ c, t }) => !c.voided && t > from.getTime() && t <= to.getTime())
    .sort((a, b) => b.t - a.t)
    .map(({ c }) => c)
  // A product field is read once however many cases name it.
  const wordsOf = new Map<string, string[]>()
  const words = inWindow.map((c) => {
    let w = wordsOf.get(c.product)
    if (!w) wordsOf.set(c.product, (w = productWords(c.product)))
    return w
  })
  const vocabulary = new Vocabulary([...wordsOf.values()].flat())
  const groups = new Map<string, { kind: PatternKind; key: string; text: string; cases: PatternCase[] }>()
  const add = (kind: PatternKind, key: string, text: string, c: PatternCase) => {
    const id = `${kind}:${key}`
    const g = groups.get(id)
    if (g) g.cases.push(c)
    else groups.set(id, { kind, key, text, cases: [c] })
  }
  inWindow.forEach((c, i) => {
    add('category', c.category, c.category, c)
    for (const t of caseTokens(c.product, c.description, vocabulary, words[i])) add(t.kind, t.key, t.text, c)
  })
  const patterns: Pattern[] = []
  for (const g of groups.values()) {
    const perBranch = new Map<string, number>()
    for (const c of g.cases) perBranch.set(c.branchCode, (perBranch.get(c.branchCode) ?? 0) + 1)
    if (perBranch.size < o.minBranches) continue
    patterns.push({
      kind: g.kind,
      key: g.key,
      text: g.text,
      branches: [...perBranch]
        .map(([branchCode, count]) => ({ branchCode, count }))
        .sort((a, b) => b.count - a.count || a.branchCode.localeCompare(b.branchCode)),
      cases: g.cases.length,
      firstAt: g.cases[g.cases.length - 1].receivedAt,
      lastAt: g.cases[0].receivedAt,
      examples: g.cases
        .slice(0, EXAMPLES)
        .map((c) => ({ branchCode: c.branchCode, caseId: c.caseId, caseNo: c.caseNo, receivedAt: c.receivedAt })),
    })
  }
  return patterns.sort(
    (a, b) =>
      RANK[a.kind] - RANK[b.kind] ||
      b.branches.length - a.branches.length ||
      b.cases - a.cases ||
      a.key.localeCompare(b.key),
  )
}
