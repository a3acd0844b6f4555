import { createHash } from 'node:crypto'
import { z } from 'zod'

/**
 * A digest of what a zod schema accepts and how it changes what it reads: its whole
 * definition (shapes, checks, enum values, defaults) with the source of every refine,
 * transform and preprocess in it, plus zod's own version. Any change to the schema code,
 * or a zod upgrade, gives another fingerprint; so a seal made under one (liveSeal.ts) is
 * never taken for data checked by another.
 */
export function schemaFingerprint(schema: z.ZodType): string {
  const { major, minor, patch } = z.core.version
  const text = JSON.stringify({ zod: `${major}.${minor}.${patch}`, schema: describe(schema) })
  return createHash('sha256').update(text).digest('hex')
}

/** The schema's definition as plain JSON; a node met again is named by where it was first met. */
function describe(schema: z.ZodType): unknown {
  const seen = new Map<object, number>()
  const walk = (value: unknown): unknown => {
    if (typeof value === 'function') return `fn:${value.toString()}`
    if (value instanceof RegExp) return `re:/${value.source}/${value.flags}`
    if (typeof value !== 'object' || value === null) return value
    const met = seen.get(value)
    if (met !== undefined) return `ref:${met}`
    seen.set(value, seen.size)
    if (Array.isArray(value)) return value.map(walk)
    // A schema, or one of its checks: its definition is what says what it does.
    const def = (value as { _zod?: { def?: unknown } })._zod?.def
    if (def !== undefined) return { def: walk(def) }
    return Object.fromEntries(Object.keys(value).map((k) => [k, walk((value as Record<string, unknown>)[k])]))
  }
  return walk(schema)
}
