import { CaseDraft, LIMITS } from '../schemas/case'

/**
 * The required intake fields the class rules read (docs/domain.md §4–§5): until each is filled
 * the live proposal says 待判定, never a class guessed from a blank form (issue 14).
 */
export const PROPOSAL_NEEDS = ['category', 'mood', 'description'] as const
export type ProposalNeed = (typeof PROPOSAL_NEEDS)[number]

/**
 * The fields of PROPOSAL_NEEDS still unfilled, in form order; none: the proposal can be shown.
 * "Filled" is what the intake schema says of the field (a blank or invisible description is
 * not), except that a description over its limit counts as typed (the form says it is too long).
 */
export function proposalMissing(values: { [K in ProposalNeed]?: unknown }): ProposalNeed[] {
  return PROPOSAL_NEEDS.filter((field) => {
    const value = values[field]
    const typed = field === 'description' && typeof value === 'string' ? value.slice(0, LIMITS.description) : value
    return !CaseDraft.shape[field].safeParse(typed).success
  })
}
