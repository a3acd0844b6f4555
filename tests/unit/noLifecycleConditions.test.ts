import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

/**
 * The case page draws its actions from shared/rules/lifecycle.ts (availableActions). A status
 * or class condition in the renderer is a second copy of the lifecycle that drifts from main's:
 * this test lists every one (file:line) so none creeps back. Show a status with
 * `options.status.${c.status}` or a class with `wf.class${c.caseClass}Track`; decide with the
 * case's actions.
 */
const root = fileURLToPath(new URL('../..', import.meta.url))
const renderer = join(root, 'renderer', 'src')

const CONDITIONS: RegExp[] = [
  /\b(c|kase|case)\.(status|caseClass)\s*[!=]==?/, // c.status === 'resolved'
  /[!=]==?\s*(c|kase|case)\.(status|caseClass)\b/, // 'resolved' === c.status
  /\.includes\(\s*(c|kase|case)\.(status|caseClass)\s*\)/, // [...].includes(c.status)
  /switch\s*\(\s*(c|kase|case)\.(status|caseClass)\s*\)/, // switch (c.status)
]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  )
}

function conditionsIn(text: string): number[] {
  return text.split('\n').flatMap((line, i) => (CONDITIONS.some((re) => re.test(line)) ? [i + 1] : []))
}

describe('the renderer decides no action from a case status or class', () => {
  it('finds such conditions when they are there', () => {
    const sample = [
      "const open = c.status !== 'voided'",
      '{c.caseClass === 2 && <p />}',
      "['resolved', 'closed'].includes(c.status)",
      "if ('closed' === kase.status) return",
      'switch (c.status) {',
      '<span className={`badge status-${c.status}`}>{t(`options.status.${c.status}`)}</span>',
      "const badge = m.status === 'open'",
    ].join('\n')
    expect(conditionsIn(sample)).toEqual([1, 2, 3, 4, 5])
  })

  it('has none in renderer/src', () => {
    const files = sourceFiles(renderer)
    expect(files.map((f) => relative(root, f))).toContain(join('renderer', 'src', 'case', 'ActionsCard.tsx'))
    const found = files.flatMap((file) =>
      conditionsIn(readFileSync(file, 'utf8')).map((line) => `${relative(root, file)}:${line}`),
    )
    expect(found, `status/class conditions (use availableActions):\n${found.join('\n')}`).toEqual([])
  })
})
