/**
 * Names of staff and departments are told apart as people read them: surrounding spaces and
 * letter case do not make a new name ("收银 " is 收银, "Ana" is "ana").
 */
export function nameKey(name: string): string {
  return name.trim().normalize('NFKC').toLowerCase()
}

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b)
}

/** The index of each name that repeats an earlier one in the list. */
export function repeatedNames(names: readonly string[]): number[] {
  const seen = new Set<string>()
  const repeated: number[] = []
  names.forEach((n, i) => {
    const key = nameKey(n)
    if (key !== '' && seen.has(key)) repeated.push(i)
    seen.add(key)
  })
  return repeated
}
