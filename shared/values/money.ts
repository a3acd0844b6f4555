// Amounts are entered as yuan with at most two decimals and stored as integer fen,
// so sums in reports never suffer from floating-point drift.
export const AMOUNT_PATTERN = /^\d{1,9}(\.\d{1,2})?$/
export const MAX_AMOUNT_FEN = 100_000_000 * 100

/**
 * Where the loss the rules count comes from (rules/amounts): typed by the clerk; the price (a
 * faulty item's loss is what was paid for it); the claim, still to be checked (a shortfall at
 * the till, medical costs); or none.
 */
export type LossSource = 'entered' | 'price' | 'claim' | 'none'

export function parseYuanToFen(text: string): number | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  if (!AMOUNT_PATTERN.test(trimmed)) throw new RangeError(`not an amount: ${text}`)
  const [whole, frac = ''] = trimmed.split('.')
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'))
}

export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
