// Amounts are entered as yuan with at most two decimals and stored as integer fen,
// so sums in reports never suffer from floating-point drift. AMOUNT_PATTERN is the plain form
// (digits, two decimals); readAmount below also takes a unit or currency sign ("20元", "¥20").
export const AMOUNT_PATTERN = /^\d{1,9}(\.\d{1,2})?$/
export const MAX_AMOUNT_FEN = 100_000_000 * 100

/**
 * Where the loss the rules count comes from (rules/amounts): typed by the clerk; the price (a
 * faulty item's loss is what was paid for it); the claim, still to be checked (a shortfall at
 * the till, medical costs); or none.
 */
export type LossSource = 'entered' | 'price' | 'claim' | 'none'

/** Why a typed amount is refused: the key under `validation.` that says so. */
export type AmountProblem = 'amountText' | 'amountNegative' | 'amountDecimals' | 'amountTooLarge'
export type AmountReading = { ok: true; fen: number | null } | { ok: false; problem: AmountProblem }

/**
 * A sign, digits, decimals and a unit, as a clerk types them: "20", "20.5", "20元", "20 元",
 * "¥20", "￥20" (full-width forms read as half-width). The sign and the parts are captured so
 * a refusal can say what is wrong ("-3": negative; "1.234": too many decimals).
 */
const TYPED_AMOUNT = /^(-?)\s*(?:¥\s*)?(-?)(\d+)(?:\.(\d+))?\s*(?:元)?$/

/**
 * The one reading of an amount typed as text (the intake form, its schema in main, the live
 * proposal): blank is "not given" (null); otherwise yuan with at most two decimals, as fen.
 * "20元5", "abc", "1,000", ".5" and "1e3" are refused (`amountText`), so are negative amounts
 * and a third decimal, each with its own reason.
 */
export function readAmount(text: string): AmountReading {
  const s = text.normalize('NFKC').trim()
  if (s === '') return { ok: true, fen: null }
  const m = TYPED_AMOUNT.exec(s)
  if (!m) return { ok: false, problem: 'amountText' }
  const [, signBefore, signAfter, whole, frac = ''] = m
  if (signBefore !== '' && signAfter !== '') return { ok: false, problem: 'amountText' }
  if (signBefore !== '' || signAfter !== '') return { ok: false, problem: 'amountNegative' }
  if (frac.length > 2) return { ok: false, problem: 'amountDecimals' }
  const digits = whole.replace(/^0+(?=\d)/, '')
  if (digits.length > 9) return { ok: false, problem: 'amountTooLarge' }
  return { ok: true, fen: Number(digits) * 100 + Number(frac.padEnd(2, '0')) }
}

/** Fen for a typed amount (readAmount); null when blank; a RangeError for anything it refuses. */
export function parseYuanToFen(text: string): number | null {
  const read = readAmount(text)
  if (!read.ok) throw new RangeError(`not an amount (${read.problem}): ${text}`)
  return read.fen
}

export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}
