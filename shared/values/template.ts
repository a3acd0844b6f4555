/**
 * Script templates a clerk reads aloud (docs/domain.md §6): `{slot}` is filled in, and a part in
 * `[…]` is said only when every slot in it has a value — so an empty slot goes with the words
 * around it ("[关于{product}，]"), never leaving "—", a bare label or dangling punctuation.
 * Groups do not nest. Pure, no dependencies: the settings schema checks templates with it.
 */

export type TemplateLang = 'zh' | 'en'

const SLOT = /\{([a-zA-Z]+)\}/g

/** Why a template cannot be used, or null: unbalanced or nested brackets, an unknown slot, a required slot missing. */
export function templateProblem(
  template: string,
  allowed: readonly string[],
  required: readonly string[] = [],
): 'brackets' | 'slot' | 'missing' | null {
  let depth = 0
  for (const ch of template) {
    if (ch === '[') depth++
    else if (ch === ']') depth--
    if (depth < 0 || depth > 1) return 'brackets'
  }
  if (depth !== 0) return 'brackets'
  // A brace that is not part of a well-formed {slot} is a typo the customer would hear.
  if (/[{}]/.test(template.replace(SLOT, ''))) return 'slot'
  const used = [...template.matchAll(SLOT)].map((m) => m[1])
  if (used.some((s) => !allowed.includes(s))) return 'slot'
  if (required.some((s) => !used.includes(s))) return 'missing'
  return null
}

const ZH_PUNCT = '，。；：！？、'
const EN_PUNCT = ',.;:!?'
/** Stronger first: when two marks meet (a dropped part left them side by side), the stronger stays. */
const STRENGTH = '？?！!。.；;：:，,、'

/** A slot's value as it is spoken: one line, no leading or trailing punctuation. */
export function cleanSlot(value: string | null | undefined): string {
  return (value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[，。；：！？、,.;:!?\s]+/, '')
    .replace(/[，。；：！？、,;:!?\s]+$/, '')
    .replace(/(?<!\.)\.$/, '')
    .trim()
}

/** Fills a template (see the file comment) and tidies what dropping parts left behind. */
export function fillTemplate(template: string, slots: Readonly<Record<string, string>>, lang: TemplateLang): string {
  const value = (name: string) => cleanSlot(slots[name])
  const fill = (part: string) => part.replace(SLOT, (_m, name: string) => value(name))
  const withGroups = template.replace(/\[([^\]]*)\]/g, (_m, group: string) => {
    const names = [...group.matchAll(SLOT)].map((m) => m[1])
    return names.every((n) => value(n) !== '') ? fill(group) : ''
  })
  return tidy(fill(withGroups), lang)
}

function tidy(text: string, lang: TemplateLang): string {
  const marks = `${ZH_PUNCT}${EN_PUNCT}`
  let s = text.replace(/\s+/g, ' ').trim()
  // No space before a mark; none after a full-width one.
  s = s.replace(new RegExp(` +([${escape(marks)}）)])`, 'g'), '$1')
  s = s.replace(new RegExp(`([${escape(ZH_PUNCT)}（]) +`, 'g'), '$1')
  // Marks that met where a part was dropped: keep the strongest one. "..." is an ellipsis.
  s = s.replace(new RegExp(`[${escape(marks)}]{2,}`, 'g'), (run) =>
    /^\.{3,}$/.test(run) ? '...' : [...run].sort((a, b) => STRENGTH.indexOf(a) - STRENGTH.indexOf(b))[0],
  )
  // Nothing dangles at the start; the end is a full stop or a question.
  s = s.replace(new RegExp(`^[${escape(marks)}\\s]+`), '')
  const end = lang === 'zh' ? /[。？！…]$/ : /[.?!…]$/
  if (s !== '' && !end.test(s)) s = s.replace(new RegExp(`[${escape(marks)}]+$`), '') + (lang === 'zh' ? '。' : '.')
  if (lang === 'en') s = s.replace(/(^|[.?!] )([a-z])/g, (_m, before: string, ch: string) => before + ch.toUpperCase())
  return s
}

const escape = (chars: string) => chars.replace(/[\\\]^-]/g, '\\$&')
