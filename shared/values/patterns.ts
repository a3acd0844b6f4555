// Cross-branch patterns (跨店规律): the kinds and the thresholds head office starts from
// (shared/rules/patterns.ts finds them).
export const TOKEN_KINDS = ['batch', 'model', 'product'] as const
export type TokenKind = (typeof TOKEN_KINDS)[number]
export const PATTERN_KINDS = [...TOKEN_KINDS, 'category'] as const
export type PatternKind = (typeof PATTERN_KINDS)[number]

/** Defaults head office starts from: 3 branches within 14 days. */
export const PATTERN_DEFAULTS = { minBranches: 3, days: 14 } as const
/** Bounds of the inputs (the screen and the contract use the same). */
export const PATTERN_LIMITS = { minBranches: { min: 2, max: 100 }, days: { min: 1, max: 90 } } as const
