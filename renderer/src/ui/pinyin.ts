import { match } from 'pinyin-pro'

/**
 * Whether an option's label answers what the clerk typed: the Chinese text itself, or its
 * pinyin (initials `syc` or full `shouyin` find 收银差错), case and spaces ignored.
 */
export function optionMatches(label: string, typed: string): boolean {
  const squash = (text: string) => text.replace(/\s+/g, '').toLowerCase()
  const input = squash(typed)
  if (input === '') return true
  if (squash(label).includes(input)) return true
  return /^[a-z]+$/.test(input) && match(label, input, { continuous: true }) !== null
}
