// Keyword matching for the free-text triggers. A keyword preceded closely by a negation in
// the same clause ("没有受伤", "Nobody was hurt", "不会找律师") does not count.
const CLAUSE_BREAK = /[。；;！!？?\n,，]/
const ZH_NEGATION = /(没有|没|未|无|不|并非|别)[^]{0,2}$/
const EN_NEGATION = /\b(no|not|nobody|never|none|without|no one)\b(\s+\S+){0,2}\s*$|n't(\s+\S+){0,1}\s*$/i
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

function isNegated(text: string, index: number): boolean {
  const before = text.slice(0, index)
  const clause = before.split(CLAUSE_BREAK).pop() ?? ''
  return ZH_NEGATION.test(clause) || EN_NEGATION.test(clause)
}

/** The first keyword that occurs un-negated in `text`, or null. */
export function findKeyword(text: string, keywords: readonly string[]): KeywordHit | null {
  for (const raw of keywords) {
    const keyword = raw.trim()
    if (keyword === '') continue
    const index = occurrences(text, keyword).find((i) => !isNegated(text, i))
    if (index !== undefined) return { keyword, index }
  }
  return null
}
