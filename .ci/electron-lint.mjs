// Runs the Electron security linter (electronegativity) over the built app in out/ and fails
// on any finding of MEDIUM severity or above; LOW findings are printed for review.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
if (!existsSync('out/main/main.js')) {
  console.error('electron-lint: out/ is missing; run `npm run build` first.')
  process.exit(2)
}
const electronVersion = require('electron/package.json').version
const bin = join('node_modules', '.bin', process.platform === 'win32' ? 'electronegativity.cmd' : 'electronegativity')
const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL']
/**
 * One run of the linter: its report's rows, or null when the report is missing or not whole.
 * Under load a clean-clone CI once got a report whose rows ran into each other (a field cut
 * mid-way), which read as a finding with no name: such a report is run again, never trusted.
 */
function lint() {
  const csv = join(mkdtempSync(join(tmpdir(), 'eneg-')), 'findings.csv')
  // The linter looks online for translations and Electron releases; offline it carries on with the version given.
  const run = spawnSync(bin, ['-i', 'out', '-e', electronVersion, '-r', '-o', csv], {
    encoding: 'utf8',
    timeout: 300_000,
  })
  if (run.status !== 0 || !existsSync(csv)) {
    console.error('electron-lint: the linter did not finish', run.status, run.signal, run.stderr || run.error)
    return null
  }
  const rows = parseCsv(readFileSync(csv, 'utf8')).slice(1)
  const whole = rows.every((r) => r.length === 8 && /^[A-Z_]+$/.test(r[0]) && SEVERITIES.includes(r[1]))
  if (!whole) console.error('electron-lint: a report not whole was set aside:', csv)
  return whole ? rows : null
}
/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines. */
function parseCsv(text) {
  const rows = [[]]
  let field = ''
  let quoted = false
  const endField = () => {
    rows.at(-1).push(field.trim())
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endField()
    else if (ch === '\n') {
      endField()
      rows.push([])
    } else if (ch !== '\r') field += ch
  }
  endField()
  return rows.filter((r) => r.some((f) => f !== ''))
}
let rows = null
for (let attempt = 1; attempt <= 3 && rows === null; attempt++) rows = lint()
if (rows === null) {
  console.error('electron-lint: no whole report in 3 runs')
  process.exit(2)
}
const findings = rows.map(([check, severity, confidence, file, location]) => ({
  check,
  severity,
  confidence,
  file,
  location,
}))
// "Review" checks that fire on any use of a feature; each was reviewed, and a test holds the reason.
const REVIEWED = {
  PRELOAD_JS_CHECK:
    'the preload exposes one function per contract channel and nothing else (tests/unit/electron/preload.test.ts)',
}
const blocking = findings.filter(
  (f) => f.severity !== 'LOW' && f.severity !== 'INFORMATIONAL' && !(f.check in REVIEWED),
)
for (const f of findings) {
  const verdict = blocking.includes(f) ? 'FAIL' : f.check in REVIEWED ? 'reviewed' : 'note'
  console.log(
    `${verdict} ${f.severity} ${f.check} ${f.file}:${f.location}${REVIEWED[f.check] ? ` — ${REVIEWED[f.check]}` : ''}`,
  )
}
console.log(
  `electron-lint: ${findings.length} finding(s), ${blocking.length} at MEDIUM or above (Electron ${electronVersion})`,
)
process.exit(blocking.length > 0 ? 1 : 0)
