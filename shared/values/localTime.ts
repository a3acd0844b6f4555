// The intake form's 受理时间 is a local wall-clock time (datetime-local: YYYY-MM-DDTHH:mm);
// the branch PC's time zone is the only one that matters here.
export const LOCAL_DATETIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/

export function parseLocalDateTime(text: string): Date | null {
  if (!LOCAL_DATETIME_PATTERN.test(text)) return null
  const [datePart, timePart] = text.split('T')
  const [y, mo, d] = datePart.split('-').map(Number)
  const [h, mi] = timePart.split(':').map(Number)
  const date = new Date(y, mo - 1, d, h, mi)
  // Reject rolled-over values such as 2026-02-30.
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d || date.getHours() !== h) {
    return null
  }
  return date
}

export function toLocalDateTime(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}T${p(date.getHours())}:${p(date.getMinutes())}`
}

/** Midnight starting local calendar day `day` (YYYY-MM-DD), in ms. */
export function localDayStart(day: string): number {
  return new Date(`${day}T00:00:00`).getTime()
}

/** Midnight ending local calendar day `day` (the next day's start), in ms; right across DST changes too. */
export function localDayEnd(day: string): number {
  const d = new Date(`${day}T00:00:00`)
  d.setDate(d.getDate() + 1)
  return d.getTime()
}

/** True when the instant `iso` falls within local days `from`–`to`, both inclusive. */
export function withinLocalDays(iso: string, from: string, to: string): boolean {
  const t = new Date(iso).getTime()
  return t >= localDayStart(from) && t < localDayEnd(to)
}
