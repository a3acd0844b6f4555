// Keyword matching for the free-text triggers. A keyword preceded closely by a negation in
// the same clause ("没有受伤", "Nobody was hurt", "不会找律师") does not count.
//
// A list entry is one of:
// - a word or phrase: "盗刷", "data leak" (Latin words match at a word start);
// - alternatives separated by "/": "示威/抗议";
// - parts joined by "+", each with its alternatives: "工商/税务+检查/来店". Every part must
//   occur, un-negated, in the same sentence and near each other (any order): a co-occurrence,
//   for situations no single word names ("工商" alone is no inspection);
// - "!" and phrases ("/"): exceptions. A keyword found inside one does not count ("!民族风":
//   a 民族风 dress is no remark on ethnicity; "!找工商/叫工商": a customer who means to call the
//   regulator is no inspection yet).
const CLAUSE_BREAK = /[。；;！!？?\n,，]/
const SENTENCE_BREAK = /[。；;！!？?\n]/
const ZH_NEGATOR = /没有|没|未|无|不|并非|别/g
/** Words that contain a negator but do not negate what follows ("不停地大喊", "别人盗刷"). */
const NOT_NEGATING = [
  '不停',
  '不断',
  '不少',
  '不久',
  '不仅',
  '不光',
  '不管',
  '不顾',
  '不满',
  '不耐烦',
  '不明',
  '不知情',
  '不住',
  '无故',
  '无端',
  '毫无',
  '别人',
  '别的',
  '特别',
  '分别',
  '区别',
  '性别',
  '级别',
  '类别',
  '识别',
  '告别',
  '差别',
  '个别',
  '未经',
  '无论',
  '无数',
  '无线',
  '不同',
  '不良',
  '不当',
  '不合格',
  '不正常',
]
/** How far (characters) the parts of a co-occurrence may lie apart. */
const NEAR = 12
const EN_NEGATION = /\b(no|not|nobody|nothing|never|none|without|no one)\b(\s+\S+){0,2}\s*$|n't(\s+\S+){0,1}\s*$/i
const LATIN = /^[\x20-\x7e]+$/

export interface KeywordHit {
  keyword: string
  index: number
}

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

function zhNegated(clause: string): boolean {
  // A negator within two characters of the keyword, unless it is part of a word that does not negate.
  for (const m of clause.matchAll(ZH_NEGATOR)) {
    if (clause.length - (m.index + m[0].length) > 2) continue
    const around = clause.slice(Math.max(0, m.index - 2), m.index + 4)
    const offset = m.index - Math.max(0, m.index - 2)
    const inWord = NOT_NEGATING.some((w) => {
      for (let i = around.indexOf(w); i !== -1; i = around.indexOf(w, i + 1))
        if (i <= offset && i + w.length >= offset + m[0].length) return true
      return false
    })
    if (!inWord) return true
  }
  return false
}

function isNegated(text: string, index: number): boolean {
  const before = text.slice(0, index)
  const clause = before.split(CLAUSE_BREAK).pop() ?? ''
  return zhNegated(clause) || EN_NEGATION.test(clause)
}

interface Span {
  word: string
  start: number
  end: number
}

/** Un-negated occurrences of any of the alternatives, outside the exceptions. */
function spans(text: string, alternatives: readonly string[], exceptions: readonly Span[]): Span[] {
  const found: Span[] = []
  for (const raw of alternatives) {
    const word = raw.trim()
    if (word === '') continue
    for (const start of occurrences(text, word)) {
      const end = start + word.length
      if (exceptions.some((x) => x.start <= start && x.end >= end)) continue
      if (!isNegated(text, start)) found.push({ word, start, end })
    }
  }
  return found.sort((a, b) => a.start - b.start)
}

const sentenceOf = (text: string, index: number) => text.slice(0, index).split(SENTENCE_BREAK).length

/** All parts near each other in one sentence: the first such set, or null. */
function cooccurrence(text: string, parts: readonly Span[][]): KeywordHit | null {
  for (const first of parts[0] ?? []) {
    const chosen = [first]
    for (const rest of parts.slice(1)) {
      const near = rest.find((s) => {
        const [a, b] = s.start < first.start ? [s, first] : [first, s]
        return b.start >= a.end && b.start - a.end <= NEAR && sentenceOf(text, a.start) === sentenceOf(text, b.start)
      })
      if (!near) break
      chosen.push(near)
    }
    if (chosen.length === parts.length)
      return { keyword: chosen.map((s) => s.word).join('+'), index: Math.min(...chosen.map((s) => s.start)) }
  }
  return null
}

/** The first list entry that occurs un-negated in `text` (see the top of this file), or null. */
export function findKeyword(text: string, keywords: readonly string[]): KeywordHit | null {
  const exceptions: Span[] = []
  for (const raw of keywords) {
    const entry = raw.trim()
    if (!entry.startsWith('!') || entry.length < 2) continue
    for (const alternative of entry.slice(1).split('/')) {
      const word = alternative.trim()
      if (word === '') continue
      for (const start of occurrences(text, word)) exceptions.push({ word, start, end: start + word.length })
    }
  }
  for (const raw of keywords) {
    const entry = raw.trim()
    if (entry === '' || entry.startsWith('!')) continue
    const parts = entry.split('+').map((p) => p.split('/'))
    if (parts.some((p) => p.every((w) => w.trim() === ''))) continue
    const found = parts.map((p) => spans(text, p, exceptions))
    if (parts.length === 1) {
      if (found[0].length > 0) return { keyword: found[0][0].word, index: found[0][0].start }
      continue
    }
    const hit = cooccurrence(text, found)
    if (hit) return hit
  }
  return null
}
