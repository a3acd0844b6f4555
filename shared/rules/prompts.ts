import { MAX_PROMPTS, PROMPTS, type PromptDef } from '../domain/prompts'
import type { Category, ConfirmableRule, Mood, RuleId, Situation } from '../values/options'

export interface PromptInput {
  category: Category | ''
  mood?: Mood | ''
  situations: readonly Situation[]
  confirmedRules?: readonly ConfirmableRule[]
}

/**
 * The questions to put to the clerk now (docs/domain.md §4a): those for this category and mood
 * whose rule has not fired, been ticked, confirmed or answered "no" (`declined`), at most
 * MAX_PROMPTS, in the table's order. Pure.
 */
export function promptsFor(input: PromptInput, fired: readonly RuleId[], declined: readonly string[]): PromptDef[] {
  if (!input.category) return []
  const category = input.category
  const settled = (p: PromptDef) =>
    'rule' in p.confirms
      ? fired.includes(p.confirms.rule) || (input.confirmedRules ?? []).includes(p.confirms.rule)
      : fired.includes(p.confirms.situation) || input.situations.includes(p.confirms.situation)
  return PROMPTS.filter(
    (p) =>
      (!p.categories || p.categories.includes(category)) &&
      (!p.moods || (input.mood !== undefined && input.mood !== '' && p.moods.includes(input.mood))) &&
      !declined.includes(p.id) &&
      !settled(p),
  ).slice(0, MAX_PROMPTS)
}

/** The form's new values once the clerk answers "yes". */
export function confirmPrompt(
  p: PromptDef,
  values: { situations: readonly Situation[]; confirmedRules?: readonly ConfirmableRule[] },
): { situations: Situation[]; confirmedRules: ConfirmableRule[] } {
  const situations = [...values.situations]
  const confirmedRules = [...(values.confirmedRules ?? [])]
  if ('rule' in p.confirms) {
    if (!confirmedRules.includes(p.confirms.rule)) confirmedRules.push(p.confirms.rule)
  } else if (!situations.includes(p.confirms.situation)) situations.push(p.confirms.situation)
  return { situations, confirmedRules }
}
