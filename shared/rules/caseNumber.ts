// Case numbers: KS-YYYYMMDD-NNNN, a per-day sequence that is never reused because the
// last number issued each day is kept in the store (not derived from surviving cases).
export const CASE_NUMBER_PREFIX = 'KS'
export const CASE_NUMBER_PATTERN = /^KS-\d{8}-\d{4,}$/

export function dayKey(date: Date): string {
  const y = date.getFullYear()
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${y}${m}${d}`
}

export function formatCaseNumber(day: string, sequence: number): string {
  if (!/^\d{8}$/.test(day)) throw new RangeError(`bad day key: ${day}`)
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`bad sequence: ${sequence}`)
  return `${CASE_NUMBER_PREFIX}-${day}-${String(sequence).padStart(4, '0')}`
}

/** Returns the next number for `now` and the updated counters (input left untouched). */
export function nextCaseNumber(
  counters: Readonly<Record<string, number>>,
  now: Date,
): { number: string; counters: Record<string, number> } {
  const day = dayKey(now)
  const sequence = (counters[day] ?? 0) + 1
  return { number: formatCaseNumber(day, sequence), counters: { ...counters, [day]: sequence } }
}
