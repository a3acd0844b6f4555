import type { Category, ConfirmableRule, Mood, Situation } from '../values/options'

/**
 * Questions the intake asks the clerk when the category and the customer's mood make a risk
 * likely that no keyword caught (docs/domain.md §4a): "服务态度 + 激动：是否涉及辱骂？". A
 * "yes" confirms a Class 2 rule or ticks an urgent situation, with one click.
 */
export interface PromptDef {
  id: string
  /** Categories it is asked for (all when absent). */
  categories?: readonly Category[]
  /** Moods it is asked for (all when absent). */
  moods?: readonly Mood[]
  confirms: { rule: ConfirmableRule } | { situation: Situation }
}

export const PROMPTS: readonly PromptDef[] = [
  {
    id: 'abuse',
    categories: ['service_attitude', 'cashier_error'],
    moods: ['upset', 'angry'],
    confirms: { rule: 'staff_misconduct' },
  },
  {
    id: 'harm',
    categories: ['product_quality', 'safety_health', 'premises', 'after_sales'],
    confirms: { situation: 'injury_or_harm' },
  },
  {
    id: 'security',
    categories: ['price_billing', 'cashier_error', 'other'],
    confirms: { situation: 'security_incident' },
  },
  { id: 'threat', moods: ['angry'], confirms: { rule: 'external_threat' } },
  { id: 'shouting', moods: ['angry'], confirms: { rule: 'intense_complaint' } },
  {
    id: 'sensitive',
    categories: ['service_attitude'],
    moods: ['upset', 'angry'],
    confirms: { rule: 'sensitive_remarks' },
  },
]

/** At most this many questions at once: the clerk is talking to the customer. */
export const MAX_PROMPTS = 3
